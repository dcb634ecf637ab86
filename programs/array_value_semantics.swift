// Arrays, dictionaries and strings are values: assignment copies.
var a = [1, 2, 3]
var b = a
b.append(4)
print(a, b)
func addOne(_ arr: [Int]) -> [Int] {
    var c = arr
    c.append(1)
    return c
}
let c = addOne(a)
print(a, c)
var nested = [[1], [2]]
var copy = nested
copy[0].append(9)
print(nested, copy)
var d = ["k": [1]]
var e = d
e["k"]!.append(2)
print(d["k"]!, e["k"]!)
var s = "abc"
var t = s
t += "d"
print(s, t)
var original = [10, 20]
let snapshot = original
original[0] = 0
print(original, snapshot)
var captured = [1]
let show = { print(captured) }
captured.append(2)
show()
a = b
b.removeAll()
print(a, b)
d["k"] = nil
print(d.isEmpty, e.count)
