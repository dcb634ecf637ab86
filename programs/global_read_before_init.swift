// A method that reads a global before the global's initializer has run traps
// (issue 14, item 11; ours: swiftc accepts this and the read sees uninitialized memory).
Reporter().report()
var limit = 10
struct Reporter {
    func report() {
        print("limit is", limit)
    }
}
