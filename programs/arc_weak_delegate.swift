// A weak back-reference (delegate) does not keep its target alive and becomes nil when it is released.
class Owner {
    let name: String
    var child: Child?
    init(name: String) {
        self.name = name
    }
    deinit {
        print("owner \(name) deinit")
    }
    func notify(_ msg: String) {
        print("\(name) got \(msg)")
    }
}

class Child {
    weak var parent: Owner?
    deinit {
        print("child deinit")
    }
    func report() {
        parent?.notify("report")
        if parent == nil {
            print("no parent to report to")
        }
    }
}

let orphan = Child()
do {
    let owner = Owner(name: "P")
    owner.child = orphan
    orphan.parent = owner
    orphan.report()
}
orphan.report()
print(orphan.parent == nil)
var owner2: Owner? = Owner(name: "Q")
var child2: Child? = Child()
owner2!.child = child2
child2!.parent = owner2
owner2 = nil
child2!.report()
child2 = nil
print("end")
