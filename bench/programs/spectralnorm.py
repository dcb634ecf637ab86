# spectralnorm: the benchmarks game's spectral norm of the infinite matrix A, n = 300.
# Exercises lists of floats, nested loops, small function calls.
# The result is printed with 9 decimals by fmt, the same text in Swift and Lua.
import math

n = 300  # SIZE


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def multiply_av(v, av):
    count = len(v)
    for i in range(count):
        total = 0.0
        for j in range(count):
            total += eval_a(i, j) * v[j]
        av[i] = total


def multiply_atv(v, atv):
    count = len(v)
    for i in range(count):
        total = 0.0
        for j in range(count):
            total += eval_a(j, i) * v[j]
        atv[i] = total


def multiply_atav(v, out, tmp):
    multiply_av(v, tmp)
    multiply_atv(tmp, out)


def fmt(value, places):
    scale = 10 ** places
    q = math.floor(abs(value) * scale + 0.5)
    sign = "-" if value < 0 and q != 0 else ""
    return f"{sign}{q // scale}.{q % scale:0{places}d}"


def run(size):
    u = [1.0] * size
    v = [0.0] * size
    tmp = [0.0] * size
    for _ in range(10):
        multiply_atav(u, v, tmp)
        multiply_atav(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(size):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(fmt(math.sqrt(vbv / vv), 9))


run(n)
