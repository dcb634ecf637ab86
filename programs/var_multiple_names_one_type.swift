// One type annotation for several names: var red, green, blue: Double.
var a, b: Int
a = 1; b = 2
print(a + b)
var red, green, blue: Double
red = 0.5; green = 1; blue = 0
print(red, green, blue)
let x = 1, y: String = "s"
print(x, y)
func f() { var p, q: [Int]; p = [1]; q = p + [2]; print(q) }
f()
