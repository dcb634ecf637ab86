// Methods of a type may use globals declared after the type.
func show() { print(later) }
struct S { func get() -> Int { counter } }
let later = "hi"
var counter = 5
show()
print(S().get())
