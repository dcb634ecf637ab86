// String methods: prefixes, suffixes, search, case, split, reverse, first/last.
let s = "Hello, World"
print(s.hasPrefix("Hello"), s.hasPrefix("World"))
print(s.hasSuffix("World"), s.hasSuffix("!"))
print(s.contains("lo, W"), s.contains("xyz"))
print(s.contains("W"), s.contains("w"))
print(s.uppercased())
print(s.lowercased())
print(s.first!, s.last!)
print(s.first, "".last)
let parts = "a,b,,c".split(separator: ",")
print(parts)
print(parts.count)
let words = "  the quick  brown fox ".split(separator: " ")
print(words)
print(words.map { String($0) }.joined(separator: "_"))
print(String(s.reversed()))
print(String("racecar".reversed()) == "racecar")
let empty = ""
print(empty.first == nil, empty.isEmpty)
var count = 0
for ch in s where ch == "l" {
    count += 1
}
print(count)
print("one two".split(separator: " ").map { $0.count })
print("MiXeD 123".lowercased(), "MiXeD 123".uppercased())
let line = "key=value=more"
let kv = line.split(separator: "=")
print(kv.count, String(kv[0]), String(kv[1]))
