// readLine() repairs invalid UTF-8 (U+FFFD for each maximal ill-formed subsequence, as
// String(decoding:as:)) and keeps reading the lines after it.
var n = 0
while let line = readLine() {
    n += 1
    print(n, line, line.count)
}
print("lines:", n)
