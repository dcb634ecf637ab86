// A non-escaping closure that captures a local variable, passed to a call that
// modifies that variable: swiftc proves the overlap at compile time.
struct Tally {
    var total = 0
    mutating func add(_ n: Int, then report: () -> Void) {
        total += n
        report()
    }
}

func doOneInout(_ f: () -> Void, _ x: inout Int) {
    f()
    x += 1
}

func run() {
    var t = Tally()
    t.add(5) { print(t.total) }
    var x = 3
    doOneInout({ x = 42 }, &x)
}
run()
