// Trailing closures, including multiple trailing closures with labels.
func perform(_ value: Int, onSuccess: (Int) -> Void, onFailure: (String) -> Void) {
    if value >= 0 {
        onSuccess(value)
    } else {
        onFailure("negative: \(value)")
    }
}
perform(5) { v in
    print("success \(v)")
} onFailure: { msg in
    print("failure \(msg)")
}
perform(-2) { print("success \($0)") } onFailure: { print("failure \($0)") }
func transform(_ x: Int, first: (Int) -> Int, then second: (Int) -> Int) -> Int {
    second(first(x))
}
let r = transform(3) { $0 + 1 } then: { $0 * 10 }
print(r)
func repeatTimes(_ n: Int, _ body: () -> Void) {
    for _ in 0..<n {
        body()
    }
}
var hits = 0
repeatTimes(3) {
    hits += 1
}
print(hits)
func makeGreeting(name: String, format: (String) -> String) -> String {
    format(name)
}
print(makeGreeting(name: "Zoe") { "Hi, \($0)!" })
let evens = (1...10).filter { $0 % 2 == 0 }.map { $0 * $0 }
print(evens)
