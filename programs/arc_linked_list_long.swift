// Releasing a 100,000-node linked list (and a 50,000-node local one) must not overflow the stack.
var freed = 0
class Node {
    let value: Int
    var next: Node?
    init(value: Int, next: Node?) {
        self.value = value
        self.next = next
    }
    deinit {
        freed += 1
    }
}

var head: Node? = nil
for i in 0..<100_000 {
    head = Node(value: i, next: head)
}
print(head!.value)
var length = 0
var cursor = head
while cursor != nil {
    length += 1
    cursor = cursor!.next
}
print(length)
print(freed)
head = nil
print(freed)
func buildAndDrop(_ n: Int) {
    var h: Node? = nil
    for i in 0..<n {
        h = Node(value: i, next: h)
    }
    print(h!.value)
}
buildAndDrop(50_000)
print(freed)
