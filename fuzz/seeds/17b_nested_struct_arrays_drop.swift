struct Tree { var kids: [Tree] = [] }
var t = Tree()
for _ in 0..<100_000 { t = Tree(kids: [t]) }
print(t.kids.count)
t = Tree()
print("dropped")
