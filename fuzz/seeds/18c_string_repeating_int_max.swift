print("before")
let s = String(repeating: "ab", count: Int.max)
print(s.count)
