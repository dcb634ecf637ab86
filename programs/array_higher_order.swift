// Higher-order functions on arrays: map, filter, reduce, compactMap, flatMap, forEach.
let nums = [1, 2, 3, 4, 5]
print(nums.map { $0 * $0 })
print(nums.filter { $0 % 2 == 1 })
print(nums.reduce(0, +))
print(nums.reduce(1) { $0 * $1 })
print(nums.map { String($0) })
let strs = ["1", "x", "3", "4.5", "-7"]
print(strs.compactMap { Int($0) })
let nested = [[1, 2], [3], [], [4, 5, 6]]
print(nested.flatMap { $0 })
nums.forEach { print($0 * 10, terminator: " ") }
print()
let total = nums.filter { $0 > 2 }.map { $0 * 2 }.reduce(0, +)
print(total)
print(nums.map { Double($0) / 2 })
let words = ["apple", "kiwi", "banana"]
print(words.map { $0.count })
print(words.filter { $0.count > 4 }.map { $0.uppercased() })
let sumOfCounts = words.reduce(0) { acc, w in acc + w.count }
print(sumOfCounts)
let sentence = words.reduce("") { $0.isEmpty ? $1 : $0 + " " + $1 }
print(sentence)
print([Int]().map { $0 * 2 }, [Int]().reduce(7, +))
let optionals: [Int?] = [1, nil, 3]
print(optionals.compactMap { $0 })
print(nums.map { $0 % 2 == 0 })
