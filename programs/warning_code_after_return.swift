// Statements after a return are checked but never run; swiftc warns on stderr and the
// exit status stays 0.
func f() -> Int {
    return 1
    print("never")
}
print(f())
func g() {
    print("g")
    return
    let x = 2
    print(x)
}
g()
