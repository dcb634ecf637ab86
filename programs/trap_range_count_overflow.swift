// The number of elements of a range must fit in an Int.
let small = 0..<Int.max
print(small.count)
print((-5...5).count)
let huge = Int.min..<Int.max
print(huge.count)
