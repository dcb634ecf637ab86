// for-in over ranges, arrays, dictionaries, strings and strides; where clauses.
for i in 1...3 {
    print("closed", i)
}
for i in 0..<2 {
    print("half-open", i)
}
for fruit in ["apple", "pear"] {
    print(fruit)
}
for ch in "hey" {
    print(ch)
}
let ages = ["b": 2, "a": 1]
for (name, age) in ages.sorted(by: { $0.key < $1.key }) {
    print(name, age)
}
for k in ages.keys.sorted() {
    print(k)
}
var total = 0
for (_, v) in ages {
    total += v
}
print(total)
for i in stride(from: 0, to: 10, by: 3) {
    print(i, terminator: " ")
}
print()
for i in stride(from: 10, through: 0, by: -5) {
    print(i, terminator: " ")
}
print()
for x in stride(from: 0.0, through: 1.0, by: 0.25) {
    print(x, terminator: " ")
}
print()
for i in 1...10 where i % 4 == 0 {
    print("multiple of 4:", i)
}
for _ in 0..<2 {
    print("underscore")
}
for (i, c) in "ab".enumerated() {
    print(i, c)
}
var product = 1
for n in [2, 3, 4] {
    product *= n
}
print(product)
for i in (1...3).reversed() {
    print(i, terminator: "")
}
print()
for i in stride(from: 5, to: 0, by: -2) {
    print(i, terminator: ",")
}
print()
for word in ["a", "bb", "ccc"] where word.count != 2 {
    print(word)
}
