// A Compiler budget (the compiler's scratch: loop exits) too small for the first loop: the
// error names Compiler and the loop, exit 70.
var total = 0
for i in 0..<3 {
    if i == 1 { continue }
    total += i
}
print(total)
