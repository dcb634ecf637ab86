// Iterating a dictionary: each (key, value) pair the loop keeps stays as it was.
let scores = ["ann": 3, "bob": 5, "cy": 8]
var kept: [(String, Int)] = []
for pair in scores {
    kept.append(pair)
}
print(kept.count)
for (name, score) in kept.sorted(by: { $0.0 < $1.0 }) {
    print(name, score)
}
var total = 0
for (_, score) in scores {
    total += score
}
print(total)
