// Searching arrays: contains, firstIndex, min, max, allSatisfy.
let a = [5, 3, 8, 3, 9, 1]
print(a.contains(8), a.contains(7))
print(a.firstIndex(of: 3)!)
print(a.firstIndex(of: 3))
print(a.firstIndex(of: 42) == nil)
print(a.firstIndex(where: { $0 > 5 })!)
print(a.firstIndex { $0 > 100 } == nil)
print(a.min()!, a.max()!)
print(a.min(), [Int]().max())
print(a.allSatisfy { $0 > 0 }, a.allSatisfy { $0 > 1 })
print([Int]().allSatisfy { $0 > 100 })
print(a.contains { $0 % 2 == 0 })
let names = ["bob", "alice", "carol"]
print(names.min()!, names.max()!)
print(names.firstIndex(of: "carol")!)
print(names.contains("dave"))
if let i = a.firstIndex(of: 9) {
    print("9 at \(i)")
}
if let j = names.firstIndex(where: { $0.hasPrefix("a") }) {
    print("starts with a: \(names[j])")
}
print([2.5, -1.0, 7.25].max()!)
