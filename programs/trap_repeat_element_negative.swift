// repeatElement's count must not be negative.
print(Array(repeatElement("x", count: 3)))
print(Array(repeatElement(1, count: 0)))
let r = repeatElement(1, count: -1)
print(Array(r))
