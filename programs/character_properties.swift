// Character properties: isLetter, isNumber, isWhitespace; Character values.
let samples: [Character] = ["a", "Z", "7", " ", "\t", "\u{E9}", "!", "\n"]
for (i, c) in samples.enumerated() {
    print(i, c.isLetter, c.isNumber, c.isWhitespace)
}
let text = "Hello World 2024!"
var letters = 0
var digits = 0
var spaces = 0
var others = 0
for c in text {
    if c.isLetter {
        letters += 1
    } else if c.isNumber {
        digits += 1
    } else if c.isWhitespace {
        spaces += 1
    } else {
        others += 1
    }
}
print(letters, digits, spaces, others)
let c: Character = "A"
print(c == "A", c < "B", Character("z") > c)
print(String(c) + "BC")
let fromString = Character("q")
print(fromString)
print(Array("abc"))
let onlyDigits = "a1b2c3".filter { $0.isNumber }
print(onlyDigits)
