// Captured variables updated in place by closures, with numbers, strings and a trap.
func makeCounter(_ step: Int) -> () -> Int {
    var count = 0
    return {
        count += step
        count += 1
        return count
    }
}
let next = makeCounter(3)
print(next(), next())

func makeLog() -> (String) -> String {
    var log = ""
    return { word in
        log += word
        return log
    }
}
let add = makeLog()
print(add("a"), add("b"))

var total = 0.5
let grow = { total *= 3 }
grow()
grow()
print(total)

func makeOverflow() -> () -> Int {
    var n = Int.max - 1
    return {
        n += 1
        return n
    }
}
let bump = makeOverflow()
print(bump())
print(bump())
