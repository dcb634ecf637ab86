let xs = ["a", "b", "c"]
for (i, x) in zip(1..., xs) { print(i, x) }
print(Array(zip(xs, 10...)).count)
