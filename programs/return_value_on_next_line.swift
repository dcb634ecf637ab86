// After `return` at the end of a line, an expression on the next line is the returned
// value (swiftc warns when it sits at the `return`'s indentation); a statement is not.
func r() -> Int {
    return
    5
}
func s() -> Int {
    return
        6
}
func v() {
    if true {
        return
    }
    print("no")
}
func w() {
    return
    print("printed by w")
}
outer: for i in 0..<3 {
    func q() {
        return
    }
    q()
    print(i)
}
print(r(), s())
v()
w()
