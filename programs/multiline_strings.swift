// Multi-line string literals: indentation stripped up to the closing delimiter,
// line continuation with a trailing backslash, escapes and interpolation.
let poem = """
    Roses are red,
      violets are blue.
    "Quotes" need no escaping.
    """
print(poem)
let joined = """
    one \
    two
    """
print(joined)
let n = 3
let report = """
Count: \(n)
Double: \(n * 2)
"""
print(report)
let withBlank = """
    first

    third
    """
print(withBlank)
print(withBlank.count)
let escaped = """
    Tab:\tend
    Triple: \"""
    """
print(escaped)
let trailingNewline = """
    line

    """
print(trailingNewline.count)
print("[" + trailingNewline + "]")
