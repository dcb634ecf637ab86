// A dictionary filled forever is stopped by the Objects budget: its table is Objects'.
var squares: [Int: Int] = [:]
var i = 0
while true {
    squares[i] = i * i
    i += 1
}
