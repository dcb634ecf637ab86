// final methods and final classes: still called through the hierarchy, calling overridable methods inside.
class Account {
    var balance = 0
    final func deposit(_ amount: Int) {
        balance += amount
        log("deposit \(amount)")
    }
    func log(_ message: String) {
        print("Account: \(message)")
    }
}

final class SavingsAccount: Account {
    var rate = 2
    override func log(_ message: String) {
        print("Savings: \(message), balance \(balance)")
    }
    func addInterest() {
        deposit(balance * rate / 100)
    }
}

let a = Account()
a.deposit(50)
let s = SavingsAccount()
s.deposit(1000)
s.addInterest()
print(a.balance, s.balance)
let accounts: [Account] = [a, s]
for acc in accounts {
    acc.deposit(1)
}
print(accounts.map { $0.balance })
