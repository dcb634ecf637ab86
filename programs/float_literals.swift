// Floating-point literals: fractions, exponents, separators, hexadecimal floats.
let a = 1.5
let b = 1e-3
let c = 2.5e10
let d = 0x1p-2
let e = 0x1.8p1
let f = 1_000.000_1
let g = 6.02e23
let h = 1E3
let i = 0xAp0
let j = 5e-1
print(a)
print(b)
print(c)
print(d)
print(e)
print(f)
print(g)
print(h)
print(i)
print(j)
print(a + 1)
print(0.5 + 0.25)
