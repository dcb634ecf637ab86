// An initializer must set every stored property without a default before it returns
// (issue 14, item 10).
struct Point {
    let x: Int
    var y: Int
    init(y: Int) {
        self.y = y
    }
}
print(Point(y: 1).y)
