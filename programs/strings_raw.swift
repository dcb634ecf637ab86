// Raw strings: extended delimiters `#"..."#` make backslashes and quotes plain text;
// escapes and interpolations then need the delimiter's `#`s (`\#n`, `\#(x)`).
let path = #"C:\Users\swift\file.txt"#
print(path)
print(#"She said "hello" and left."#)
print(#"Line 1\nLine 2"#)
print(#"Line 1\#nLine 2"#)
print(##"Line 1\##nLine 2 \#n stays"##)
print(#"tab:\#tend, backslash:\#\, quote:\#", unicode:\#u{1F600}"#)

let n = 6
print(#"6 times 7 is \#(n * 7), not \(n * 7)."#)
print(##"nested: \##(#"inner \#(n)"#)"##)
print("\(#"raw in an interpolation: \d+"#)")

// A quote followed by a `#` ends only a literal opened with one.
print(##"a "# inside"##)
print(#""quoted""#)
print(#""#.isEmpty, #""#.count)

let regexLike = #"^\d{3}-\d{4}$"#
print(regexLike, regexLike.count)

// Multi-line raw strings: the same indentation rules as `"""`.
let poem = #"""
    Roses are "red",
      \violets\ are blue: \#(n) \(n)
    """ is not the end
    """#
print(poem)

let continued = #"""
    one \#
    line
    """#
print(continued)

let json = #"{"name": "Ann", "tags": ["a\"b"]}"#
print(json)
print(json == "{\"name\": \"Ann\", \"tags\": [\"a\\\"b\"]}")
