// A switch over an optional without .none is not exhaustive.
let v: Int? = 3
switch v {
case .some(let n): print(n)
}
