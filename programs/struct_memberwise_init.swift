// The synthesized memberwise initializer: defaulted vars (and optional vars) may be omitted, defaulted lets are not parameters.
struct Size {
    var width = 0.0, height = 0.0
}
let zero = Size()
let twoByTwo = Size(width: 2.0, height: 2.0)
let onlyHeight = Size(height: 3.0)
let onlyWidth = Size(width: 4.0)
print(zero, twoByTwo)
print(onlyHeight, onlyWidth)

struct User {
    let id: Int
    var name: String
    var active = true
    let kind = "user"
}
let u1 = User(id: 1, name: "ann")
let u2 = User(id: 2, name: "bob", active: false)
print(u1)
print(u2.name, u2.active, u2.kind)

struct Tag {
    var label: String
    var color: String?
}
print(Tag(label: "x"))
print(Tag(label: "y", color: "red"))
