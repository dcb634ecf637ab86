// Assignment through a superclass-typed reference runs the override's setter and the
// observers a subclass adds (Swift dispatches property setters like methods).
class Base {
    var value: Int = 0 {
        willSet { print("Base willSet \(newValue)") }
        didSet { print("Base didSet \(oldValue) -> \(value)") }
    }
    var plain: Int = 0
    var computed: Int {
        get { return 1 }
        set { print("Base set \(newValue)") }
    }
}

class Derived: Base {
    override var value: Int {
        willSet { print("Derived willSet \(newValue)") }
        didSet { print("Derived didSet \(oldValue) -> \(value)") }
    }
    override var plain: Int {
        didSet { print("Derived plain didSet \(oldValue) -> \(plain)") }
    }
    override var computed: Int {
        get { return 2 }
        set { print("Derived set \(newValue)") }
    }
}

class Leaf: Derived {}

let b: Base = Derived()
b.value = 2
b.plain = 7
b.computed = 5
b.computed += 1
print(b.computed, b.value, b.plain)

print("-- through a subclass that adds nothing")
let l: Base = Leaf()
l.value = 3
l.plain += 1

print("-- a Base instance runs only Base's")
let base = Base()
base.value = 4
base.plain = 4
base.computed = 4

print("-- an array of Base")
for item in [Base(), Derived()] {
    item.plain = 9
}
