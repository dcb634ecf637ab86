// An escaping closure (stored in a constant) captures a local variable; calling it
// while a mutating method has the variable is caught at run time.
struct Counter {
    var n = 0
    mutating func run(_ f: () -> Void) {
        n += 1
        f()
    }
}

func go() {
    var c = Counter()
    let bump = { c.n += 10 }
    bump()
    print(c.n)
    c.run(bump)
    print("not reached", c.n)
}
go()
