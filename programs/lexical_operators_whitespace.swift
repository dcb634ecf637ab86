// Operator whitespace: an operator with whitespace on both sides, or on neither
// side, is binary; one attached only to its right operand is prefix.
let a = 10
let b = 3
print(a - b)
print(a-b)
print(-b)
print(a - -b)
print(-a + b)
print(a*b+1)
print(a / b * b + a % b)
print(!true)
let maybe: Int? = 4
print(maybe! * 2)
let s: String? = "hi"
print(s?.count ?? 0)
var log = [Int]()
log.append(a)
// A line that starts with `[` or `(` begins a new statement: it does not
// subscript or call the expression on the previous line.
[b, a].forEach { log.append($0) }
print(log)
let c = b
(1...2).forEach { print("line", $0) }
print(c)
