func makeIncrementer(_ x: inout Int) -> () -> Void {
    return { x += 1 }
}
