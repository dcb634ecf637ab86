// Int raw values count up from an explicit start (or 0); init?(rawValue:) returns an optional.
enum Planet: Int {
    case mercury = 1, venus, earth, mars, jupiter, saturn, uranus, neptune
}

enum Status: Int {
    case ok = 200
    case created
    case notFound = 404
    case teapot = 418
    case error
}

enum Level: Int {
    case low, medium, high
}

print(Planet.earth.rawValue)
print(Planet.neptune.rawValue)
print(Status.created.rawValue, Status.error.rawValue)
print(Level.low.rawValue, Level.high.rawValue)
let possiblePlanet = Planet(rawValue: 7)
print(possiblePlanet)
let positionToFind = 11
if let somePlanet = Planet(rawValue: positionToFind) {
    print(somePlanet)
} else {
    print("There isn't a planet at position \(positionToFind)")
}
print(Status(rawValue: 404) == .notFound)
print(Status(rawValue: 500))
print(Level(rawValue: 1)!)
let total = Planet.mars.rawValue + Level.medium.rawValue
print(total)
