// Top-level functions overloaded by parameter and result types: the call picks the
// declaration whose types fit best (an exact type over a literal's other type over an
// optional promotion), whatever the declaration order.
func describe(_ x: Int) { print("Int \(x)") }
func describe(_ x: Double) { print("Double \(x)") }
func describe(_ x: String) { print("String \(x)") }
describe(1)
describe(1.5)
describe(-2)
describe("s")
let d = 2.5
describe(d)

func f(_ x: Int?) { print("Int?") }
func f(_ x: Int) { print("Int") }
f(1)
let o: Int? = 2
f(o)
f(nil)
let n = 3
f(n)

func g(_ x: Int, _ y: Double) { print("Int, Double") }
func g(_ x: Double, _ y: Int) { print("Double, Int") }
g(1, 2.0)
g(1.0, 2)

func h(_ x: Int) -> Int { return x }
func h(_ x: Int) -> String { return "s\(x)" }
let hs: String = h(1)
let hi: Int = h(2)
print(hs, hi)

func area(width: Int, height: Int) -> Int { width * height }
func area(side: Int) -> Int { side * side }
print(area(width: 2, height: 3), area(side: 4))

class Animal {}
class Dog: Animal {}
func name(_ a: Animal) -> String { "animal" }
func name(_ d: Dog) -> String { "dog" }
let pet: Animal = Dog()
print(name(Dog()), name(pet), name(Animal()))

func pad(_ s: String, _ width: Int = 8) -> String { "pad \(s) \(width)" }
func pad(_ s: String) -> String { "plain \(s)" }
print(pad("x"), pad("x", 3))

let asDouble: (Double) -> Void = describe
asDouble(4)
