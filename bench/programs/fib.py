# fib: naive recursive Fibonacci. Exercises function calls, integer compare and add.
n = 32  # SIZE


def fib(k):
    if k < 2:
        return k
    return fib(k - 1) + fib(k - 2)


print(fib(n))
