// A stored property whose default value makes another instance recurses without end:
// a stack overflow trap, and what was printed before it is kept.
print("before")

class Node {
    var next: Node? = Node()
}

let n = Node()
print("never")
