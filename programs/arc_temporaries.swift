// Temporaries are released at the end of the statement (or condition) that created them.
class Temp {
    let tag: String
    init(_ tag: String) {
        self.tag = tag
        print("make \(tag)")
    }
    deinit {
        print("drop \(tag)")
    }
    func shout() {
        print("\(tag)!")
    }
    func value() -> Int {
        return tag.count
    }
}

func make(_ tag: String) -> Temp {
    return Temp(tag)
}

func consume(_ t: Temp) {
    print("consuming \(t.tag)")
}

Temp("a").shout()
print("after a")
_ = Temp("b")
print("after b")
let n = make("ccc").value()
print("length \(n)")
make("d").shout()
print("after d")
consume(Temp("h"))
print("after h")
if make("ii").value() == 2 {
    print("condition true")
}
print("end")
