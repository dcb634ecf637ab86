class T { let n: Int; init(n: Int) { self.n = n }; deinit { if n == 2 { let a: [Int] = []; print(a[1]) } } }
var ts = [T(n: 1), T(n: 2), T(n: 3)]
ts.removeAll()
print("unreachable")
