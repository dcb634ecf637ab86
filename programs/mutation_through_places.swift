// Mutating methods and inout arguments on places other than a variable (a class's stored
// property, a struct inside one, an array element, a dictionary value) change the value
// in place, and later reads see every change.
struct Stack {
    var items: [Int] = []
    mutating func push(_ x: Int) { items.append(x) }
    mutating func pop() -> Int? { return items.popLast() }
}
final class Machine {
    var stack = Stack()
    var log: [String] = []
    var counts: [String: Int] = [:]
}
func double(_ x: inout Int) { x *= 2 }
func appendTwice(_ a: inout [String], _ s: String) { a.append(s); a.append(s) }

let m = Machine()
for i in 1...5 { m.stack.push(i * i) }
print(m.stack.items, m.stack.pop() ?? -1, m.stack.items.count)
m.log.append("start")
appendTwice(&m.log, "step")
m.log.insert("first", at: 0)
print(m.log)
for w in ["a", "b", "a", "c", "a"] { m.counts[w, default: 0] += 1 }
print(m.counts["a"]!, m.counts["b"]!, m.counts["z"] ?? 0)

var grid = [[Int]](repeating: [], count: 3)
for r in 0..<3 { for c in 0..<4 { grid[r].append(r * 10 + c) } }
grid[1].removeFirst()
double(&grid[2][3])
print(grid)

var groups: [String: [Int]] = ["even": [], "odd": []]
for i in 0..<7 { groups[i % 2 == 0 ? "even" : "odd"]!.append(i) }
print(groups["even"]!, groups["odd"]!)

var stacks = [Stack(), Stack()]
stacks[1].push(7)
stacks[1].push(8)
print(stacks[1].pop()!, stacks[1].items, stacks[0].items)

struct Point { var x = 0, y = 0 }
func add(_ a: inout Int, _ b: inout Int) { a += b; b = 0 }
var p = Point(x: 1, y: 2)
add(&p.x, &p.y)
print(p.x, p.y)
