// Printing class instances: the module-qualified dynamic type name, also inside collections and optionals.
class Dog {
    var name = "Rex"
}
class Puppy: Dog {}
class Kennel {
    class Gate {}
}

let d = Dog()
print(d)
let p: Dog = Puppy()
print(p)
print([d, p])
let maybe: Dog? = d
print(maybe)
let none: Dog? = nil
print(none)
print("interpolated: \(d)")
print(String(describing: p))
print((1, d))
print(Kennel.Gate())
print(["a": d])
let dogs: [Dog?] = [d, nil]
print(dogs)
