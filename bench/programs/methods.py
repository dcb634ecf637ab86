# methods: 5,000,000 method calls on one object (deposit and withdraw alternate) that read
# and update its attributes. Exercises method calls, attribute reads and writes through self
# (__slots__), boolean returns.
n = 5000000  # SIZE


class Account:
    __slots__ = ("balance", "deposits", "refused")

    def __init__(self):
        self.balance = 0
        self.deposits = 0
        self.refused = 0

    def deposit(self, amount):
        self.balance += amount
        self.deposits += 1

    def withdraw(self, amount):
        if amount > self.balance:
            self.refused += 1
            return False
        self.balance -= amount
        return True


def run(calls):
    account = Account()
    accepted = 0
    for i in range(calls // 2):
        account.deposit(i % 100)
        if account.withdraw((i * 7) % 150):
            accepted += 1
    print(account.balance, account.deposits, account.refused, accepted)


run(n)
