print("started")
var n = 0
for i in 0..<2_000_000 { n &+= i }
print(n)
