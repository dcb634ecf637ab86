func divide(_ a: Int, by b: Int) -> Int {
    return a / b
}
print(divide(10, by: 2))
print(divide(1, by: 0))
