// A Lexer budget (the raw tokens, lexing's scratch) too small for this file: the error names
// Lexer with its numbers, as every compile-phase budget does; exit 70.
let values = [1, 2, 3]
print(values.count)
