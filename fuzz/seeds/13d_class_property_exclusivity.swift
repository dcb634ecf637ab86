struct S {
    var v = 0
    var w = (1, 2)
    mutating func with(_ f: () -> Void) { f(); v += 1; w.0 += 1 }
}
final class Box { var s = S() }
let b = Box()
b.s.with { b.s.w = (3, 4); print(b.s.v) }
print(b.s.v, b.s.w)
