// if / else if / else, condition lists with optional binding, ternary.
func classify(_ n: Int) -> String {
    if n < 0 {
        return "negative"
    } else if n == 0 {
        return "zero"
    } else if n < 10 {
        return "small"
    } else {
        return "large"
    }
}
for n in [-5, 0, 7, 42] {
    print(n, classify(n))
}
let values: [String] = ["12", "x", "7", "100"]
for s in values {
    if let n = Int(s), n > 10 {
        print("\(s): big number")
    } else if let n = Int(s) {
        print("\(s): small number \(n)")
    } else {
        print("\(s): not a number")
    }
}
let a: Int? = 3
let b: Int? = 4
if let x = a, let y = b, x < y {
    print("both present, \(x) < \(y)")
}
let c: Int? = nil
if let x = a, let z = c {
    print("unexpected \(x) \(z)")
} else {
    print("one is missing")
}
let temp = 25
if temp > 30 { print("hot") } else if temp > 20 { print("warm") } else { print("cold") }
let flag = true
if flag && temp == 25 {
    print("exact")
}
let grade = temp >= 20 ? "pass" : "fail"
print(grade)
if temp > 100 {
    print("boiling")
}
print("end")
