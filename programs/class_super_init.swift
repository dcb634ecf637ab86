// Designated initializers: set own properties, call super.init, then customize; overrides dispatch dynamically.
class Shape {
    var name: String
    var sides: Int
    init(name: String, sides: Int) {
        self.name = name
        self.sides = sides
        print("Shape.init \(name)")
    }
    func area() -> Double {
        return 0.0
    }
    func summary() -> String {
        return "\(name) with \(sides) sides, area \(area())"
    }
}

class Square: Shape {
    var side: Double
    init(side: Double) {
        self.side = side
        super.init(name: "square", sides: 4)
        print("Square.init \(side)")
    }
    override func area() -> Double {
        return side * side
    }
}

class ColoredSquare: Square {
    var color: String
    init(side: Double, color: String) {
        self.color = color
        super.init(side: side)
        name = color + " square"
        print("ColoredSquare.init \(color)")
    }
    override func summary() -> String {
        return super.summary() + " in " + color
    }
}

let s = Square(side: 3.0)
print(s.summary())
let cs = ColoredSquare(side: 1.5, color: "red")
print(cs.summary())
let shapes: [Shape] = [Shape(name: "blob", sides: 0), s, cs]
var total = 0.0
for shape in shapes {
    total += shape.area()
}
print(total)
