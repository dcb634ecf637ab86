// A Parser budget (the parser's token buffer) too small for this file: the error names
// Parser, not AST, with its numbers; exit 70.
let values = [1, 2, 3]
print(values.count)
