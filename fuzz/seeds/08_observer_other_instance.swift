class Node {
    var next: Node?
    var v = 0 { didSet { print("v =", v); if v < 3 { next?.v = v + 1 } } }
}
let a = Node(), b = Node(), c = Node()
a.next = b; b.next = c
a.v = 1
print(a.v, b.v, c.v)
