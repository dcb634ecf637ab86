indirect enum E { case leaf; case wrap(E) }
var e = E.leaf
for _ in 0..<50_000 { e = .wrap(e) }
print("before")
print(e)
