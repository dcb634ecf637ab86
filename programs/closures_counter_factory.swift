// Returned closures keep their own state: counter factories.
func makeCounter() -> () -> Int {
    var count = 0
    return {
        count += 1
        return count
    }
}
let c1 = makeCounter()
let c2 = makeCounter()
print(c1(), c1(), c1())
print(c2())
print(c1())
func makeCounter(step: Int) -> () -> Int {
    var value = 0
    return {
        value += step
        return value
    }
}
let byFive = makeCounter(step: 5)
print(byFive(), byFive())
let alias = c1
print(alias(), c1())
let counters = [makeCounter(), makeCounter()]
print(counters[0](), counters[0](), counters[1]())
func makeCountdown(from n: Int) -> () -> Int? {
    var remaining = n
    return {
        if remaining == 0 {
            return nil
        }
        remaining -= 1
        return remaining + 1
    }
}
let down = makeCountdown(from: 3)
while let v = down() {
    print("tick", v)
}
print("done")
print(down() == nil)
