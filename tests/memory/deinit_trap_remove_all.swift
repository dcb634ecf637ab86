// A deinit traps while removeAll() releases the elements: the instances still being
// released are let go, not left half-deinitialised (no interpreter leak).
class Item {
    let n: Int
    init(_ n: Int) { self.n = n }
    deinit {
        print("deinit \(n)")
        if n == 2 {
            fatalError("item \(n)")
        }
    }
}

var items = [Item(1), Item(2), Item(3)]
items.removeAll()
print("never")
