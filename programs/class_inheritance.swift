// Inheritance: overriding methods and computed properties, super calls, dynamic dispatch through the base type.
class Vehicle {
    var currentSpeed = 0.0
    var description: String {
        return "traveling at \(currentSpeed) miles per hour"
    }
    func makeNoise() -> String {
        return "..."
    }
    func report() {
        print("\(makeNoise()) \(description)")
    }
}

class Bicycle: Vehicle {
    var hasBasket = false
}

class Train: Vehicle {
    override func makeNoise() -> String {
        return "Choo Choo"
    }
}

class Car: Vehicle {
    var gear = 1
    override var description: String {
        return super.description + " in gear \(gear)"
    }
    override func makeNoise() -> String {
        return "Vroom " + super.makeNoise()
    }
}

let vehicle = Vehicle()
print("Vehicle: \(vehicle.description)")
let bicycle = Bicycle()
bicycle.hasBasket = true
bicycle.currentSpeed = 15.0
print("Bicycle: \(bicycle.description) with basket \(bicycle.hasBasket)")
let car = Car()
car.currentSpeed = 25.0
car.gear = 3
print("Car: \(car.description)")
let fleet: [Vehicle] = [vehicle, bicycle, Train(), car]
for v in fleet {
    v.report()
}
