// Global standard-library functions: min, max, abs, swap, zip, stride, repeatElement.
print(min(3, 7), max(3, 7))
print(min(4, 2, 8), max(4, 2, 8))
print(min(2.5, 1.5), max("a", "b"))
print(abs(-7), abs(7), abs(-2.5))
var a = 1
var b = 2
swap(&a, &b)
print(a, b)
for (n, s) in zip([1, 2, 3], ["one", "two"]) {
    print(n, s)
}
print(Array(zip([1, 2], [true, false])))
print(zip([1, 2, 3], [4, 5, 6]).map { pair in pair.0 * pair.1 })
print(Array(stride(from: 1, to: 10, by: 4)))
print(Array(stride(from: 3, through: 1, by: -1)))
print(Array(stride(from: 0, through: 10, by: 5)))
print(Array(stride(from: 0, to: 10, by: 5)))
print(Array(stride(from: 0, to: 0, by: 1)))
print(Array(repeatElement("ab", count: 3)))
print(String(describing: 42), String(42), Int("7")! + 1)
