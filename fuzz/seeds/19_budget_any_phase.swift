// Run with --mem-limit bytecode=1B, compiler=1B, parser=64KiB, objects=1KiB.
struct P { var x: Int; var y: Int }
var ps = [P]()
for i in 0..<1000 { ps.append(P(x: i, y: i * 2)) }
let names = ps.map { "p\($0.x)" }
print(ps.count, names.last ?? "")
