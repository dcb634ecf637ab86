// Each deinit makes and releases the next instance: deinits nest without end.
class Link {
    let n: Int
    init(_ n: Int) { self.n = n }
    deinit {
        if n % 100 == 0 {
            print("deinit \(n)")
        }
        var next: Link? = Link(n + 1)
        next = nil
    }
}

var first: Link? = Link(0)
first = nil
print("never")
