// Optionals: nil, ??, force unwrap, if let, printing Optional values.
var name: String? = "Ada"
print(name ?? "anonymous")
print(name!)
print(name)
name = nil
print(name ?? "anonymous")
print(name)
print(name == nil)
let number = Int("42")
print(number)
print(Int("forty-two"))
if let n = number {
    print("parsed \(n)")
}
let values: [Int?] = [1, nil, 3]
print(values)
var total = 0
for v in values {
    if let v = v {
        total += v
    }
}
print(total)
let a: Int? = nil
let b: Int? = 7
print(a ?? b ?? 0)
print(a ?? 5 + 1)
print(Optional("x"))
print(Optional(3.5))
let c: Int? = 10
print(c! + 1)
if let x = c, x > 5 {
    print("big \(x)")
}
let d: Double? = nil
print(d ?? 0.5)
var counter: Int?
print(counter == nil)
counter = 3
print(counter!)
let pair: (Int, String)? = (1, "one")
print(pair!.1)
