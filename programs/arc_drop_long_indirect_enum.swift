// Dropping a 100,000-node indirect enum list frees it without recursing on the host stack.
indirect enum List {
    case end
    case node(Int, List)
}

func sum(_ list: List) -> Int {
    var total = 0
    var rest = list
    while case let .node(value, next) = rest {
        total += value
        rest = next
    }
    return total
}

var list = List.end
for i in 1...100_000 {
    list = .node(i, list)
}
print("built", sum(list))
list = .end
print("dropped", sum(list))
