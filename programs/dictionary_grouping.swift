// Grouping and indexing with dictionaries of arrays.
let words = ["apple", "avocado", "banana", "blueberry", "cherry"]
var groups: [Character: [String]] = [:]
for w in words {
    groups[w.first!, default: []].append(w)
}
for key in groups.keys.sorted() {
    print(key, groups[key]!)
}
print(words.map { $0.count })
var index: [String: Int] = [:]
for (i, w) in words.enumerated() {
    index[w] = i
}
print(index["banana"]!, index["kiwi"] ?? -1)
let scaled = index.mapValues { $0 * 10 }
print(scaled["cherry"]!)
var byLength: [Int: [String]] = [:]
for w in words {
    byLength[w.count, default: []].append(w)
}
for length in byLength.keys.sorted() {
    print(length, byLength[length]!.joined(separator: ","))
}
print(groups["z"]?.count ?? 0)
