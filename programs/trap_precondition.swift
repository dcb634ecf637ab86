func withdraw(_ amount: Int, from balance: Int) -> Int {
    precondition(amount <= balance, "insufficient funds")
    return balance - amount
}
print(withdraw(30, from: 100))
print(withdraw(500, from: 100))
