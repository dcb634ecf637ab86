// closures: create counter closures that capture a mutable variable, and call each one 100
// times: 2,000,000 calls in all. Exercises closure creation, captured-variable (box) reads
// and writes, and calls through a function value.
let n = 2000000 // SIZE

func makeCounter(_ step: Int) -> () -> Int {
    var count = 0
    return {
        count += step
        return count
    }
}

func run(_ calls: Int) {
    var total = 0
    let closures = calls / 100
    for k in 0..<closures {
        let next = makeCounter(k % 10 + 1)
        for _ in 0..<100 {
            total += next()
        }
    }
    print(closures, total)
}

run(n)
