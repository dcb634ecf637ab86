// A method that mutates a global in place (here a `+=` through a subscript) before the
// global's initializer has run traps as a read does (issue 14, item 11; found by
// fuzz/linemut as "internal error: expected a dictionary"; swiftc accepts this and the
// access sees uninitialized memory).
print("start")
Tally().count("a")
var counts: [String: Int] = [:]
struct Tally {
    func count(_ key: String) {
        counts[key, default: 0] += 1
    }
}
