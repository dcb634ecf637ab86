// zip stops at the shorter sequence: an endless range numbers the other one.
let fruits = ["apple", "banana", "cherry"]
for (n, fruit) in zip(1..., fruits) {
    print("\(n). \(fruit)")
}
print(Array(zip(fruits, 10...)))
print(Array(zip(0..<2, fruits)))
let none: [String] = []
print(Array(zip(1..., none)).count)
