// A plain assignment calls only the setter; a compound assignment reads, then writes.
struct Temperature {
    var celsius = 0.0
    var fahrenheit: Double {
        get {
            print("get fahrenheit")
            return celsius * 9 / 5 + 32
        }
        set {
            print("set fahrenheit to \(newValue)")
            celsius = (newValue - 32) * 5 / 9
        }
    }
}

var t = Temperature()
t.fahrenheit = 212
print(t.celsius)
t.fahrenheit += 18
print(t.celsius)

class Counter {
    var stored = 1
    var doubled: Int {
        get {
            print("get doubled")
            return stored * 2
        }
        set {
            print("set doubled \(newValue)")
            stored = newValue / 2
        }
    }
}

let c = Counter()
c.doubled = 10
print(c.stored)
c.doubled += 2
print(c.stored)

var temps = [Temperature(), Temperature()]
temps[1].fahrenheit = 50
print(temps[1].celsius)

var d = ["a": 1]
d["b"] = 2
d["a"] = nil
print(d)
d["b", default: 0] = 7
print(d)

var grid = [[1, 2], [3, 4]]
grid[1][0] = 9
print(grid)

var pair = (1, "x")
pair.1 = "y"
print(pair)
