print(G.a, G.b)
struct G { static var a = 5; static let b = G.a * 2 }
func readLater() -> Int { return later }
var later = 7
print(readLater())
func early() -> Int { return notYet }
print(early())
var notYet = 3
