// Nested arrays as matrices and grids.
var m = [[1, 2, 3], [4, 5, 6]]
print(m)
print(m[1][2])
m[0][1] = 20
print(m[0])
func transpose(_ a: [[Int]]) -> [[Int]] {
    var t = Array(repeating: Array(repeating: 0, count: a.count), count: a[0].count)
    for i in 0..<a.count {
        for j in 0..<a[0].count {
            t[j][i] = a[i][j]
        }
    }
    return t
}
print(transpose(m))
print(m.map { $0.reduce(0, +) })
func multiply(_ a: [[Int]], _ b: [[Int]]) -> [[Int]] {
    var result = Array(repeating: Array(repeating: 0, count: b[0].count), count: a.count)
    for i in 0..<a.count {
        for j in 0..<b[0].count {
            for k in 0..<b.count {
                result[i][j] += a[i][k] * b[k][j]
            }
        }
    }
    return result
}
let a = [[1, 2], [3, 4]]
let b = [[5, 6], [7, 8]]
print(multiply(a, b))
var grid = Array(repeating: Array(repeating: ".", count: 4), count: 3)
grid[1][2] = "#"
grid[2][0] = "@"
for row in grid {
    print(row.joined(separator: ""))
}
print(grid.flatMap { $0 }.filter { $0 != "." }.count)
