// Three nodes in a ring: each holds the next, the last holds the first.
class Node {
    let name: String
    var next: Node?
    init(_ name: String) { self.name = name }
    deinit { print("\(name) freed") }
}

func makeRing() {
    let a = Node("a")
    let b = Node("b")
    let c = Node("c")
    a.next = b
    b.next = c
    c.next = a
}

makeRing()
print("ring made")
