// A slice is an ArraySlice, not an Array: Swift wants Array(firstTwo) here.
let a = [10, 20, 30, 40]
let firstTwo = a[..<2]
let copy: [Int] = firstTwo
print(copy)
