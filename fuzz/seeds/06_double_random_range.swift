let r: Range<Double> = 0..<1
var ok = true
for _ in 0..<100 {
    let d = Double.random(in: 0..<1)
    if d < 0 || d >= 1 { ok = false }
}
let c: ClosedRange<Double> = 1...2
print(ok, r.contains(0.5), c.contains(1.5), Int.random(in: 5...5))
