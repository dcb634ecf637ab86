// A closure passed straight to a call is non-escaping: it may capture an inout parameter.
func apply(_ f: () -> Void) { f() }
func bump(_ x: inout Int) {
    apply { x += 1 }
    [1, 2].forEach { x += $0 }
}
var n = 0
bump(&n)
print(n)
