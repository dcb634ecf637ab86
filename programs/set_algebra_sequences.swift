// Set algebra and append(contentsOf:) accept any sequence of the element type (issue 14, item 9).
var s: Set<Int> = [1, 2, 3]
let a = [3, 4]
print(s.union(a).sorted(), s.intersection(a).sorted(), s.subtracting(a).sorted(), s.symmetricDifference(a).sorted())
print(s.isSubset(of: [1, 2, 3, 4]), s.isSuperset(of: a), s.isDisjoint(with: 7...9), s.union(5...6).sorted())
s.formUnion([9, 10]); print(s.sorted())
s.subtract(a); print(s.sorted())
s.formIntersection([1, 2, 10, 11]); print(s.sorted())
s.formSymmetricDifference(Set([2, 20])); print(s.sorted())
var arr = [1]
arr.append(contentsOf: s.sorted())
arr.append(contentsOf: 7...8)
print(arr)
