// Definite initialisation (issue 14, item 10): a variable or constant declared without a
// value may be read once it is assigned on every path: if/else, switch, guard, loops with
// early exits, and initializers that set their properties on every path.
let flag = Int.random(in: 1...1) == 1
let x: Int
if flag {
    x = 1
} else {
    x = 2
}
print(x)

func grade(_ score: Int) -> String {
    let letter: String
    switch score {
    case 90...:
        letter = "A"
    case 80..<90:
        letter = "B"
    default:
        letter = "C"
    }
    return letter
}
print(grade(95), grade(85), grade(10))

func firstEven(_ xs: [Int]) -> Int {
    var found: Int
    var i = 0
    repeat {
        found = xs[i]
        i += 1
        if found % 2 == 0 {
            break
        }
    } while i < xs.count
    return found
}
print(firstEven([3, 5, 8, 9]))

func parse(_ s: String) -> Int {
    let n: Int
    guard let v = Int(s) else {
        return -1
    }
    n = v * 2
    return n
}
print(parse("21"), parse("x"))

func later() -> Int {
    let total: Int
    var sum = 0
    for i in 1...4 {
        sum += i
    }
    total = sum
    return total
}
print(later())

struct Temperature {
    let celsius: Double
    var label: String
    init(fahrenheit: Double) {
        celsius = (fahrenheit - 32) / 1.8
        if celsius > 25 {
            label = "warm"
        } else {
            label = "cool"
        }
    }
    init?(text: String) {
        guard let f = Double(text) else {
            return nil
        }
        self.init(fahrenheit: f)
    }
}
print(Temperature(fahrenheit: 212).celsius, Temperature(fahrenheit: 50).label)
print(Temperature(text: "nope") == nil, Temperature(text: "86")!.label)

class Account {
    let id: Int
    var owner: String
    var note: String?
    init(id: Int, owner: String?) {
        self.id = id
        if let o = owner {
            self.owner = o
            return
        }
        self.owner = "nobody"
    }
}
let a = Account(id: 7, owner: nil)
print(a.id, a.owner, a.note == nil)

func checked(_ n: Int) -> Int {
    let half: Int
    if n % 2 == 0 {
        half = n / 2
    } else {
        fatalError("odd")
    }
    return half
}
print(checked(10))
