// Attributes Swift programs carry that change nothing in a script are accepted where
// Swift allows them.

@inline(never)
func slowDouble(_ x: Int) -> Int { x * 2 }

@inline(__always) func fastIncrement(_ x: Int) -> Int { x + 1 }

@available(macOS 10.15, iOS 13, *)
func modern() -> String { "modern" }

@available(swift 5.0)
@discardableResult
func record(_ message: String) -> Int {
    print("record:", message)
    return message.count
}

@frozen public struct Point {
    @usableFromInline var x: Int
    @usableFromInline var y: Int

    @inlinable public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    @inlinable public var sum: Int { x + y }

    @inline(never) func scaled(by k: Int) -> Point { Point(x: x * k, y: y * k) }
}

@frozen enum Direction: String {
    case north, south
    @available(*, unavailable, renamed: "north")
    static var up: Direction { .north }
}

@usableFromInline
final class Counter {
    private(set) var count = 0
    @discardableResult
    func increment() -> Int {
        count += 1
        return count
    }
    @warn_unqualified_access func peek() -> Int { count }
}

record("hello")
let used = record("world")
print(slowDouble(21), fastIncrement(41), modern(), used)

let p = Point(x: 2, y: 3).scaled(by: 10)
print(p.x, p.y, p.sum, Direction.south.rawValue)

let counter = Counter()
counter.increment()
counter.increment()
print(counter.count, counter.peek())

// Type attributes on function parameters.
func apply(_ f: @escaping (Int) -> Int, to x: Int) -> Int { f(x) }
func runNow(_ body: @Sendable () -> Void) { body() }
print(apply({ $0 * $0 }, to: 7))
runNow { print("ran") }

// Local functions take them too.
func outer() -> Int {
    @inline(never) func inner() -> Int { 5 }
    return inner()
}
print(outer())
