// assert traps in a debug build (swift script.swift runs one).
let values = [3, 1, 2]
let sorted = values.sorted()
assert(sorted.first == 1, "smallest first")
print("first check passed")
assert(sorted.count == 4, "expected four values")
print("not reached")
