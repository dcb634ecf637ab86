// A chain of 100,000 closures, each capturing the previous one, is freed without
// recursing on the host stack.
var f: () -> Int = { 0 }
for _ in 0..<100_000 {
    let previous = f
    f = { previous() + 1 }
}
print("built")
f = { 42 }
print("dropped", f())
