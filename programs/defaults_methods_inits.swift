// Default argument values on initializers and methods (issue 14, item 5).
var calls = 0
func nextID() -> Int {
    calls += 1
    return calls
}

class Counter {
    var value: Int
    var step: Int
    init(value: Int = 3, step: Int = 1) {
        self.value = value
        self.step = step
    }
    convenience init(twice: Bool, scale: Int = 10) {
        self.init(value: twice ? 2 * scale : scale)
    }
    func add(times: Int = 1) -> Int {
        value += step * times
        return value
    }
    static func make(start: Int = 100) -> Counter {
        return Counter(value: start)
    }
    class func label(prefix: String = "counter") -> String {
        return prefix + "!"
    }
}

class Sub: Counter {
    init(name: String = "sub") {
        print("Sub.init", name)
        super.init(step: 5)
    }
}

struct Point {
    var x: Int
    var y: Int
    init(x: Int = 0, y: Int = 0) {
        self.x = x
        self.y = y
    }
    mutating func move(dx: Int = 1, dy: Int = 1) {
        x += dx
        y += dy
    }
    func scaled(by k: Int = 2) -> Point {
        return Point(x: x * k, y: y * k)
    }
    static func origin(offset: Int = 7) -> Point {
        return Point(x: offset, y: offset)
    }
}

enum Shape {
    case square, circle
    func describe(verbose: Bool = false) -> String {
        switch self {
        case .square: return verbose ? "a square shape" : "square"
        case .circle: return verbose ? "a circle shape" : "circle"
        }
    }
    static func pick(index: Int = 1) -> Shape {
        return index == 0 ? .square : .circle
    }
}

struct Tagged {
    var id: Int
    init(id: Int = nextID()) {
        self.id = id
    }
}

let c = Counter()
print(c.value, c.step)
print(Counter(value: 9).value, Counter(step: 4).step)
print(c.add(), c.add(times: 3))
print(Counter.make().value, Counter.make(start: 1).value)
print(Counter.label(), Counter.label(prefix: "n"))
print(Counter(twice: true).value, Counter(twice: false, scale: 4).value)
let s = Sub()
print(s.value, s.step, s.add())
let s2 = Sub(name: "other")
print(s2.step)

var p = Point()
print(p.x, p.y)
p.move()
print(p.x, p.y)
p.move(dy: 5)
print(p.x, p.y)
p.move(dx: -2)
print(p.x, p.y)
print(Point(y: 4).scaled().y, p.scaled(by: 3).x)
print(Point.origin().x, Point.origin(offset: 1).y)

print(Shape.square.describe(), Shape.circle.describe(verbose: true))
print(Shape.pick().describe(), Shape.pick(index: 0).describe())

// A default is evaluated at each call that leaves it out.
print(Tagged().id, Tagged().id, Tagged(id: 50).id, Tagged().id)
