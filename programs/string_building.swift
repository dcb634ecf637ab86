// Building and analysing strings character by character.
var result = ""
for (i, ch) in "hello".enumerated() {
    result += i % 2 == 0 ? String(ch).uppercased() : String(ch)
}
print(result)
func isPalindrome(_ s: String) -> Bool {
    let letters = s.lowercased().filter { $0.isLetter }
    return letters == String(letters.reversed())
}
print(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("Swift"))
var vowels = 0
for c in "Programming in Swift" where "aeiou".contains(c) {
    vowels += 1
}
print(vowels)
let csv = "name,age,city"
let fields = csv.split(separator: ",").map { String($0) }
print(fields.joined(separator: " | "))
var acronym = ""
for word in "portable network graphics".split(separator: " ") {
    acronym.append(word.first!)
}
print(acronym.uppercased())
let padded = String(repeating: " ", count: 3) + "x"
print("[\(padded)]")
print("abc".map { String($0) + String($0) }.joined(separator: ""))
var reversedWords: [String] = []
for w in "one two three".split(separator: " ") {
    reversedWords.insert(String(w), at: 0)
}
print(reversedWords.joined(separator: " "))
var built = ""
for n in 1...5 {
    built += String(n)
    if n < 5 {
        built += "-"
    }
}
print(built, built.count)
