// Nested optionals and assignment through a force unwrap (Swift accepts both).
let x: Int?? = 1
print(x as Int?? == nil, x!!)
print(x)
let y: Int?? = nil
print(y == nil, y)
let z: Int??? = 5
print(z)
var w: String?? = "s"
w = nil
print(w)
let inner: Int? = nil
let nested: Int?? = inner
print(nested, nested == nil)
class C { var o: Int? = 1; var name: String? = "a" }
let c = C()
c.o! += 1
print(c.o!)
c.name! += "b"
c.name!.append("c")
print(c.name!)
var v: Int? = 5
v! = 7
v! *= 2
print(v as Int?)
var arr: [Int]? = [1]
arr!.append(2)
arr![0] = 9
print(arr!)
var none: Int? = nil
none! += 1
print("not reached")
