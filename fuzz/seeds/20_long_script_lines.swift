let s0 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
let s1 = s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0 + s0
let s2 = [s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1]
print(s2.count, s1.count)
