// Iterating dictionaries in a defined order: sorted keys, sorted(by:), values.
let scores = ["carol": 88, "alice": 95, "bob": 72]
for name in scores.keys.sorted() {
    print(name, scores[name]!)
}
print(scores.values.sorted())
let sortedPairs = scores.sorted(by: { $0.key < $1.key })
print(sortedPairs)
for (name, score) in scores.sorted(by: { $0.value > $1.value }) {
    print("\(name): \(score)")
}
let curved = scores.mapValues { $0 + 5 }
for k in curved.keys.sorted() {
    print(k, curved[k]!)
}
var total = 0
for (_, v) in scores {
    total += v
}
print(total)
var passed = 0
for (_, score) in scores where score >= 80 {
    passed += 1
}
print(passed)
let single = ["only": [1, 2]]
print(single)
print(scores.keys.count, scores.values.count)
let m = scores.mapValues { $0 >= 80 }
print(m["bob"]!, m["alice"]!)
let best = scores.sorted(by: { $0.value > $1.value }).first!
print(best.key, best.value)
print(scores.sorted(by: { $0.key > $1.key }).map { $0.key })
