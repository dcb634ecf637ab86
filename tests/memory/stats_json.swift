// --mem-stats: all subsystems in the seed's format, the compile arenas reset, the tag table.
class Point {
    var x: Int
    var y: Int
    init(x: Int, y: Int) { self.x = x; self.y = y }
}

var points: [Point] = []
let total = withMemoryTag("points") { () -> Int in
    for i in 0..<10 {
        points.append(Point(x: i, y: i * i))
    }
    return points.count
}
print(total)
