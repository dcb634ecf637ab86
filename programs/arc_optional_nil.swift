// Setting references to nil: the object dies when the last of several references is cleared.
class Resource {
    let name: String
    init(_ name: String) {
        self.name = name
        print("open \(name)")
    }
    deinit {
        print("close \(name)")
    }
}

class Holder {
    var resource: Resource?
}

var r1: Resource? = Resource("a")
let h1 = Holder()
let h2 = Holder()
h1.resource = r1
h2.resource = r1
r1 = nil
print("released variable")
h1.resource = nil
print("released h1")
h2.resource = nil
print("released h2")
h1.resource = Resource("b")
h1.resource = Resource("c")
print("replaced")
h1.resource = nil
print("end")
