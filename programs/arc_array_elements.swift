// Arrays own their elements: a released array releases them front to back; removed and replaced elements die at once.
class Item {
    let n: Int
    init(_ n: Int) {
        self.n = n
    }
    deinit {
        print("item \(n) freed")
    }
}

var items: [Item]? = [Item(1), Item(2), Item(3)]
print("array built")
items = nil
print("array gone")
var list = [Item(4), Item(5), Item(6)]
list.remove(at: 1)
print("removed middle")
list[0] = Item(7)
print("replaced first")
list.append(Item(8))
let kept = list[1]
list.removeAll()
print("cleared, kept \(kept.n)")
do {
    let local = [Item(9), Item(10)]
    let shared = local
    print("copies: \(local.count) \(shared.count)")
}
print("end")
