// Compound assignment operators on Int, Double, String and Array.
var i = 10
i += 5
print(i)
i -= 3
print(i)
i *= 4
print(i)
i /= 5
print(i)
i %= 4
print(i)
i <<= 3
print(i)
i >>= 1
print(i)
i |= 3
print(i)
i &= 5
print(i)
i ^= 1
print(i)
var d = 1.5
d += 1
d *= 2
d -= 0.5
d /= 2
print(d)
var s = "a"
s += "b"
s += String(3)
print(s)
var arr = [1]
arr += [2, 3]
print(arr)
var dict = ["n": 1]
dict["n"]! += 10
print(dict["n"]!)
