// loop: one Int loop with arithmetic in the body (multiply, add, remainder, bitwise and).
let n = 10000000 // SIZE

func run(_ count: Int) {
    var acc = 0
    var x = 1
    for i in 0..<count {
        x = (x * 31 + i) % 1000003
        acc += (x & 255) - (i % 7)
    }
    print(acc, x)
}

run(n)
