// A constant assigned on only one path is not definitely initialized (issue 14, item 10).
func pick(_ c: Bool) -> Int {
    let k: Int
    if c {
        k = 1
    }
    return k
}
print(pick(true))
