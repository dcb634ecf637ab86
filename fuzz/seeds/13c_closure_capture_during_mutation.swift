struct S {
    var v = 0
    var w = (1, 2)
    mutating func with(_ f: () -> Void) { f(); v += 1; w.0 += 1 }
}
func g() {
    var s = S()
    s.with { s.v = 5; s.w = (3, 4) }
    print(s.v, s.w)
}
g()
