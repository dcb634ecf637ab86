// Calling a mutating method on a let constant is a compile error.
struct Counter {
    var value = 0
    mutating func increment() {
        value += 1
    }
}
var ok = Counter()
ok.increment()
print(ok.value)
let fixed = Counter()
fixed.increment()
print(fixed.value)
