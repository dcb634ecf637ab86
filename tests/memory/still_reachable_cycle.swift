// A global holding a reference cycle at exit: still reachable, not a leak, and what the
// cycle keeps after teardown is not reported as the interpreter's.
class Node {
    var next: Node?
    var values: [Int] = [1, 2, 3]
    var names: [String: [Double]] = ["a": [1.5]]
    var pair: (Int, String) = (1, "one")
    var maybe: [Int]? = [7]
    var tags: Set<String> = ["x"]
}
let a = Node()
a.next = a
print("made")
