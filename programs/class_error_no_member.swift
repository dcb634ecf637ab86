// Calling a method that a class does not declare is a compile error.
class Dog {
    func bark() -> String {
        return "Woof"
    }
}
let d = Dog()
print(d.bark())
d.fly()
