// A range subscript past the end of an array.
let a = [10, 20, 30]
print(a[1...2])
print(a[1...3])
