// Strings are sequences of grapheme clusters, compared by canonical equivalence.
let a = "caf\u{E9}"
let b = "cafe\u{301}"
print(a == b)
print(a.count, b.count)
print(a)
print("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}".count)
print("\u{1F1EF}\u{1F1F5}\u{1F1FA}\u{1F1F8}".count)
print("e\u{301}".count)
print("\u{1F600}".count)
let word = "na\u{EF}ve"
print(word.count)
print(word.uppercased())
var chars: [Character] = []
for c in "h\u{E9}llo" {
    chars.append(c)
}
print(chars)
print(Array("a\u{301}b").count)
let accented: Character = "\u{E9}"
let decomposed: Character = "e\u{301}"
print(accented == decomposed)
print(String(a.reversed()))
print(b.hasSuffix("\u{E9}"), a.hasPrefix("caf"))
var counts: [String: Int] = [:]
counts[a, default: 0] += 1
counts[b, default: 0] += 1
print(counts.count, counts[a]!)
print(Set([a, b]).count)
print("\u{E9}" < "f", "Z" < "a")
