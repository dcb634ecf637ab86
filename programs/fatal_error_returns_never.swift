// fatalError returns Never, so it can stand for a function's result.
func unimplemented() -> Int { fatalError("not implemented") }
func pick(_ b: Bool) -> String {
    if b { return "yes" }
    fatalError("no")
}
print(pick(true))
print(unimplemented())
