let a = [10, 20, 30, 40, 50]
let s = a[2...3]
print(s[2], s[3])
print(s.firstIndex(of: 40) ?? -1)
var t = a[1..<4]
t[1] = 99
print(Array(t), t.count, t.first ?? 0, t.last ?? 0)
for (i, x) in s.enumerated() { print(i, x) }
print(s.indices.map { $0 })
