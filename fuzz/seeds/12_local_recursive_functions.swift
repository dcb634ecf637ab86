func outer(_ n: Int) -> Int {
    func fact(_ k: Int) -> Int { return k <= 1 ? 1 : k * fact(k - 1) }
    func isEven(_ k: Int) -> Bool { return k == 0 ? true : isOdd(k - 1) }
    func isOdd(_ k: Int) -> Bool { return k == 0 ? false : isEven(k - 1) }
    func unused(_ k: Int) -> Int { return unused(k) }
    return isEven(n) ? fact(n) : -fact(n)
}
print(outer(5), outer(6))
