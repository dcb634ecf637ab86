// Recursing a million calls deep overflows the stack.
func depth(_ n: Int) -> Int {
    if n == 0 {
        return 0
    }
    return 1 + depth(n - 1)
}
print(depth(10))
print(depth(1_000_000))
