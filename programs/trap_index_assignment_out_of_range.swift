// Writing past the end of an array traps too.
var items = [1, 2, 3]
items[1] = 20
print(items)
items[3] = 40
print(items)
