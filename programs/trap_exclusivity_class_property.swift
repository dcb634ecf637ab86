// A closure that reads a class's stored property while a call modifies it (an inout
// argument or a mutating method on it) is caught by Swift's run-time exclusivity check.
final class Inventory {
    var counts = [3, 1, 4]
}
func update(_ values: inout [Int], then report: () -> Void) {
    values.append(0)
    report()
}
let inv = Inventory()
update(&inv.counts) { print("no overlap") }
print(inv.counts)
update(&inv.counts) { print(inv.counts.count) }
print("not reached")
