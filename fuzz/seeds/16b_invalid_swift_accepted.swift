var x = 1
var x = 2
func esc(_ v: inout Int) -> () -> Int { return { v } }
print(x)
