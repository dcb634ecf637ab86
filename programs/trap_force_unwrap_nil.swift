// Force-unwrapping nil traps.
let values = ["a": 1]
print(values["a"]!)
let missing: Int? = values["b"]
print(missing!)
