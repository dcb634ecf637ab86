# loop: one Int loop with arithmetic in the body (multiply, add, remainder, bitwise and).
n = 10000000  # SIZE


def run(count):
    acc = 0
    x = 1
    for i in range(count):
        x = (x * 31 + i) % 1000003
        acc += (x & 255) - (i % 7)
    print(acc, x)


run(n)
