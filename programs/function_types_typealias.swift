// Function types, functions as values, and typealias.
typealias BinaryOp = (Int, Int) -> Int
typealias Name = String
func add(_ a: Int, _ b: Int) -> Int { a + b }
func mul(_ a: Int, _ b: Int) -> Int { a * b }
let ops: [BinaryOp] = [add, mul, { $0 - $1 }]
for op in ops {
    print(op(6, 3))
}
func apply(_ f: BinaryOp, _ x: Int, _ y: Int) -> Int { f(x, y) }
print(apply(mul, 4, 5))
var current: BinaryOp = add
print(current(1, 2))
current = mul
print(current(1, 2))
let greeting: Name = "Bob"
print("Hi \(greeting)")
func makeAdder(_ n: Int) -> (Int) -> Int {
    return { $0 + n }
}
let add5 = makeAdder(5)
print(add5(10))
func compose(_ f: @escaping (Int) -> Int, _ g: @escaping (Int) -> Int) -> (Int) -> Int {
    return { g(f($0)) }
}
let inc: (Int) -> Int = { $0 + 1 }
print(compose(inc, add5)(1))
let voidFn: () -> Void = { print("void called") }
voidFn()
typealias Point = (x: Int, y: Int)
let p: Point = (x: 1, y: 2)
print(p)
typealias Pred = (Int) -> Bool
let isEven: Pred = { $0 % 2 == 0 }
print([1, 2, 3, 4].filter(isEven))
typealias Scores = [String: Int]
let s: Scores = ["a": 1]
print(s)
