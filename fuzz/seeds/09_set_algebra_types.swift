let s: Set<Int> = [1, 2, 3]
print(s.union([3, 4]).sorted())
print(s.intersection([2, 3, 9]).sorted())
print(s.subtracting([1]).sorted(), s.isSubset(of: [1, 2, 3, 4]))
print(s.symmetricDifference(Set([3, 5])).sorted())
let chars = Set("abc")
print(chars.union("cd").sorted())
