// strings: build 200,000 small pieces with interpolation and concatenation, append each to
// one result string, then count its characters (and, by iterating, the "7"s).
// Exercises string interpolation, Int-to-String conversion, concatenation, appending,
// and iteration by Character.
let n = 200000 // SIZE

func build(_ count: Int) -> String {
    var s = ""
    for i in 0..<count {
        let piece = "<\(i):\(i % 7)>" + String(i * 3) + ","
        s += piece
    }
    return s
}

func run(_ count: Int) {
    let s = build(count)
    var sevens = 0
    for ch in s {
        if ch == "7" {
            sevens += 1
        }
    }
    print(s.count, sevens)
}

run(n)
