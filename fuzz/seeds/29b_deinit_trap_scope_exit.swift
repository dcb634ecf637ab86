class T { deinit { let x: Int? = nil; print(x!) } }
func f() { let t = T(); print(t) }
f()
print("unreachable")
