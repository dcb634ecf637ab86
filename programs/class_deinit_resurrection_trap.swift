// A deinit that stores `self` somewhere resurrects a dying object: Swift 5.9+ traps when
// the object is deallocated with references left, at the release that ran the deinit.
var keep: [Zombie] = []

class Zombie {
    let name: String
    init(name: String) { self.name = name }
    deinit {
        print("deinit \(name)")
        keep.append(self)
    }
}

var z: Zombie? = Zombie(name: "z")
print("releasing")
z = nil
print("unreachable: \(keep[0].name)")
