// The same two-object cycle made a thousand times and a self-reference made three times
// from one line: each cycle shape is reported once with its count, and the blocks of each
// site (class, size, line, tag) are one line with how many more are like the first.
class Parent {
    var child: Child?
}

class Child {
    var parent: Parent?
}

class Loop {
    var me: Loop?
}

for _ in 0..<1000 {
    let p = Parent()
    let c = Child()
    p.child = c
    c.parent = p
}
for _ in 0..<3 {
    let l = Loop()
    l.me = l
}
func single() {
    let l = Loop()
    l.me = l
}
single()
print("done")
