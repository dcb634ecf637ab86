func check(_ n: Int) -> Int {
    if n < 0 {
        fatalError("negative input: \(n)")
    }
    return n * 2
}
print(check(4))
print(check(-3))
