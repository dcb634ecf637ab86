// A top-level function or closure that uses a global declared without a value, made
// before the global is assigned, is swiftc's definite-initialization error.
var g1: Int
var g2: Int = 42
func testTopLevelCode() {
    print(g1)
    print(g2)
}
let clo: () -> Void = { print(g1) }
g1 = 3
func fine() { print(g1) }
testTopLevelCode()
clo()
fine()
