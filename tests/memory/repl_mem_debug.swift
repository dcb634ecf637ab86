class Node {
    var other: Node?
    deinit { print("freed") }
}
func pair() {
    let a = Node()
    let b = Node()
    a.other = b
    b.other = a
}
pair()
let kept = Node()
var temporary: Node? = Node()
temporary = nil
