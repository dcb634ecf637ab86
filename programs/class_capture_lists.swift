// Closures stored in properties: capturing self strongly leaks a cycle; [weak self] and [unowned self] break it.
class Ticker {
    let name: String
    var count = 0
    var action: (() -> Void)?
    init(name: String) {
        self.name = name
        print("\(name) created")
    }
    deinit {
        print("\(name) destroyed")
    }
    func installStrong() {
        action = {
            self.count += 1
            print("\(self.name) strong \(self.count)")
        }
    }
    func installWeak() {
        action = { [weak self] in
            guard let strongSelf = self else {
                print("gone")
                return
            }
            strongSelf.count += 1
            print("\(strongSelf.name) weak \(strongSelf.count)")
        }
    }
    func installUnowned() {
        action = { [unowned self] in
            self.count += 1
            print("\(self.name) unowned \(self.count)")
        }
    }
}

do {
    let a = Ticker(name: "A")
    a.installStrong()
    a.action?()
}
print("A leaked: no deinit above")
do {
    let b = Ticker(name: "B")
    b.installWeak()
    b.action?()
    b.action?()
}
do {
    let c = Ticker(name: "C")
    c.installUnowned()
    c.action?()
}
var keep: (() -> Void)?
do {
    let d = Ticker(name: "D")
    d.installWeak()
    keep = d.action
}
keep?()
print("end")
