// Calling a local function before a function it names (which captures a variable) is
// declared is swiftc's error.
func bad() {
    var n = 0
    func first() { second() }
    first()
    func second() { n += 1 }
    print(n)
}
bad()
