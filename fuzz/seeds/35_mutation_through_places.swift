struct S { var a: [Int] = [] }
var s = S()
for i in 0..<20000 { s.a.append(i) }
var arr = [[Int]](repeating: [], count: 2)
for i in 0..<20000 { arr[1].append(i) }
var dict: [String: [Int]] = ["k": []]
for i in 0..<20000 { dict["k"]!.append(i) }
print(s.a.count, arr[1].count, dict["k"]!.count)
