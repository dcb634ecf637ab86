// A leaked instance and what it owns: each block is named by its static type.
class Node {
    var next: Node?
    var values: [Int] = [1, 2, 3]
    var names: [String: [Double]] = ["a": [1.5]]
    var pair: (Int, String) = (1, "one")
    var maybe: [Int]? = [7]
    var tags: Set<String> = ["x"]
}
var a: Node? = Node()
a!.next = a
a = nil
print("made")
