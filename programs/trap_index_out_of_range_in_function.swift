// An index read inside a function (operands in local slots) traps the same way.
func element(_ items: [Int], _ i: Int) -> Int {
    return items[i]
}

print(element([10, 20, 30], 2))
print(element([10, 20, 30], -1))
