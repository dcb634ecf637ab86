// `return` cannot leave a branch of an `if` expression.
func firstPositive(_ values: [Int]) -> Int {
    let head = values.first ?? 0
    let result = if head > 0 { head } else { return 0 }
    return result
}
print(firstPositive([3]))
