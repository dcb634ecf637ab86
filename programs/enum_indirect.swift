// indirect enums: a recursive expression tree and a binary search tree, processed recursively.
indirect enum ArithmeticExpression {
    case number(Int)
    case addition(ArithmeticExpression, ArithmeticExpression)
    case multiplication(ArithmeticExpression, ArithmeticExpression)
}

let five = ArithmeticExpression.number(5)
let four = ArithmeticExpression.number(4)
let sum = ArithmeticExpression.addition(five, four)
let product = ArithmeticExpression.multiplication(sum, ArithmeticExpression.number(2))

func evaluate(_ expression: ArithmeticExpression) -> Int {
    switch expression {
    case let .number(value):
        return value
    case let .addition(left, right):
        return evaluate(left) + evaluate(right)
    case let .multiplication(left, right):
        return evaluate(left) * evaluate(right)
    }
}
print(evaluate(product))

func render(_ e: ArithmeticExpression) -> String {
    switch e {
    case .number(let v):
        return "\(v)"
    case .addition(let l, let r):
        return "(\(render(l)) + \(render(r)))"
    case .multiplication(let l, let r):
        return "\(render(l)) * \(render(r))"
    }
}
print(render(product))
print(sum)

enum Tree {
    case leaf
    indirect case node(Tree, Int, Tree)
}

func insert(_ v: Int, into t: Tree) -> Tree {
    switch t {
    case .leaf:
        return .node(.leaf, v, .leaf)
    case let .node(l, x, r):
        if v < x {
            return .node(insert(v, into: l), x, r)
        }
        return .node(l, x, insert(v, into: r))
    }
}

func inorder(_ t: Tree) -> [Int] {
    switch t {
    case .leaf:
        return []
    case let .node(l, x, r):
        return inorder(l) + [x] + inorder(r)
    }
}

func depth(_ t: Tree) -> Int {
    switch t {
    case .leaf:
        return 0
    case let .node(l, _, r):
        return 1 + max(depth(l), depth(r))
    }
}

var tree = Tree.leaf
for v in [5, 2, 8, 1, 9, 3] {
    tree = insert(v, into: tree)
}
print(inorder(tree))
print(depth(tree))
