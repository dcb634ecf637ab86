// Shifts are "smart": overshifting gives 0 (or -1), negative amounts shift the other way.
print(1 << 3)
print(16 >> 2)
print(-16 >> 2)
print(-1 >> 1)
print(1 << 63)
print(1 << 64)
print(1 << 100)
print(-1 >> 64)
print(5 >> 64)
print(1 << -1)
print(8 >> -2)
print(8 << -2)
let amount = 65
print(3 << amount, -3 >> amount)
var v = 1
v <<= 4
print(v)
v >>= 2
print(v)
print(Int.min >> 63)
print(Int.max >> 62)
let big = 64
print(-1 << big, Int.max >> big)
