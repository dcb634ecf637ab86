// #function: the enclosing declaration's name (with argument labels), the property's
// name in an accessor, init/deinit, and the module's name at top level.
print(#function)
func greet(_ name: String, times: Int) { print(#function) }
greet("a", times: 1)
func noArgs() { let c = { print(#function) }; c() }
noArgs()
struct S {
    var x = 1
    func method(value: Int) { print(#function) }
    mutating func bump() { print(#function) }
    init() { print(#function) }
    init(x: Int) { self.x = x; print(#function) }
    var computed: Int { print(#function); return x }
}
var s = S()
s.method(value: 1)
s.bump()
_ = S(x: 2)
_ = s.computed
class C { deinit { print(#function) } }
var c: C? = C()
c = nil
func outer() { func inner(a: Int) { print(#function) }; inner(a: 1) }
outer()
