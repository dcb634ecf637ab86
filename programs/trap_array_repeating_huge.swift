// An array of Int.max elements cannot be allocated.
let small = Array(repeating: 0, count: 3)
print(small)
let huge = Array(repeating: 0, count: Int.max)
print(huge.count)
