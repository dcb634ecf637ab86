// Reading an unowned reference after its object was deallocated traps.
class Owner {
    let name: String
    init(name: String) {
        self.name = name
    }
    deinit {
        print("\(name) deallocated")
    }
}
class Pet {
    unowned let owner: Owner
    init(owner: Owner) {
        self.owner = owner
    }
}
var owner: Owner? = Owner(name: "Ann")
let pet = Pet(owner: owner!)
print(pet.owner.name)
owner = nil
print(pet.owner.name)
