class Base {
    var value: Int = 0 { didSet { print("Base didSet \(value)") } }
    var computed: Int { get { return 1 } set { print("Base set \(newValue)") } }
}
class Derived: Base {
    override var value: Int { didSet { print("Derived didSet \(value)") } }
    override var computed: Int { get { return 2 } set { print("Derived set \(newValue)") } }
}
let b: Base = Derived()
b.value = 2
b.computed = 3
print(b.value, b.computed)
