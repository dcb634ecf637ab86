// Range literals take their bound type from the context (issue 14, item 6).
let d = Double.random(in: 0..<1)
print(d < 1.0, d >= 0.0)
var sum = 0.0
for _ in 0..<100 { sum += Double.random(in: 0..<1) }
print(sum > 1.0)
let r: Range<Double> = 0..<1
print(r)
let c: ClosedRange<Double> = 0...1
print(c, c.contains(0.5), r.contains(1), c.contains(1))
print(r.lowerBound, r.upperBound, c.isEmpty)
let x = 2.5
switch x {
case 0..<1: print("low")
case 1...2: print("mid")
case 2..<3: print("upper")
default: print("high")
}
print(Double.random(in: 5...5))
print(0.5..<2)
