func increment(_ n: Int) -> Int {
    return n + 1
}
print(increment(41))
print(increment(Int.max))
