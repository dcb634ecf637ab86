// Convenience initializers delegate across with self.init; an override of every designated init inherits them.
class Food {
    var name: String
    init(name: String) {
        self.name = name
        print("Food.init(name: \(name))")
    }
    convenience init() {
        self.init(name: "[Unnamed]")
        print("Food.init()")
    }
}

class RecipeIngredient: Food {
    var quantity: Int
    init(name: String, quantity: Int) {
        self.quantity = quantity
        super.init(name: name)
        print("RecipeIngredient.init(name: \(name), quantity: \(quantity))")
    }
    override convenience init(name: String) {
        self.init(name: name, quantity: 1)
    }
}

let meat = Food(name: "Bacon")
print(meat.name)
let mystery = Food()
print(mystery.name)
let one = RecipeIngredient()
print(one.name, one.quantity)
let eggs = RecipeIngredient(name: "Eggs", quantity: 6)
print(eggs.name, eggs.quantity)
let bread = RecipeIngredient(name: "Bread")
print(bread.name, bread.quantity)
