// Counting words with a dictionary; results printed in a defined order.
let text = "the cat and the hat and the bat"
var freq: [String: Int] = [:]
for word in text.split(separator: " ") {
    freq[String(word), default: 0] += 1
}
for word in freq.keys.sorted() {
    print(word, freq[word]!)
}
let top = freq.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
print(top[0].key, top[0].value)
print(top.map { $0.key })
print(freq.count)
print(freq.keys.sorted().first!)
let totalWords = freq.values.reduce(0, +)
print(totalWords)
