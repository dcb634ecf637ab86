// A top-level function may use globals declared further down the file; calling it
// after they are initialized reads their values.
func show() {
    print(greeting, counter)
    counter += 1
}
func total() -> Int { counter * 10 }
let greeting = "hi"
var counter = 5
show()
show()
print(total())
