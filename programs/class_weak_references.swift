// weak references do not keep an object alive and read nil once it is released.
class Person {
    let name: String
    var apartment: Apartment?
    init(name: String) {
        self.name = name
    }
    deinit {
        print("\(name) is being deinitialized")
    }
}

class Apartment {
    let unit: String
    weak var tenant: Person?
    init(unit: String) {
        self.unit = unit
    }
    deinit {
        print("Apartment \(unit) is being deinitialized")
    }
}

var john: Person? = Person(name: "John Appleseed")
var unit4A: Apartment? = Apartment(unit: "4A")
john!.apartment = unit4A
unit4A!.tenant = john
print(unit4A!.tenant!.name)
john = nil
print(unit4A!.tenant == nil)
print(unit4A!.tenant?.name ?? "vacant")
unit4A = nil
do {
    let temp = Person(name: "Temp")
    weak var w = temp
    print(w?.name ?? "gone")
    print(w)
}
weak var observer: Person?
do {
    let p = Person(name: "Scoped")
    observer = p
    print(observer?.name ?? "none")
}
print(observer?.name ?? "none")
print(observer)
