// Deinit across a hierarchy: subclass deinit body, superclass deinit body, then superclass and subclass stored properties.
class Part {
    let name: String
    init(_ name: String) {
        self.name = name
    }
    deinit {
        print("release \(name)")
    }
}

class Base {
    let basePart = Part("base part")
    init() {
        print("Base init")
    }
    deinit {
        print("Base deinit")
    }
}

class Derived: Base {
    let derivedPart = Part("derived part")
    override init() {
        print("Derived init")
        super.init()
    }
    deinit {
        print("Derived deinit")
    }
}

var obj: Base? = Derived()
obj = nil
print("after derived")
var plain: Base? = Base()
plain = nil
print("end")
