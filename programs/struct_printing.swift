// Printing structs: plain in print, module-qualified inside collections, optionals, tuples and other structs.
struct Point {
    var x: Int
    var y: Int
}
struct Person {
    var name: String
    var age: Int
    var home: Point?
}
struct Line {
    var from: Point
    var to: Point
}
struct Empty {}

let p = Point(x: 1, y: 2)
print(p)
print([p])
let maybe: Point? = p
print(maybe)
print("at \(p)")
print(String(describing: p))
print((p, 3))
print(Person(name: "Ann", age: 30, home: nil))
print(Person(name: "Bob", age: 4, home: p))
print(Line(from: p, to: Point(x: 3, y: 4)))
print(["origin": Point(x: 0, y: 0)])
let nested: [[Point]] = [[p], []]
print(nested)
print(Empty())
print([Empty()])
