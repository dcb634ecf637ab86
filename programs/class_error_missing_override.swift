// Overriding a method without the override keyword is a compile error.
class Animal {
    func speak() -> String {
        return "..."
    }
}
class Dog: Animal {
    func speak() -> String {
        return "Woof"
    }
}
print(Dog().speak())
