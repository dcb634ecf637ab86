// String raw values default to the case name; init?(rawValue:) matches exactly.
enum CompassPoint: String {
    case north, south, east, west
}

enum Beverage: String {
    case coffee = "Coffee"
    case tea
    case juice = "Orange juice"
}

print(CompassPoint.west.rawValue)
print(Beverage.coffee.rawValue, Beverage.tea.rawValue, Beverage.juice.rawValue)
print(CompassPoint(rawValue: "east"))
print(CompassPoint(rawValue: "East"))
print(Beverage(rawValue: "Orange juice"))
print(Beverage(rawValue: "juice"))
let order = ["tea", "Coffee", "milk"]
for name in order {
    if let drink = Beverage(rawValue: name) {
        print("\(name) -> \(drink)")
    } else {
        print("\(name) -> unknown")
    }
}
print([CompassPoint.north, .south].map { $0.rawValue })
