// Optional chaining on values: members, methods and subscripts of optionals.
let arr = [3, 1, 2]
print(arr.first?.description)
let empty: [Int] = []
print(empty.first?.description)
let dict = ["k": [1, 2, 3]]
print(dict["k"]?.count)
print(dict["z"]?.count)
print(dict["k"]?.count ?? 0, dict["z"]?.count ?? 0)
let name: String? = "swift"
print(name?.uppercased())
print(name?.count ?? 0)
let words: [String]? = ["a", "bb"]
print(words?.count)
print(words?.first?.count)
print(words?[1])
let none: [String]? = nil
print(none?.first?.count)
if let c = dict["k"]?.first {
    print("first is \(c)")
}
let nested: [String: [String: Int]] = ["outer": ["inner": 5]]
print(nested["outer"]?["inner"])
print(nested["outer"]?["nope"])
print(nested["nope"]?["inner"] ?? -1)
let s: String? = "hello"
print(s?.hasPrefix("he") == true)
print(s?.isEmpty == false)
let missing: String? = nil
print(missing?.count == nil)
