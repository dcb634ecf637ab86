// Optional's cases by name: .none, .some(x), and a switch over them is exhaustive.
let x: Int? = .none
print(x == nil, x ?? -1)
var y: String? = .some("hi")
print(y!)
y = .none
print(y == nil)
let v: Int? = 3
switch v {
case .some(let n): print("some", n)
case .none: print("none")
}
func describe(_ o: Double?) -> String {
    switch o {
    case let d?: return "value \(d)"
    case nil: return "nothing"
    }
}
print(describe(2.5), describe(nil))
