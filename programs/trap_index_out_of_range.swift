// Reading past the end of an array traps.
let items = [10, 20, 30]
print(items[2])
let i = items.count
print(items[i])
