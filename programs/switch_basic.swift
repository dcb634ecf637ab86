// switch over Int, Character and String: multiple patterns, ranges, where, default.
func describe(_ n: Int) -> String {
    switch n {
    case 0:
        return "zero"
    case 1, 2, 3:
        return "few"
    case 4...9:
        return "several"
    case 10..<100:
        return "many"
    default:
        return "lots"
    }
}
for n in [0, 2, 5, 42, 100] {
    print(n, describe(n))
}
func kind(_ c: Character) -> String {
    switch c {
    case "a", "e", "i", "o", "u":
        return "vowel"
    case "0"..."9":
        return "digit"
    case " ":
        return "space"
    default:
        return "other"
    }
}
print("a7 z".map { kind($0) })
let command = "stop"
switch command {
case "go", "start":
    print("starting")
case "stop":
    print("stopping")
default:
    print("unknown")
}
let value = 15
switch value {
case let x where x % 15 == 0:
    print("fizzbuzz \(x)")
case let x where x % 3 == 0:
    print("fizz \(x)")
default:
    print("other")
}
func grade(_ score: Int) -> String {
    let letter: String
    switch score {
    case 90...100:
        letter = "A"
    case 80..<90:
        letter = "B"
    default:
        letter = "C"
    }
    return letter
}
print(grade(95), grade(85), grade(12))
let flag = false
switch flag {
case true:
    print("on")
case false:
    print("off")
}
