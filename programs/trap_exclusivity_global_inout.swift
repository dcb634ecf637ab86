// A global passed inout and read by the callee: Swift's run-time exclusivity check traps.
var total = 10
func addTotal(_ x: inout Int) {
    x += total
}
var other = 1
addTotal(&other)
print(other)
addTotal(&total)
print(total)
