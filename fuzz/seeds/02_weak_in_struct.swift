class Obj { let n: Int; init(n: Int) { self.n = n }; deinit { print("deinit \(n)") } }
struct WeakBox { weak var value: Obj? }
var o: Obj? = Obj(n: 1)
var box = WeakBox(value: o)
var boxes = [box, WeakBox(value: o)]
o = nil
print(box.value == nil, boxes[1].value == nil)
box.value = Obj(n: 2)
print(box.value?.n ?? -1)
