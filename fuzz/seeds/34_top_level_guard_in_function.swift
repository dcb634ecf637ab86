let top: Int? = 3
guard let u = top else { fatalError() }
func f() -> Int { return u + 1 }
print(f())
