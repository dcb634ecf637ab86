// Inside a property's own observer, setting the property on self stores directly, but
// setting it on another instance runs that instance's observers (Swift).
class Node {
    let name: String
    var next: Node?
    var v: Int = 0 {
        didSet {
            print("\(name).v = \(v)")
            if v < 3 { next?.v = v + 1 }
            if v > 100 { v = 100 }
        }
    }
    init(_ name: String) { self.name = name }
}
let a = Node("a"), b = Node("b"), c = Node("c")
a.next = b
b.next = c
a.v = 1
c.v = 500
print(a.v, b.v, c.v)

struct Clamp {
    var x = 0 {
        didSet {
            print("x \(oldValue) -> \(x)")
            if x > 10 { x = 10 }
        }
    }
    init() { x = 50 }
}
var s = Clamp()
print(s.x)
s.x = 20
print(s.x)
