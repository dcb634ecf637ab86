func f(_ a: inout Int, _ b: inout Int) { a += 1; b += 1 }
var x = 1
var y = 2
f(&x, &y)
var a = [1, 2]
a.swapAt(0, 1)
swap(&x, &y)
print(x, y, a)
