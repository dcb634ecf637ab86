// Mutating arrays: append, insert, remove, removeFirst/Last/All, +=, element writes.
var a = [1, 2, 3]
a.append(4)
print(a)
a.append(contentsOf: [5, 6])
print(a)
a.insert(0, at: 0)
print(a)
a.insert(99, at: 3)
print(a)
let removed = a.remove(at: 3)
print(removed, a)
let first = a.removeFirst()
print(first, a)
let last = a.removeLast()
print(last, a)
a.removeFirst()
a.removeLast()
print(a)
a += [7]
print(a)
a[0] = 20
a[a.count - 1] += 1
print(a)
a.removeAll()
print(a, a.isEmpty)
a.insert(5, at: 0)
a.insert(6, at: 1)
print(a)
var strs: [String] = []
strs.append("x")
strs += ["y", "z"]
strs.insert("w", at: strs.count)
print(strs)
