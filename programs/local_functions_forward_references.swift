// Local functions may name local functions declared after them (mutual recursion,
// a recursive-descent parser sharing state), as long as they run after both exist.
func outer() {
    var n = 0
    func first() { second() }
    func second() { n += 1 }
    first()
    print(n)
}
outer()

// A recursive-descent parser written as nested functions sharing state.
func evaluate(_ text: String) -> Int {
    let chars = Array(text)
    var pos = 0
    func expr() -> Int {
        var value = term()
        while pos < chars.count && chars[pos] == "+" {
            pos += 1
            value += term()
        }
        return value
    }
    func term() -> Int {
        var value = factor()
        while pos < chars.count && chars[pos] == "*" {
            pos += 1
            value *= factor()
        }
        return value
    }
    func factor() -> Int {
        if chars[pos] == "(" {
            pos += 1
            let v = expr()
            pos += 1
            return v
        }
        let d = Int(String(chars[pos]))!
        pos += 1
        return d
    }
    return expr()
}
print(evaluate("2*(3+4)+1"))

func pure() {
    var calls = 0
    func a(_ k: Int) -> Int { calls += 1; return k == 0 ? 0 : b(k - 1) + 1 }
    func b(_ k: Int) -> Int { return k == 0 ? 0 : a(k - 1) + 1 }
    print(a(3), a(5), calls)
}
pure()
func closureFirst() {
    var log: [String] = []
    let f = { note("from closure") }
    func note(_ s: String) { log.append(s) }
    f()
    print(log)
}
closureFirst()
