// Functions: argument labels, `_`, default parameter values, implicit return.
func greet(person: String, from hometown: String) -> String {
    return "Hello \(person) from \(hometown)!"
}
print(greet(person: "Bill", from: "Cupertino"))
func square(_ x: Int) -> Int { x * x }
print(square(7))
func power(_ base: Int, to exponent: Int = 2) -> Int {
    var result = 1
    for _ in 0..<exponent {
        result *= base
    }
    return result
}
print(power(3))
print(power(2, to: 10))
func describe(name: String, age: Int = 30, city: String = "Paris") -> String {
    "\(name), \(age), \(city)"
}
print(describe(name: "A"))
print(describe(name: "B", city: "Rome"))
print(describe(name: "C", age: 5, city: "Oslo"))
func move(from a: Int, to b: Int) -> Int { b - a }
print(move(from: 3, to: 10))
func join(_ a: String, _ b: String, with sep: String = "-") -> String { a + sep + b }
print(join("x", "y"))
print(join("x", "y", with: "+"))
func noReturn() {
    print("side effect")
}
noReturn()
func early(_ n: Int) -> String {
    if n < 0 {
        return "negative"
    }
    return "non-negative"
}
print(early(-1), early(1))
func area(width: Int, height: Int) -> Int { width * height }
func area(side: Int) -> Int { side * side }
print(area(width: 2, height: 3), area(side: 4))
func log(_ message: String, level: String = "INFO") {
    print("[\(level)] \(message)")
}
log("started")
log("careful", level: "WARN")
