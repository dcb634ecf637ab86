// String basics: count, isEmpty, concatenation, comparison, appending.
var s = "Hello"
print(s.count, s.isEmpty)
let empty = ""
print(empty.count, empty.isEmpty)
s += ", World"
print(s)
let t = s + "!"
print(t)
print("apple" < "banana", "apple" == "apple", "a" != "b")
print("Zebra" < "apple")
print("abc" < "abd", "abc" < "ab")
print("swift" > "Swift", "" < "a")
var u = "ab"
u.append("c")
u.append(contentsOf: "de")
print(u)
let ch: Character = "!"
u.append(ch)
print(u)
print(String(repeating: "ab", count: 3))
print(String(repeating: "-", count: 5))
print(String(42) + String(3.5))
let greeting = "Hi"
var copy = greeting
copy += " there"
print(greeting, copy)
print(["pear", "Apple", "apple", "banana"].sorted())
