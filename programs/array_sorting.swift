// Sorting and ordering: sorted, sorted(by:), sort, reversed, enumerated, indices, joined.
let a = [5, 2, 9, 1, 7]
print(a.sorted())
print(a.sorted(by: >))
print(a.sorted { $0 > $1 })
var b = a
b.sort()
print(b)
b.sort(by: >)
print(b)
print(a)
print(Array(a.reversed()))
for (i, x) in a.enumerated() where i < 2 {
    print(i, x)
}
for i in a.indices {
    print(i, terminator: ",")
}
print()
let words = ["pear", "fig", "apple"]
print(words.sorted())
print(words.sorted { $0.count < $1.count })
print(words.joined(separator: ", "))
print(words.sorted().joined(separator: "/"))
print([1, 2] + [3] + [])
var names = ["Cy", "Al", "Bo"]
names.sort()
print(names, names.reversed().first!)
print(Array("hello".sorted()))
