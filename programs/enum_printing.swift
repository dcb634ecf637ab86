// Printing enums: case names, labeled and unlabeled payloads, qualified names in debug contexts.
enum Direction {
    case north, south
}

enum Shape {
    case circle(radius: Double)
    case rect(width: Double, height: Double)
    case named(String)
    case pair(Int, String)
    case dot
}

let d = Direction.north
print(d)
print(Optional(d))
let maybe: Direction? = .south
print(maybe)
print([d, .south])
print(Shape.circle(radius: 1.0))
print(Shape.rect(width: 2.0, height: 0.5))
print(Shape.named("box"))
print(Shape.pair(1, "one"))
print(Shape.dot)
let shapes: [Shape] = [.circle(radius: 1.5), .named("x"), .dot]
print(shapes)
print("direction: \(d)")
print(String(describing: Shape.pair(2, "two")))
print((d, Shape.dot))
let nested: Shape? = .named("inner")
print(nested)
