var f: () -> Int = { 0 }
for i in 0..<100_000 {
    let g = f
    f = { g() + i - i }
}
print("built")
f = { 1 }
print(f())
