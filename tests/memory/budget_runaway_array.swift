// An array that grows forever is stopped by the Objects budget: its storage is Objects'.
var numbers: [Int] = []
var i = 0
while true {
    numbers.append(i)
    i += 1
}
