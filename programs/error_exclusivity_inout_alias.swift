func balance(_ x: inout Int, _ y: inout Int) {
    let sum = x + y
    x = sum / 2
    y = sum - x
}
var myNumber = 42
balance(&myNumber, &myNumber)
