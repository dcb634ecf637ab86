// Local functions that call themselves (also from closures nested inside them) and each
// other, in any order, whether or not they capture variables; an unused recursive one.
func outer() {
    var count = 0
    func fact(_ n: Int) -> Int {
        count += 1
        return n <= 1 ? 1 : n * fact(n - 1)
    }
    print(fact(5), count)
    func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
    func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
    print(isEven(10), isOdd(7))
    func unused(_ n: Int) -> Int { count + (n > 0 ? unused(n - 1) : 0) }
}
outer()
func top() {
    func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
    print(fib(10))
}
top()
func makeCounter() -> (Int) -> Int {
    var total = 0
    func step(_ n: Int) -> Int {
        total += n
        return n == 0 ? total : step(n - 1)
    }
    return step
}
let c = makeCounter()
print(c(3), c(1))
func walk() {
    var seen: [Int] = []
    func visit(_ n: Int) {
        seen.append(n)
        [n * 2, n * 2 + 1].filter { $0 < 8 }.forEach { visit($0) }
    }
    visit(1)
    print(seen)
}
walk()
