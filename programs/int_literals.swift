// Integer literals: decimal, hexadecimal, octal, binary, `_` separators.
let dec = 42
let hex = 0xFF
let oct = 0o17
let bin = 0b1010
let big = 1_000_000
let hexSep = 0xFF_FF
let binSep = 0b1111_0000
let neg = -0x10
print(dec, hex, oct, bin)
print(big)
print(hexSep, binSep, neg)
print(0x7FFF_FFFF_FFFF_FFFF)
print(1_0_0)
print(007)
print(0b0, 0o0, 0x0)
print(0xab + 0xAB)
