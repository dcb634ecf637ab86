// unowned references: a back-reference that never keeps its target alive (Customer/CreditCard).
class Customer {
    let name: String
    var card: CreditCard?
    init(name: String) {
        self.name = name
    }
    deinit {
        print("\(name) is being deinitialized")
    }
}

class CreditCard {
    let number: Int
    unowned let customer: Customer
    init(number: Int, customer: Customer) {
        self.number = number
        self.customer = customer
    }
    deinit {
        print("Card #\(number) is being deinitialized")
    }
}

var john: Customer? = Customer(name: "John Appleseed")
john!.card = CreditCard(number: 1234_5678_9012_3456, customer: john!)
print(john!.card!.customer.name)
john = nil
print("after john")

class Department {
    let title: String
    var staff: [Employee] = []
    init(title: String) {
        self.title = title
    }
    func hire(_ name: String) {
        staff.append(Employee(name: name, department: self))
    }
    deinit {
        print("closing \(title)")
    }
}

class Employee {
    let name: String
    unowned let department: Department
    init(name: String, department: Department) {
        self.name = name
        self.department = department
    }
    func badge() -> String {
        return "\(name) @ \(department.title)"
    }
    deinit {
        print("\(name) leaves")
    }
}

do {
    let dept = Department(title: "R&D")
    dept.hire("Ada")
    dept.hire("Alan")
    for e in dept.staff {
        print(e.badge())
    }
}
print("end")
