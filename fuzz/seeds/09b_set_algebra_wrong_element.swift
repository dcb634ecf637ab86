let s: Set<Int> = [1, 2, 3]
print(s.union("ab"))
print(s.isSuperset(of: ["x"]))
