// Closures stored in arrays and dictionaries.
var operations: [(Int, Int) -> Int] = []
operations.append { $0 + $1 }
operations.append { $0 * $1 }
operations.append({ a, b in a - b })
for op in operations {
    print(op(7, 3))
}
let table: [String: (Double) -> Double] = [
    "double": { $0 * 2 },
    "square": { $0 * $0 },
    "negate": { -$0 },
]
for name in table.keys.sorted() {
    print(name, table[name]!(3))
}
if let f = table["square"] {
    print(f(1.5))
}
print(table["missing"] == nil)
let result = table["double"]?(10)
print(result)
var handlers: [String: () -> String] = [:]
handlers["hi"] = { "hello" }
handlers["bye"] = { "goodbye" }
print(handlers.count)
print(handlers["hi"]!())
let pipeline: [(Int) -> Int] = [{ $0 + 1 }, { $0 * 2 }, { $0 - 3 }]
var value = 5
for step in pipeline {
    value = step(value)
}
print(value)
print(pipeline.reduce(10) { acc, f in f(acc) })
print(pipeline.map { $0(1) })
