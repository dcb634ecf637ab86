// Ranges: closed and half-open, bounds, contains, conversion to arrays, slicing.
let closed = 1...5
let halfOpen = 0..<3
print(closed)
print(halfOpen)
print(closed.count, halfOpen.count)
print(closed.contains(5), halfOpen.contains(3))
print(closed.lowerBound, closed.upperBound)
print(halfOpen.lowerBound, halfOpen.upperBound)
print(Array(closed))
print(Array(halfOpen))
print((0..<0).isEmpty, (0..<0).count)
print(Array((1...4).reversed()))
print((1...10).filter { $0 % 3 == 0 })
print((1...4).map { $0 * $0 })
print((1...100).reduce(0, +))
var sum = 0
for i in 1...4 {
    sum += i
}
print(sum)
let n = 3
for i in 0..<n {
    print(i, terminator: " ")
}
print()
let letters = ["a", "b", "c", "d", "e"]
print(letters[1..<3])
print(Array(letters[2...4]))
let r = 5..<5
for _ in r {
    print("never")
}
print(r.isEmpty)
let lo = 2
let hi = 4
let dynamic = lo...hi
print(dynamic, dynamic.count)
print((-3...3).count, Array(-2..<1))
