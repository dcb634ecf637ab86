// deinit runs when the last strong reference goes away, not before.
class Player {
    let name: String
    init(name: String) {
        self.name = name
        print("\(name) joins")
    }
    deinit {
        print("\(name) leaves")
    }
}

var first: Player? = Player(name: "Ann")
var second: Player? = first
print("two references")
first = nil
print("one reference left")
second = nil
print("no references")
var third: Player? = Player(name: "Bob")
third = nil
third = Player(name: "Cid")
print(third!.name)
third = nil
print("done")
