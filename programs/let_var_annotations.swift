// let and var, type annotations, tuple destructuring, deferred initialization.
let a = 5
var b = 10
b += a
print(a, b)
let c: Int = 3
var d: String = "x"
d += "y"
print(c, d)
var (x, y) = (1, 2)
x += y
print(x, y)
let (name, age) = ("Ann", 41)
print("\(name) is \(age)")
let (q, r) = (17 / 5, 17 % 5)
print(q, r)
var list: [String] = []
list.append("item")
print(list)
var maybe: Int?
print(maybe == nil)
maybe = 4
print(maybe!)
func describe(_ flag: Bool) -> String {
    let result: String
    if flag {
        result = "yes"
    } else {
        result = "no"
    }
    return result
}
print(describe(true), describe(false))
let (p, (q2, r2)) = (1, (2, 3))
print(p + q2 + r2)
let annotated: (Int, Bool) = (7, true)
let (num, flag) = annotated
print(num, flag)
var changing = 1
changing = changing * 10 + 2
print(changing)
