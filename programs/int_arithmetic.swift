// Int arithmetic: truncating division, remainder sign, limits, isMultiple(of:).
let a = 17
let b = 5
print(a + b, a - b, a * b, a / b, a % b)
print(-a / b, -a % b)
print(a / -b, a % -b)
print(7 / 2, -7 / 2)
print(Int.max)
print(Int.min)
print(Int.max - 1 + 1)
print(Int.min + Int.max)
print(12.isMultiple(of: 4), 12.isMultiple(of: 5))
print(0.isMultiple(of: 3), (-9).isMultiple(of: 3))
print(abs(-42))
print(2 * (3 + 4))
print(100 / 7 * 7 + 100 % 7)
var x = 10
x += 5
x -= 3
x *= 2
x /= 4
x %= 4
print(x)
print(Int.max.description.count)
let big = 3_000_000_000
print(big * 3)
print(-(-5))
