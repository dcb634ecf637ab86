// static stored and computed properties, static methods, and overridable class members.
class Shape {
    static var created = 0
    static let unit = "cm"
    class var kind: String { "shape" }
    static func resetCount() {
        created = 0
    }
    class func describe() -> String {
        return "a \(kind) measured in \(unit)"
    }
    init() {
        Shape.created += 1
    }
}

class Circle: Shape {
    override class var kind: String { "circle" }
    override class func describe() -> String {
        return super.describe() + " (round)"
    }
}

print(Shape.created)
let shapes = [Shape(), Circle(), Circle()]
print(shapes.count, Shape.created, Circle.created)
print(Shape.kind, Circle.kind)
print(Shape.describe())
print(Circle.describe())
Shape.resetCount()
print(Shape.created)
print(Shape.unit, Circle.unit)
