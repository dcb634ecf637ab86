// Computed properties (get/set, read-only) and static members on structs.
struct Point {
    var x = 0.0, y = 0.0
}
struct Size {
    var width = 0.0, height = 0.0
}
struct Rect {
    var origin = Point()
    var size = Size()
    var center: Point {
        get {
            let centerX = origin.x + (size.width / 2)
            let centerY = origin.y + (size.height / 2)
            return Point(x: centerX, y: centerY)
        }
        set(newCenter) {
            origin.x = newCenter.x - (size.width / 2)
            origin.y = newCenter.y - (size.height / 2)
        }
    }
    var area: Double { size.width * size.height }
}
var square = Rect(origin: Point(x: 0.0, y: 0.0), size: Size(width: 10.0, height: 10.0))
let initialSquareCenter = square.center
square.center = Point(x: 15.0, y: 15.0)
print("square.origin is now at (\(square.origin.x), \(square.origin.y))")
print(initialSquareCenter, square.area)
square.center.x += 1.0
print(square.origin)

struct Temperature {
    static let freezing = 0.0
    static var readings = 0
    static func record(_ value: Double) -> Temperature {
        readings += 1
        return Temperature(value: value)
    }
    static var zero: Temperature {
        return Temperature(value: freezing)
    }
    var value: Double
    var isFreezing: Bool {
        return value <= Temperature.freezing
    }
}
let a = Temperature.record(-3.5)
let b = Temperature.record(12.0)
print(a.isFreezing, b.isFreezing, Temperature.readings)
print(Temperature.zero)
