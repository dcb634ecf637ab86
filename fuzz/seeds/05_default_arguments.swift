class C {
    var v: Int
    init(v: Int = 3) { self.v = v }
    func add(_ x: Int = 1) -> Int { return v + x }
    static func make(n: Int = 7) -> C { return C(v: n) }
}
struct S {
    var x = 0
    mutating func bump(by d: Int = 2) { x += d }
}
let c = C()
print(c.v, c.add(), c.add(5), C.make().v)
var s = S()
s.bump()
s.bump(by: 10)
print(s.x)
