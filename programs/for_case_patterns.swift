// for case: elements the pattern does not match are skipped (optionals, enum cases, values).
let xs: [Int?] = [1, nil, 3, nil, 5]
for case let x? in xs { print(x) }
var total = 0
for case let x? in xs where x > 1 { total += x }
print(total)
enum Event { case click(Int, Int), key(String), quit }
let events: [Event] = [.click(1, 2), .key("a"), .click(3, 4), .quit, .key("b")]
for case .click(let x, let y) in events { print("click", x, y) }
for case .key(let k) in events { print("key", k) }
for case let n in 0..<3 { print(n) }
for case 2 in [1, 2, 3, 2] { print("two") }
