// Reassigning a variable: the new object exists before the old one is released.
class Token {
    let id: Int
    init(_ id: Int) {
        self.id = id
        print("init \(id)")
    }
    deinit {
        print("deinit \(id)")
    }
}

var t = Token(1)
t = Token(2)
print("current \(t.id)")
t = Token(3)
var u = t
t = Token(4)
print("u holds \(u.id)")
u = t
print("both hold \(t.id)")
func replaceLocal() {
    var local = Token(10)
    print("local \(local.id)")
    local = Token(11)
    print("local \(local.id)")
}
replaceLocal()
print("end")
