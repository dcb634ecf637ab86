// A private member is visible only inside its type's declaration.
struct Vault {
    private var code = 1234
    private func open() -> Bool { true }
    private static var count = 0
    private static func reset() {}
    private struct Key { var id = 1 }
    var label: String
    init(label: String) { self.label = label }
}

class Base {
    private var secret = "base"
    func reveal() -> String { secret }
}
class Derived: Base {}

var vault = Vault(label: "v")
print(vault.code)
_ = vault.open()
print(Vault.count)
Vault.reset()
let key = Vault.Key()
let d = Derived()
print(d.reveal(), d.secret)
