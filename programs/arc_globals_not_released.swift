// Objects still held by globals when the program ends are never deinitialized.
class Noisy {
    let name: String
    init(_ name: String) {
        self.name = name
        print("created \(name)")
    }
    deinit {
        print("destroyed \(name)")
    }
}

let forever = Noisy("global let")
var alsoForever: Noisy? = Noisy("global var")
var list = [Noisy("in global array")]
func makeTemporary() {
    let t = Noisy("local")
    print("using \(t.name)")
}
makeTemporary()
var replaced = Noisy("first")
replaced = Noisy("second")
print("end of program")
