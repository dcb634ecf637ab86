// String interpolation of every kind of value, nested interpolation included.
let name = "Swift"
let version = 5
print("Hello, \(name) \(version)!")
print("Sum: \(2 + 3), product: \(2 * 3)")
let pi = 3.14159
print("Pi is about \(pi)")
print("Nested: \("inner \(version * 2)")")
print("Deeper: \("a \("b \("c")")")")
print("Array: \([1, 2, 3]) and \(["a", "b"])")
let t = (1, "x")
print("Tuple: \(t)")
print("Bool: \(version > 4)")
print("Call: \(name.count) letters, upper \(name.uppercased())")
let d = 2.0
print("\(d) \(d / 4) \(Double(version))")
print("Empty: [\("")]")
print("\(name)\(name)")
print("Dictionary: \(["k": 1])")
print("Expression with strings: \(name + "!")")
let items = ["x", "y"]
print("\(items.count) items: \(items.joined(separator: "+"))")
