class Q {
    let x: Int
    var y: Int
    init() { y = 1 }
}
func h() -> Int {
    var z: Int
    return z
}
func k() -> Int {
    let c: Int
    return c
}
var g: Int
print(g, h(), k())
