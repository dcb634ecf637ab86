// Variadic parameters and nested functions.
func sum(_ numbers: Int...) -> Int {
    var total = 0
    for n in numbers {
        total += n
    }
    return total
}
print(sum())
print(sum(1, 2, 3))
func average(_ values: Double...) -> Double {
    if values.isEmpty {
        return 0
    }
    return values.reduce(0, +) / Double(values.count)
}
print(average(1, 2, 3, 4))
func labeled(_ prefix: String, _ items: String..., separator: String = ", ") -> String {
    prefix + items.joined(separator: separator)
}
print(labeled("List: ", "a", "b", "c"))
print(labeled("L: ", "x", "y", separator: "|"))
func outer(_ x: Int) -> Int {
    func inner(_ y: Int) -> Int {
        y * 10
    }
    func helper() -> Int {
        inner(x) + 1
    }
    return helper()
}
print(outer(4))
func counterDemo() -> [Int] {
    var results: [Int] = []
    var count = 0
    func bump() {
        count += 1
        results.append(count)
    }
    bump()
    bump()
    bump()
    return results
}
print(counterDemo())
print(sum(1, 2, 3) + sum(10))
func describeAll(_ values: Int...) -> String {
    "\(values.count) values: \(values)"
}
print(describeAll(4, 5))
