var lines = 0
while let line = readLine() {
    lines += 1
    print(line.count, line)
}
print("lines:", lines)
