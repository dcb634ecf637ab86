// Printing a value nested 100,000 deep overflows the stack: a trap, with what was printed
// before it kept.
indirect enum List {
    case end
    case node(Int, List)
}

var list = List.end
for i in 0..<3 {
    list = .node(i, list)
}
print(list)
for i in 3..<100_000 {
    list = .node(i, list)
}
print(list)
