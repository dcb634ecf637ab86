// A deinit traps at the end of a scope: what was being released is let go, not left
// half-deinitialised (no interpreter leak).
class Item {
    let n: Int
    var other: Item?
    init(_ n: Int) { self.n = n }
    deinit {
        print("deinit \(n)")
        if n == 2 {
            fatalError("item \(n)")
        }
    }
}

func scope() {
    let a = Item(1)
    let b = Item(2)
    b.other = Item(4)
    let c = Item(3)
    print("leaving", a.n, b.n, c.n)
}

scope()
print("never")
