// Calling an initializer with an argument label it does not have is a compile error.
class Dog {
    let name: String
    init(name: String) {
        self.name = name
    }
}
let rex = Dog(name: "Rex")
print(rex.name)
let fido = Dog(title: "Fido")
print(fido.name)
