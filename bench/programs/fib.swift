// fib: naive recursive Fibonacci. Exercises function calls, integer compare and add.
let n = 32 // SIZE

func fib(_ k: Int) -> Int {
    if k < 2 {
        return k
    }
    return fib(k - 1) + fib(k - 2)
}

print(fib(n))
