// switch over tuples: wildcards, bindings, ranges, where clauses, fallthrough.
func locate(_ p: (Int, Int)) -> String {
    switch p {
    case (0, 0):
        return "origin"
    case (_, 0):
        return "on x-axis"
    case (0, let y):
        return "on y-axis at \(y)"
    case (-2...2, -2...2):
        return "near origin"
    case let (x, y) where x == y:
        return "diagonal \(x)"
    case let (x, y):
        return "elsewhere (\(x), \(y))"
    }
}
for p in [(0, 0), (3, 0), (0, -4), (1, 2), (5, 5), (7, 1)] {
    print(locate(p))
}
func traits(_ n: Int) -> [String] {
    var result: [String] = []
    switch n {
    case 2, 3, 5, 7:
        result.append("prime")
        fallthrough
    case 1...9:
        result.append("single digit")
    default:
        result.append("big")
    }
    return result
}
print(traits(5))
print(traits(4))
print(traits(12))
let pair = ("admin", true)
switch pair {
case ("admin", true):
    print("active admin")
case ("admin", false):
    print("inactive admin")
case (let role, _):
    print("role \(role)")
}
func axis(_ p: (Int, Int)) -> String {
    switch p {
    case (let d, 0), (0, let d):
        return "on an axis at distance \(abs(d))"
    default:
        return "off axis"
    }
}
print(axis((0, -3)), axis((2, 2)))
