// inout parameters passed with `&`, and the standard swap.
func doubleIt(_ x: inout Int) {
    x *= 2
}
var n = 5
doubleIt(&n)
print(n)
func swapValues(_ a: inout Int, _ b: inout Int) {
    let tmp = a
    a = b
    b = tmp
}
var p = 1
var q = 2
swapValues(&p, &q)
print(p, q)
swap(&p, &q)
print(p, q)
func appendTwice(_ arr: inout [String], _ s: String) {
    arr.append(s)
    arr.append(s)
}
var list = ["a"]
appendTwice(&list, "b")
print(list)
func increment(_ counts: inout [String: Int], _ key: String) {
    counts[key, default: 0] += 1
}
var counts: [String: Int] = [:]
increment(&counts, "x")
increment(&counts, "x")
increment(&counts, "y")
print(counts["x"]!, counts["y"]!)
func addSuffix(_ s: inout String) {
    s += "!"
}
var word = "hi"
addSuffix(&word)
addSuffix(&word)
print(word)
var arr = [1, 2, 3]
doubleIt(&arr[1])
print(arr)
func reset(_ x: inout Int, to value: Int = 0) {
    x = value
}
reset(&n)
print(n)
reset(&n, to: 9)
print(n)
