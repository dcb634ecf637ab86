// Bindings made by a top-level `guard` are the script's globals: functions and
// closures declared at top level can use them.
let config: [String: Int] = ["width": 80, "depth": 3]
guard let width = config["width"], var depth = config["depth"] else {
    fatalError("missing settings")
}
enum Shape { case square(Int), circle(Int) }
let shape = Shape.square(4)
guard case .square(let side) = shape else { fatalError() }

func describe() -> String {
    return "width \(width), depth \(depth), side \(side)"
}
let deeper = { depth += 1 }
deeper()
print(describe())
depth *= 2
print(describe())
