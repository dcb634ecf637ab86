// `if` and `switch` as expressions (Swift 5.9): initializers, returns, assignments, and
// bodies that are a single `if`/`switch`.

let temperature = 72
let feeling = if temperature < 50 { "cold" } else if temperature < 80 { "pleasant" } else { "hot" }
print(feeling)

let size = switch temperature {
case ..<0: "freezing"
case 0..<60: "cool"
case 60...: "warm"
default: "unknown"
}
print(size)

// A contextual type reaches every branch.
let ratio: Double = if temperature > 70 { 1 } else { 0.5 }
let maybe: Int? = if temperature > 100 { temperature } else { nil }
print(ratio, maybe ?? -1)

// Assignment.
var label = "none"
label = if temperature % 2 == 0 { "even" } else { "odd" }
print(label)

// Bindings in conditions and patterns.
func describe(_ value: Int?) -> String {
    return if let value, value > 10 { "big \(value)" } else if let value { "small \(value)" } else { "missing" }
}
print(describe(42), describe(3), describe(nil))

enum Shape {
    case circle(radius: Double)
    case rectangle(width: Double, height: Double)
    case point
}

// A body that is one `switch` (or `if`) is its value.
func area(of shape: Shape) -> Double {
    switch shape {
    case .circle(let r): 3.0 * r * r
    case let .rectangle(w, h) where w == h: w * w
    case .rectangle(let w, let h): w * h
    case .point: 0
    }
}
print(area(of: .circle(radius: 2)), area(of: .rectangle(width: 3, height: 3)), area(of: .rectangle(width: 2, height: 5)), area(of: .point))

func sign(_ x: Int) -> String {
    if x > 0 { "positive" } else if x < 0 { "negative" } else { "zero" }
}
print(sign(5), sign(-5), sign(0))

// A branch calling fatalError produces no value.
func checkedHalf(_ n: Int) -> Int {
    let half = if n % 2 == 0 { n / 2 } else { fatalError("odd: \(n)") }
    return half
}
print(checkedHalf(10))

// Nested if and switch expressions.
let grid = (2, 0)
let place = switch grid {
case (0, 0): "origin"
case (let x, 0): if x > 0 { "east axis" } else { "west axis" }
case (0, _): "north-south axis"
default: "elsewhere"
}
print(place)

// Closures: the result type is inferred from the branches.
let absolute = { (x: Int) in if x < 0 { -x } else { x } }
print(absolute(-8), absolute(3))
let lengths = ["a", "abc", "abcdef"].map { word in
    switch word.count {
    case 0...1: "short"
    case 2...4: "medium"
    default: "long"
    }
}
print(lengths)

// Computed properties and methods.
struct Reading {
    var celsius: Double
    var band: String {
        if celsius < 0 { "frost" } else if celsius < 25 { "mild" } else { "heat" }
    }
    func advice() -> String {
        switch band {
        case "frost": "wear a coat"
        case "heat": "drink water"
        default: "enjoy"
        }
    }
}
let reading = Reading(celsius: 30)
print(reading.band, reading.advice(), Reading(celsius: -3).band)

// Only the chosen branch runs.
func noisy(_ s: String) -> String {
    print("evaluating \(s)")
    return s
}
let chosen = if temperature > 0 { noisy("first") } else { noisy("second") }
print(chosen)

// `return` with the value on the next line.
func parity(_ n: Int) -> String {
    return
        if n % 2 == 0 { "even" } else { "odd" }
}
print(parity(7))
