// Objects returned from a function survive; other locals die when the function returns.
class Box {
    let label: String
    init(_ label: String) {
        self.label = label
        print("new \(label)")
    }
    deinit {
        print("free \(label)")
    }
}

func build(_ label: String) -> Box {
    let scratch = Box("scratch for \(label)")
    let result = Box(label)
    print("built \(result.label) using \(scratch.label)")
    return result
}

let kept = build("kept")
print("holding \(kept.label)")
func describe(_ b: Box) -> String {
    return "passed \(b.label)"
}
print(describe(kept))
func makeAndDrop() {
    let a = build("inner")
    print("got \(a.label)")
}
makeAndDrop()
var boxes: [Box] = []
func store(_ label: String) {
    let b = Box(label)
    boxes.append(b)
}
store("stored1")
store("stored2")
print(boxes.count)
boxes.removeAll()
print("end")
