class P {
    let x: Int
    var y: Int
    init(flag: Bool) {
        if flag { x = 1 } else { x = 2 }
        y = x * 2
    }
}
func f(_ b: Bool) -> Int {
    let v: Int
    if b { v = 1 } else { fatalError("no") }
    return v
}
var g: Int
g = 4
print(P(flag: true).y, f(true), g)
