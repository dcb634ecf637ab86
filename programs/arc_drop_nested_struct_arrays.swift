// A struct nested 100,000 deep through arrays is freed without recursing on the host stack.
struct Tree {
    var children: [Tree]
}

var tree = Tree(children: [])
for _ in 0..<100_000 {
    tree = Tree(children: [tree])
}
var depth = 0
var walk = tree
while let first = walk.children.first {
    depth += 1
    walk = first
}
print("depth", depth)
walk = Tree(children: [])
tree = Tree(children: [])
print("dropped")
