// Doubling until the product no longer fits in an Int traps.
var x = 1
for step in 1...70 {
    x *= 2
    if step % 20 == 0 {
        print(step, x)
    }
}
