// mutating methods change a struct in place, can assign to self, and work through inout.
struct Point {
    var x = 0.0, y = 0.0
    mutating func moveBy(x deltaX: Double, y deltaY: Double) {
        x += deltaX
        y += deltaY
    }
    mutating func reset() {
        self = Point()
    }
    func moved(by d: Double) -> Point {
        var p = self
        p.moveBy(x: d, y: d)
        return p
    }
}
var somePoint = Point(x: 1.0, y: 1.0)
somePoint.moveBy(x: 2.0, y: 3.0)
print("The point is now at (\(somePoint.x), \(somePoint.y))")
let other = somePoint.moved(by: 0.5)
print(other, somePoint)
somePoint.reset()
print(somePoint)
func nudge(_ p: inout Point) {
    p.moveBy(x: 1.0, y: 0.0)
}
nudge(&somePoint)
print(somePoint.x)

struct Stack {
    var items: [Int] = []
    mutating func push(_ item: Int) {
        items.append(item)
    }
    mutating func pop() -> Int? {
        if items.isEmpty {
            return nil
        }
        return items.removeLast()
    }
    var top: Int? {
        return items.last
    }
}
var stack = Stack()
stack.push(1)
stack.push(2)
stack.push(3)
print(stack.pop(), stack.top)
var copy = stack
copy.push(9)
print(stack.items, copy.items)
