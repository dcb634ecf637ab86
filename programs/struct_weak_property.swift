// A `weak var` inside a struct does not keep its instance alive: deinit runs when the last
// strong reference goes, and the struct's property reads nil afterwards.
class Obj {
    let name: String
    init(_ name: String) { self.name = name }
    deinit { print("deinit \(name)") }
}

struct WeakBox {
    weak var value: Obj?
}

var o: Obj? = Obj("a")
var box = WeakBox(value: o)
print(box.value == nil, box.value?.name ?? "-")
print(box)
o = nil
print(box.value == nil)
print(box)

var o2: Obj? = Obj("b")
box.value = o2
print(box.value!.name)
o2 = nil
print(box.value == nil)

struct Pair {
    unowned let owner: Obj
    weak var other: Obj?
    init(owner: Obj) {
        self.owner = owner
        self.other = owner
    }
}
let keep = Obj("c")
let p = Pair(owner: keep)
print(p.owner.name, p.other!.name)

// A parent holding structs that point back weakly: no cycle.
class Parent {
    var children: [Child] = []
    deinit { print("deinit parent") }
}
struct Child {
    weak var parent: Parent?
    let id: Int
}
func build() {
    let parent = Parent()
    parent.children.append(Child(parent: parent, id: 1))
    parent.children.append(Child(parent: parent, id: 2))
    print(parent.children.map { $0.parent === parent })
}
build()
print("done")
