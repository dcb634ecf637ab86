class Node { var next: Node? = Node() }
print("start")
let n = Node()
print(n.next == nil)
