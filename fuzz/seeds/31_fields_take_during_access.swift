class Box { var items: [Box] = []; var name = "b" }
let root = Box()
root.items.append(Box())
root.items[0].items.append(root)
root.items = root.items.map { b in b.items = []; return b }
root.items.removeAll()
print(root.items.count, root.name)
