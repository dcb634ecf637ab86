# strings: build 200,000 small pieces with interpolation (f-strings) and concatenation,
# append each to one result (a list joined by "".join, Python's idiom), then count its
# characters (and, by iterating, the "7"s).
n = 200000  # SIZE


def build(count):
    parts = []
    for i in range(count):
        piece = f"<{i}:{i % 7}>" + str(i * 3) + ","
        parts.append(piece)
    return "".join(parts)


def run(count):
    s = build(count)
    sevens = 0
    for ch in s:
        if ch == "7":
            sevens += 1
    print(len(s), sevens)


run(n)
