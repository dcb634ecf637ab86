// A Bytecode budget too small for the compiler's first instruction: the compile-phase error
// names the subsystem, its numbers and the statement being compiled, and the run exits 70
// (a memory limit in any phase, CLI.md), not a host abort.
let greeting = "hello"
print(greeting)
