# closures: create counter closures that capture a mutable variable (nonlocal), and call each
# one 100 times: 2,000,000 calls in all. Exercises closure creation, cell reads and writes,
# and calls through a function value.
n = 2000000  # SIZE


def make_counter(step):
    count = 0

    def next_value():
        nonlocal count
        count += step
        return count

    return next_value


def run(calls):
    total = 0
    closures = calls // 100
    for k in range(closures):
        next_value = make_counter(k % 10 + 1)
        for _ in range(100):
            total += next_value()
    print(closures, total)


run(n)
