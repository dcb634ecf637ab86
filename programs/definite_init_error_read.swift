// Reading a variable before it is assigned (issue 14, item 10): a top-level `var` declared
// without a value is not `()`.
var total: Int
print(total)
