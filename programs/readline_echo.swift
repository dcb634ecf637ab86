// readLine() returns String?; the newline is stripped.
let first = readLine()
print(first ?? "none")
if let second = readLine() {
    print(second.uppercased(), second.count)
}
let words = readLine()?.split(separator: " ").count ?? 0
print(words)
let last = readLine()
print(last == nil)
