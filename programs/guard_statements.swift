// guard with conditions and optional binding; the else branch must leave the scope.
func parseAge(_ s: String) -> String {
    guard let age = Int(s) else {
        return "invalid: \(s)"
    }
    guard age >= 0, age < 150 else {
        return "out of range: \(age)"
    }
    return "age \(age)"
}
print(parseAge("42"))
print(parseAge("abc"))
print(parseAge("200"))
print(parseAge("-1"))
func firstEven(_ xs: [Int]) -> Int? {
    for x in xs {
        guard x % 2 == 0 else {
            continue
        }
        return x
    }
    return nil
}
print(firstEven([1, 3, 4, 6])!)
print(firstEven([1, 3]) == nil)
func process(_ dict: [String: Int], _ key: String) -> Int {
    guard let v = dict[key], v > 0 else {
        return -1
    }
    return v * 2
}
print(process(["a": 5], "a"), process(["a": 5], "b"), process(["a": 0], "a"))
var i = 0
while true {
    i += 1
    guard i < 5 else {
        break
    }
}
print(i)
func validate(_ name: String?) -> String {
    guard let name = name, !name.isEmpty else {
        return "missing"
    }
    return "hello \(name)"
}
print(validate(nil), validate(""), validate("Kim"))
let top: Int? = 8
guard let unwrapped = top else {
    fatalError("top-level guard failed")
}
print(unwrapped * 2)
