// A slice shares its base's storage: the elements outside the window live as long as it.
// A write copies only the window when the storage is shared, and writes in place otherwise.
class C {
    let v: Int
    init(_ v: Int) { self.v = v }
    deinit { print("deinit", v) }
}
func f() {
    var s = [C(1), C(2), C(3)][1...]
    s[2] = C(4)
    print("after write", s[1].v, s[2].v, s.startIndex)
    var t = s
    t[1] = C(5)
    print("after copy", s[1].v, t[1].v)
}
f()
print("end")
