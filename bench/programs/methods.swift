// methods: 5,000,000 method calls on one class instance (deposit and withdraw alternate)
// that read and update its stored properties. Exercises method dispatch on a final class,
// property reads and writes through self, Bool returns.
let n = 5000000 // SIZE

final class Account {
    var balance = 0
    var deposits = 0
    var refused = 0

    func deposit(_ amount: Int) {
        balance += amount
        deposits += 1
    }

    func withdraw(_ amount: Int) -> Bool {
        if amount > balance {
            refused += 1
            return false
        }
        balance -= amount
        return true
    }
}

func run(_ calls: Int) {
    let account = Account()
    var accepted = 0
    for i in 0..<(calls / 2) {
        account.deposit(i % 100)
        if account.withdraw((i * 7) % 150) {
            accepted += 1
        }
    }
    print(account.balance, account.deposits, account.refused, accepted)
}

run(n)
