// Wrapping arithmetic (&+ &- &*) and bitwise operators.
print(Int.max &+ 1 == Int.min)
print(Int.max &+ 1)
print(Int.min &- 1)
print(Int.max &* 2)
print(5 &+ 3, 5 &- 8, 4 &* 3)
let a = 0b1100
let b = 0b1010
print(a & b, a | b, a ^ b)
print(~a)
print(~0)
var flags = 0
flags |= 1 << 2
flags |= 1 << 0
print(flags)
flags &= ~1
print(flags)
flags ^= 0b11
print(flags)
print(0xFF & 0x0F, 0xF0 | 0x0F)
var w = Int.max
w = w &+ 10
print(w)
var h = 0
for n in [3, 1, 4] {
    h = h &* 31 &+ n
}
print(h)
print(Int.min &* -1)
print(-1 & 0xFF)
