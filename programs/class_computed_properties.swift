// Computed properties: get/set with newValue or a named parameter, read-only shorthand, overrides.
class Square {
    var side = 2.0
    var area: Double {
        get { side * side }
        set { side = newValue.squareRoot() }
    }
    var perimeter: Double {
        get {
            return side * 4.0
        }
        set(p) {
            side = p / 4.0
        }
    }
    var summary: String { "side \(side), area \(area)" }
}

let sq = Square()
print(sq.summary)
sq.area = 81.0
print(sq.side, sq.perimeter)
sq.perimeter = 10.0
print(sq.summary)
sq.side += 0.5
print(sq.area)

class Base {
    var name: String { "base" }
    var greeting: String { "Hello from \(name)" }
}
class Derived: Base {
    override var name: String { "derived" }
}
let items: [Base] = [Base(), Derived()]
for b in items {
    print(b.greeting)
}

class Gauge {
    var level = 0
}
class ClampedGauge: Gauge {
    override var level: Int {
        get { super.level }
        set { super.level = min(newValue, 10) }
    }
}
let g = ClampedGauge()
g.level = 42
print(g.level)
g.level = 7
print(g.level)
g.level += 5
print(g.level)
