// A failed as! downcast traps at run time.
class Animal {}
class Dog: Animal {}
class Cat: Animal {}
let pets: [Animal] = [Dog(), Cat()]
let first = pets[0] as! Dog
print("first is \(first)")
let second = pets[1] as! Dog
print("unreachable: \(second)")
