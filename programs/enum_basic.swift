// Plain enum cases: dot syntax with inference, exhaustive switch, equality, printing.
enum CompassPoint {
    case north
    case south
    case east
    case west
}

enum Planet {
    case mercury, venus, earth, mars
}

var directionToHead = CompassPoint.west
print(directionToHead)
directionToHead = .south
switch directionToHead {
case .north:
    print("Lots of planets have a north")
case .south:
    print("Watch out for penguins")
case .east:
    print("Where the sun rises")
case .west:
    print("Where the skies are blue")
}
let somePlanet = Planet.earth
switch somePlanet {
case .earth:
    print("Mostly harmless")
default:
    print("Not a safe place for humans")
}
print(directionToHead == .south, directionToHead != .north)
let path: [CompassPoint] = [.north, .east, .east]
print(path)
print(path.filter { $0 == .east }.count)
let maybe: CompassPoint? = .west
print(maybe)
print("heading \(directionToHead)")
func opposite(_ d: CompassPoint) -> CompassPoint {
    switch d {
    case .north: return .south
    case .south: return .north
    case .east: return .west
    case .west: return .east
    }
}
print(opposite(.east))
print(Planet.mars)
