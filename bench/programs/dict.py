# dict: insert 1,000,000 int keys into a dict, look up 1,000,000 keys (a third of them
# present), then iterate once over the entries to count them and sum the keys.
# Exercises hashing of int keys, insertion with growth, lookups, iteration.
n = 1000000  # SIZE


def run(count):
    d = {}
    for i in range(count):
        d[i * 7] = i
    found = 0
    total = 0
    for i in range(count):
        v = d.get(i * 3)
        if v is not None:
            found += 1
            total += v
    entries = 0
    key_sum = 0
    for k in d:
        entries += 1
        key_sum += k
    print(entries, key_sum, found, total)


run(n)
