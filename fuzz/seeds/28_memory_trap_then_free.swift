// Run with --mem-limit objects=64KiB.
var big: [[Int]] = []
for i in 0..<100 { big.append(Array(repeating: i, count: 1000)) }
big = []
print(big.count)
