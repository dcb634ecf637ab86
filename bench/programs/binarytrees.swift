// binarytrees: allocate and drop many binary trees of class instances (the benchmarks game's
// shape: a stretch tree, a long-lived tree, then many short-lived trees per depth).
// Exercises allocation, ARC retain/release and deallocation, optional properties, recursion.
let n = 16 // SIZE

final class Node {
    var left: Node?
    var right: Node?

    init(left: Node?, right: Node?) {
        self.left = left
        self.right = right
    }

    func check() -> Int {
        var count = 1
        if let l = left {
            count += l.check()
        }
        if let r = right {
            count += r.check()
        }
        return count
    }
}

func bottomUpTree(_ depth: Int) -> Node {
    if depth <= 0 {
        return Node(left: nil, right: nil)
    }
    return Node(left: bottomUpTree(depth - 1), right: bottomUpTree(depth - 1))
}

func run(_ requested: Int) {
    let minDepth = 4
    let maxDepth = max(minDepth + 2, requested)
    let stretchDepth = maxDepth + 1
    print("stretch tree of depth \(stretchDepth)\t check: \(bottomUpTree(stretchDepth).check())")

    let longLived = bottomUpTree(maxDepth)

    for depth in stride(from: minDepth, through: maxDepth, by: 2) {
        let iterations = 1 << (maxDepth - depth + minDepth)
        var check = 0
        for _ in 0..<iterations {
            check += bottomUpTree(depth).check()
        }
        print("\(iterations)\t trees of depth \(depth)\t check: \(check)")
    }
    print("long lived tree of depth \(maxDepth)\t check: \(longLived.check())")
}

run(n)
