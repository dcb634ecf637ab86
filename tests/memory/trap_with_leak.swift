// A trap under --mem-debug: the trace and the leak report both print; what the stack held
// when the program stopped is still reachable, the cycle made earlier is a leak.
class Node {
    var next: Node?
}

func makeCycle() {
    let a = Node()
    let b = Node()
    a.next = b
    b.next = a
}

func fail(_ values: [Int]) -> Int {
    let local = Node()
    return values[values.count] + (local.next == nil ? 0 : 1)
}

makeCycle()
print(fail([1, 2, 3]))
