func f(_ a: inout Int, _ b: inout Int) { a += 1; b += 1 }
var x = 1
var a = [1, 2]
f(&x, &x)
swap(&a[0], &a[1])
struct S {
    var v = 0
    mutating func with(_ body: () -> Void) { v += 1; body() }
}
var s = S()
s.with { s.v += 1 }
class K { var v = 0 }
let k = K()
func twice(_ p: inout Int, _ q: () -> Void) { p += 1; q() }
twice(&k.v) { k.v += 1 }
print(x, a, s.v, k.v)
