indirect enum List { case end; case node(Int, List) }
var l = List.end
for i in 0..<100_000 { l = .node(i, l) }
if case .node(let v, _) = l { print(v) }
l = .end
print("dropped")
