func remainder(_ a: Int, _ b: Int) -> Int {
    return a % b
}
print(remainder(10, 3))
print(remainder(1, 0))
