// Closures capture variables by reference; a capture list copies the value.
var count = 0
let increment = { count += 1 }
increment()
increment()
print(count)
count = 10
increment()
print(count)
var message = "before"
let show = { print(message) }
message = "after"
show()
func makeAccumulator() -> (Int) -> Int {
    var total = 0
    return { amount in
        total += amount
        return total
    }
}
let acc = makeAccumulator()
print(acc(5), acc(10))
let acc2 = makeAccumulator()
print(acc2(1), acc(1))
var closures: [() -> Int] = []
for i in 1...3 {
    closures.append { i * 100 }
}
print(closures.map { $0() })
var shared = 0
let addOne = { shared += 1 }
let addTwo = { shared += 2 }
addOne()
addTwo()
addOne()
print(shared)
func makePair() -> (() -> Int, () -> Void) {
    var value = 0
    return ({ value }, { value += 5 })
}
let (get, bump) = makePair()
bump()
bump()
print(get())
var x = 1
let captureList = { [x] in x * 10 }
x = 5
print(captureList(), x)
