// Identity operators === and !== compare references; classes are shared, not copied.
class Box {
    var value: Int
    init(_ value: Int) {
        self.value = value
    }
}

let a = Box(1)
let b = Box(1)
let c = a
print(a === b, a === c, a !== b, a !== c)
c.value = 99
print(a.value, b.value)
func bump(_ box: Box) {
    box.value += 1
}
bump(a)
print(c.value)
let boxes = [a, b, c]
boxes[2].value = 5
print(a.value, boxes[0].value, boxes[1].value)
print(boxes.filter { $0 === a }.count)
let maybe: Box? = b
print(maybe === b, maybe === a)
let none: Box? = nil
print(none === nil, none !== a)
if let idx = boxes.firstIndex(where: { $0 === b }) {
    print("b at \(idx)")
}
