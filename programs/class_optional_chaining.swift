// Optional chaining through class instances: properties, methods, and assignment through a chain.
class Room {
    let name: String
    init(name: String) {
        self.name = name
    }
}

class Address {
    var street: String?
    var number: Int?
    func label() -> String? {
        if let number = number, let street = street {
            return "\(number) \(street)"
        }
        return nil
    }
}

class Residence {
    var rooms: [Room] = []
    var address: Address?
    var numberOfRooms: Int {
        return rooms.count
    }
    func printNumberOfRooms() {
        print("The number of rooms is \(numberOfRooms)")
    }
}

class Person {
    var residence: Residence?
}

let john = Person()
print(john.residence?.numberOfRooms)
if let roomCount = john.residence?.numberOfRooms {
    print("John's residence has \(roomCount) room(s).")
} else {
    print("Unable to retrieve the number of rooms.")
}
let someAddress = Address()
someAddress.number = 29
someAddress.street = "Acacia Road"
john.residence?.address = someAddress
print(john.residence?.address?.street)
if john.residence?.printNumberOfRooms() != nil {
    print("It was possible to print the number of rooms.")
} else {
    print("It was not possible to print the number of rooms.")
}
john.residence = Residence()
john.residence?.rooms.append(Room(name: "Kitchen"))
john.residence?.address = someAddress
john.residence?.address?.number = 31
print(someAddress.number!)
print(john.residence?.numberOfRooms)
john.residence?.printNumberOfRooms()
print(john.residence?.address?.label())
print(john.residence?.address?.label()?.count)
print(john.residence?.rooms.first?.name)
if (john.residence?.address = nil) != nil {
    print("address cleared")
}
print(john.residence?.address?.street)
