// A closed range whose lower bound exceeds its upper bound traps when formed.
func countUp(from a: Int, to b: Int) -> [Int] {
    var result: [Int] = []
    for i in a...b {
        result.append(i)
    }
    return result
}
print(countUp(from: 1, to: 3))
print(countUp(from: 5, to: 1))
