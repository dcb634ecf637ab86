// A slice keeps the base's indices: index 0 is not one of them.
let a = [10, 20, 30, 40, 50]
let s = a[2...3]
print(s[2], s[3])
print(s[0])
