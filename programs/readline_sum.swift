// readLine() reads standard input line by line until it returns nil at the end.
var total = 0
var count = 0
while let line = readLine() {
    if let n = Int(line) {
        total += n
        count += 1
    } else {
        print("skipping \"\(line)\"")
    }
}
print("count: \(count)")
print("total: \(total)")
print(readLine() == nil)
