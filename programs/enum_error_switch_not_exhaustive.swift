// A switch over an enum must cover every case (or have a default).
enum Direction {
    case north, south, east, west
}
let d = Direction.east
switch d {
case .north:
    print("up")
case .south:
    print("down")
case .east:
    print("right")
}
