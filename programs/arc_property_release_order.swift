// Destroying an object runs its deinit body first, then releases its stored properties in declaration order.
class Part {
    let name: String
    init(_ name: String) {
        self.name = name
    }
    deinit {
        print("part \(name) released")
    }
}

class Machine {
    let engine = Part("engine")
    var wheels: [Part] = [Part("wheel1"), Part("wheel2")]
    let count = 3
    var spare: Part? = Part("spare")
    let label: String
    init(label: String) {
        self.label = label
        print("machine \(label) built with \(count) parts")
    }
    deinit {
        print("machine \(label) deinit body")
    }
}

var m: Machine? = Machine(label: "M1")
m = nil
print("after M1")
do {
    let m2 = Machine(label: "M2")
    m2.spare = nil
    print("spare removed")
    m2.wheels.removeFirst()
    print("wheel removed")
}
print("end")
