// Scopes and shadowing: inner declarations hide outer ones until the scope ends.
let x = 1
func f() -> Int {
    let x = 2
    return x
}
print(x, f())
if x == 1 {
    let x = "inner"
    print(x)
}
print(x)
for x in 10...11 {
    print(x)
}
print(x)
func g(_ x: Int) -> Int {
    let y = x * 2
    func h() -> Int {
        let x = 100
        return x + y
    }
    return h()
}
print(g(5))
var counter = 0
func bump() {
    counter += 1
}
bump()
bump()
print(counter)
let value: Int? = 5
if let value = value {
    print(value + 1)
}
print(value ?? 0)
