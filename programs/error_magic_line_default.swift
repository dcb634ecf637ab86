// Swift evaluates #line in a default argument at each call; not supported yet.
func log(_ s: String, line: Int = #line) { print(line, s) }
log("x")
