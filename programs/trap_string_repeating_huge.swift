// A string of 2 * Int.max bytes cannot be allocated.
print(String(repeating: "ab", count: 3))
print(String(repeating: "", count: 5).isEmpty)
let huge = String(repeating: "ab", count: Int.max)
print(huge.count)
