class N { weak var w: N?; var s: N? }
var xs: [N] = []
for i in 0..<100 { let n = N(); if i > 0 { n.w = xs[i - 1]; n.s = xs[i / 2] }; xs.append(n) }
xs.removeAll()
print("ok")
