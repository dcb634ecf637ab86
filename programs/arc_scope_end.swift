// At the end of a scope (block, function, loop body, early return) locals are released in reverse declaration order.
class Tracker {
    let name: String
    init(_ name: String) {
        self.name = name
        print("+\(name)")
    }
    deinit {
        print("-\(name)")
    }
}

do {
    let a = Tracker("a")
    let b = Tracker("b")
    let c = Tracker("c")
    print("in block: \(a.name)\(b.name)\(c.name)")
}
print("after block")
func work() {
    let x = Tracker("x")
    do {
        let y = Tracker("y")
        print("inner uses \(y.name)")
    }
    let z = Tracker("z")
    print("outer uses \(x.name)\(z.name)")
}
work()
print("after work")
for i in 1...2 {
    let loopVar = Tracker("loop\(i)")
    print("iteration \(loopVar.name)")
}
print("after loop")
func early(_ flag: Bool) {
    let first = Tracker("first")
    if flag {
        print("returning early with \(first.name)")
        return
    }
    let second = Tracker("second")
    print("reached end with \(second.name)")
}
early(true)
early(false)
print("done")
