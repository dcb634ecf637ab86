// Bool values, logical operators and short-circuit evaluation.
let t = true
let f = false
print(t && f, t || f, !t)
print(t == f, t != f)
func check(_ label: String, _ value: Bool) -> Bool {
    print("checked \(label)")
    return value
}
if check("a", false) && check("b", true) {
    print("both")
} else {
    print("not both")
}
if check("c", true) || check("d", true) {
    print("either")
}
let x = 7
print(x > 5 && x < 10)
print(!(x == 7) || x % 2 == 1)
print(true && false || true)
print(String(t) + "!")
var flag = false
flag = !flag
print(flag)
let both = [true, false, true].filter { $0 }.count
print(both)
