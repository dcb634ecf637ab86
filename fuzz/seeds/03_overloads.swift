func describe(_ x: Int) { print("Int \(x)") }
func describe(_ x: Double) { print("Double \(x)") }
func describe(_ x: String) { print("String \(x)") }
func f(_ x: Int) { print("f Int") }
func f(_ x: Int?) { print("f Int?") }
func g(a x: Int) -> Int { return x }
func g(b x: Int) -> Int { return -x }
describe(1)
describe(1.5)
describe("s")
f(1)
let n: Int? = nil
f(n)
print(g(a: 1), g(b: 2))
