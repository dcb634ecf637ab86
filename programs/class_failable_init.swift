// Failable initializers: init? produces nil for invalid input, also through a subclass chain.
class Animal {
    let species: String
    init?(species: String) {
        if species.isEmpty { return nil }
        self.species = species
    }
}

let giraffe = Animal(species: "Giraffe")
if let g = giraffe {
    print("An animal was initialized with a species of \(g.species)")
}
let anonymous = Animal(species: "")
if anonymous == nil {
    print("The anonymous creature could not be initialized")
}
print(giraffe)
print(anonymous)
print(giraffe?.species)
print(giraffe!.species.count)

class Product {
    let name: String
    init?(name: String) {
        if name.isEmpty { return nil }
        self.name = name
    }
}

class CartItem: Product {
    let quantity: Int
    init?(name: String, quantity: Int) {
        if quantity < 1 { return nil }
        self.quantity = quantity
        super.init(name: name)
    }
}

func describe(_ item: CartItem?) {
    if let item = item {
        print("Item: \(item.name), quantity: \(item.quantity)")
    } else {
        print("Unable to initialize")
    }
}
describe(CartItem(name: "sock", quantity: 2))
describe(CartItem(name: "shirt", quantity: 0))
describe(CartItem(name: "", quantity: 1))
