// Tuples: unlabeled and labeled, element access, destructuring, comparison, printing.
let pair = (1, "one")
print(pair)
print(pair.0, pair.1)
let point = (x: 3, y: -4)
print(point)
print(point.x, point.y)
print(point.0)
let (a, b) = pair
print(a, b)
let (_, yOnly) = point
print(yOnly)
var p2 = point
p2.x += 10
print(p2, point)
func minMax(_ xs: [Int]) -> (min: Int, max: Int) {
    var lo = xs[0]
    var hi = xs[0]
    for x in xs {
        if x < lo { lo = x }
        if x > hi { hi = x }
    }
    return (lo, hi)
}
let mm = minMax([4, 9, 2, 7])
print(mm)
print(mm.min, mm.max)
print((1, 2) == (1, 2), (1, 2) < (1, 3), ("b", 1) > ("a", 9))
var x = 1
var y = 2
(x, y) = (y, x)
print(x, y)
let nested = (1, (2.5, "z"))
print(nested)
print(nested.1.0)
let withOpt: (Int, String?) = (1, nil)
print(withOpt)
let triple = (true, [1, 2], ["k": "v"])
print(triple)
let labeledMixed = (name: "Ann", 42)
print(labeledMixed)
