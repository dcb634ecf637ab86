// Copy on write: copies of arrays, dictionaries, strings and structs holding them are independent.
let original = [1, 2, 3]
var copy = original
copy.append(4)
copy[0] = 100
print(original, copy)
var matrix = [[1, 2], [3, 4]]
let snapshot = matrix
matrix[0][0] = 9
print(matrix, snapshot)

struct Inventory {
    var items: [String] = []
    var counts: [String: Int] = [:]
}
var inv1 = Inventory()
inv1.items.append("apple")
inv1.counts["apple"] = 1
var inv2 = inv1
inv2.items.append("pear")
inv2.counts["apple"] = 5
print(inv1.items, inv1.counts)
print(inv2.items, inv2.counts)

let s1 = "hello"
var s2 = s1
s2 += " world"
print(s1, s2)

func modify(_ a: [Int]) -> [Int] {
    var b = a
    b.removeLast()
    return b
}
let base = [7, 8, 9]
print(modify(base), base)

class Ref {
    var v = 0
}
let refs = [Ref(), Ref()]
var refsCopy = refs
refsCopy[0].v = 42
refsCopy.append(Ref())
print(refs[0].v, refs.count, refsCopy.count)

var big = Array(repeating: 0, count: 1_000_000)
let bigCopy = big
big[999_999] = 1
print(big[999_999], bigCopy[999_999], bigCopy.count)
