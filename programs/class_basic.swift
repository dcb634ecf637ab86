// Classes: stored properties with defaults, a designated init, methods, reference semantics, printing.
class Counter {
    var count = 0
    let step: Int
    var label: String = "counter"

    init(step: Int) {
        self.step = step
    }

    func increment() {
        count += step
    }

    func describe() -> String {
        return "\(label): \(count)"
    }
}

let c = Counter(step: 5)
print(c.count, c.step, c.label)
c.increment()
c.increment()
print(c.describe())
c.label = "clicks"
print(c.describe())
print(c)
print("value: \(c)")
let d = c
d.increment()
print(c.count, d.count)
