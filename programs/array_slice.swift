// ArraySlice keeps the base array's indices (issue 14, item 4).
let a = [10, 20, 30, 40, 50, 60]
let s = a[2...3]
print(s)
print(s[2], s[3])
print(s.firstIndex(of: 40)!, s.lastIndex(of: 30)!)
print(s.startIndex, s.endIndex, s.indices, s.count, s.isEmpty)
print(s.first!, s.last!)
for i in s.indices {
    print(i, s[i], a[i])
}
for x in s {
    print(x)
}

// Searching a slice gives indices into the base.
if let i = a.firstIndex(where: { $0 > 15 }) {
    let rest = a[(i + 1)...]
    if let j = rest.firstIndex(where: { $0 > 15 }) {
        print("first at \(i): \(a[i]), second at \(j): \(a[j])")
    }
}
print(a[1...].firstIndex(where: { $0 > 35 })!, a[1...].lastIndex(where: { $0 < 55 })!)

// Sequence operations give Arrays.
print(s.map { $0 * 2 }, s.reduce(0, +), s.contains(30), s.contains(99))
print(s.sorted(by: >), a[1..<4].min()!, a[1..<4].max()!)
let words = ["a", "b", "c", "d"]
print(words[1...].joined(separator: "-"))
for (n, x) in a[4...].enumerated() {
    print(n, x)
}
print(Array(a[3...].reversed()))
print(Set(a[0..<2]).count)
var b = [1]
b.append(contentsOf: a[4...])
print(b)

// Slicing a slice keeps the indices; Array(...) starts again at 0.
let t = a[1...4]
let u = t[3...]
print(u, u.startIndex, u[4])
print(t[..<3], t[..<3].startIndex)
let arr = Array(u)
print(arr, arr.startIndex, arr[0])
print(a.prefix(2), a.suffix(2), a.dropFirst(4), a.dropLast(4))
print(a.dropFirst(2).startIndex, a.suffix(3).startIndex, a.dropFirst().first!)

// == compares the elements.
print(a[1...2] == a[1...2], a[1...2] == a[2...3])
let lit: ArraySlice<Int> = [20, 30]
print(lit == a[1...2], lit.startIndex)

// Mutation through a slice variable changes the slice, not the base.
var m = a[1...2]
m[1] = 9
print(m, a)
var copy = m
copy[2] = 0
print(m, copy)
m.append(70)
print(m, m.startIndex, m.endIndex)
print(m.removeFirst(), m, m.startIndex)
m += [1, 2]
print(m)

// Walking a slice down to nothing.
var rest = a[0...]
var total = 0
while !rest.isEmpty {
    total += rest.first!
    rest = rest.dropFirst()
}
print(total, rest.startIndex, rest.isEmpty)

let f = a[2...].filter { $0 % 20 == 0 }
print(f, f.startIndex)

// + appends to the left operand: its type and its startIndex.
let joined = a[4...] + a[0...1]
print(a[..<1] + a[5...], joined, joined.startIndex, joined[6], [0] + a[5...])
