struct Pt { var x = 0; mutating func move() { x += 1 } }
class C {
    var items: [Int] = [] { didSet { print("items", items) } }
    var pt = Pt() { didSet { print("pt", pt.x) } }
    var d: [String: Int] = [:] { didSet { print("d", d.count) } }
    var s = "a" { willSet { print("will", newValue) } didSet { print("s", s) } }
}
let c = C()
c.items.append(3)
c.items[0] = 9
c.pt.move()
c.pt.x = 1
c.d["k"] = 5
c.s += "b"
