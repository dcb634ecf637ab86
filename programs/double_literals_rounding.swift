// A floating-point literal and Double(String) of the same digits are one correctly
// rounded Double (hexadecimal included), as in Swift.
print(0x1.000000000000081p0)
print(Double("0x1.000000000000081p0")!)
print(0x1.000000000000081p0 == Double("0x1.000000000000081p0")!)
print(0x1.0000000000000801p0, 0x1.00000000000008p0, 0x1.00000000000018p0)
let big: Double = 0xFFFF_FFFF_FFFF_FFFF_F
print(big, 1.7976931348623157e308, 0.1 + 0.2)
