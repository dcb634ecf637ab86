// A UTF-8 byte-order mark at the start of a script is skipped, as swiftc does.
let greeting = "hello"
print(greeting, 1 + 2)
