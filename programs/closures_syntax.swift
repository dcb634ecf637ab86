// Closure syntax: full, inferred, shorthand $0, trailing closures.
let full = { (a: Int, b: Int) -> Int in
    return a + b
}
print(full(2, 3))
let inferred: (Int, Int) -> Int = { a, b in a * b }
print(inferred(4, 5))
let shorthand: (Int, Int) -> Int = { $0 - $1 }
print(shorthand(10, 4))
let noArgs = { print("no args") }
noArgs()
let words = ["banana", "fig", "apple"]
print(words.sorted(by: { (s1: String, s2: String) -> Bool in return s1 < s2 }))
print(words.sorted(by: { s1, s2 in s1 > s2 }))
print(words.sorted { $0.count < $1.count })
print(words.map { $0.uppercased() })
func applyTwice(_ x: Int, _ f: (Int) -> Int) -> Int { f(f(x)) }
print(applyTwice(3) { $0 * 3 })
print(applyTwice(3, { x in x + 1 }))
let multiline = { (n: Int) -> String in
    let doubled = n * 2
    return "doubled: \(doubled)"
}
print(multiline(21))
let immediate = { (x: Int) in x * x }(9)
print(immediate)
let square: (Int) -> Int = { x in
    return x * x
}
print([1, 2, 3].map(square))
let describe: (String, Int) -> String = { "\($0) has \($1)" }
print(describe("box", 3))
