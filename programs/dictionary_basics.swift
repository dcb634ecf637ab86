// Dictionary basics: subscripts, default values, updateValue, removeValue, count.
var ages = ["alice": 30]
print(ages)
print(ages["alice"]!)
print(ages["alice"])
print(ages["zed"])
ages["bob"] = 25
print(ages.count, ages.isEmpty)
ages["alice"] = 31
print(ages["alice"]!)
print(ages["carol", default: 0])
ages["carol", default: 40] += 1
print(ages["carol"]!)
let old = ages.updateValue(26, forKey: "bob")
print(old)
let missing = ages.updateValue(50, forKey: "dave")
print(missing)
print(ages.count)
let removed = ages.removeValue(forKey: "alice")
print(removed)
print(ages.removeValue(forKey: "nobody"))
ages["dave"] = nil
print(ages.count)
print(ages.keys.sorted())
var empty: [String: Int] = [:]
print(empty, empty.isEmpty)
empty["x"] = 1
print(empty)
var counts = [Character: Int]()
for ch in "banana" {
    counts[ch, default: 0] += 1
}
print(counts["a"]!, counts["n"]!, counts["b"]!, counts.count)
let numbers = [1: "one", 2: "two"]
print(numbers[2]!, numbers[3] ?? "none")
