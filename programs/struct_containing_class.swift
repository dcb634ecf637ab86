// A struct holding a class reference: copying the struct copies the reference, not the object.
class Engine {
    var rpm = 0
}
struct Car {
    var name: String
    let engine: Engine
}

let engine = Engine()
let car1 = Car(name: "one", engine: engine)
var car2 = car1
car2.name = "two"
car2.engine.rpm = 3000
print(car1.name, car1.engine.rpm, car2.name, car2.engine.rpm)
print(car1.engine === car2.engine)
car1.engine.rpm += 500
print(engine.rpm)
print(car1)
print([car2])
