// Local-slot instructions with operands that are not numbers, and traps inside them.
final class Counter {
    var count = 0
    var label = "c"
    lazy var doubled: Int = count * 2
    var total: Double = 0.5
}

func strings(_ a: String, _ b: String) -> String {
    var s = a + b
    s = s + a
    let t = s + "!"
    return t
}

func fields(_ c: Counter, _ step: Int) -> Int {
    c.count += step
    c.count *= 3
    c.label += "x"
    c.total += 1.25
    let d = c.doubled + c.count
    return d
}

func compare(_ x: Int?, _ y: Int?) -> Bool {
    return x == y
}

func doubles(_ a: Double, _ b: Double) -> Double {
    var r = a * b
    r = r / 2.0
    if r < a {
        r += 1.0
    }
    return r
}

func overflow(_ a: Int) -> Int {
    var x = a
    x = x * 4
    return x
}

print(strings("ab", "cd"))
let c = Counter()
print(fields(c, 2))
print(c.count, c.label, c.total)
print(compare(1, 1), compare(nil, 1), compare(nil, nil))
print(doubles(3.0, 0.5))
print(overflow(1000))
print(overflow(Int.max / 2))
