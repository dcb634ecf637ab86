// Mutating an observed property in place (a mutating method, an element, a field of a
// struct property, a dictionary entry, +=, an inout argument) runs willSet and didSet
// with the whole old and new values, as Swift does.
struct Pt {
    var x = 0
    mutating func move() { x += 10 }
}

class C {
    var items: [Int] = [] {
        willSet { print("items willSet \(newValue)") }
        didSet { print("items didSet \(oldValue) -> \(items)") }
    }
    var pt = Pt() {
        didSet { print("pt didSet \(oldValue.x) -> \(pt.x)") }
    }
    var d: [String: Int] = [:] {
        didSet { print("d didSet \(oldValue) -> \(d)") }
    }
    var s = "a" {
        didSet { print("s didSet \(oldValue) -> \(s)") }
    }
    func clear() {
        items.removeAll()
    }
}

func bump(_ v: inout Int) { v += 1 }

let c = C()
c.items.append(3)
c.items[0] = 9
c.items += [4]
c.pt.move()
c.pt.x = 1
c.d["k"] = 5
c.d["k"]! += 1
c.s += "b"
c.s.append("c")
bump(&c.pt.x)
c.clear()

struct Outer {
    var inner = Pt() {
        didSet { print("inner didSet \(oldValue.x) -> \(inner.x)") }
    }
}
var o = Outer()
o.inner.x = 5
o.inner.move()
var list = [Outer()]
list[0].inner.x = 2
print(o.inner.x, list[0].inner.x)
