// Literals take their type from context.
let d: Double = 7 / 2
print(d)
let i = 7 / 2
print(i)
let e = 7.0 / 2
print(e)
let f: Double = 3
print(f)
let arr: [Double] = [1, 2, 3]
print(arr)
func half(_ x: Double) -> Double { x / 2 }
print(half(5))
let n = 4
print(Double(n) / 8)
let mixed = 1 + 2.5
print(mixed)
var total: Double = 0
total += 10
print(total / 4)
let t: (Double, Int) = (1, 1)
print(t)
let opt: Double? = 2
print(opt!)
let dict: [String: Double] = ["a": 1]
print(dict)
print(10 / 4 * 2.0)
let ratio: Double = 1 / 3
print(ratio)
