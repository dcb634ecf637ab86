// Recursion: factorial, fibonacci, gcd, towers of Hanoi, mutual recursion.
func factorial(_ n: Int) -> Int { n <= 1 ? 1 : n * factorial(n - 1) }
print(factorial(5), factorial(20))
func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
print((0..<10).map { fib($0) })
func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
print(gcd(48, 18), gcd(17, 5))
func hanoi(_ n: Int, _ from: String, _ to: String, _ via: String) -> Int {
    if n == 0 {
        return 0
    }
    return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from)
}
print(hanoi(10, "A", "C", "B"))
func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
print(isEven(10), isOdd(7))
func sumDigits(_ n: Int) -> Int { n < 10 ? n : n % 10 + sumDigits(n / 10) }
print(sumDigits(98765))
func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
print(depth(10000))
func permutations(_ items: [Int]) -> [[Int]] {
    if items.count <= 1 {
        return [items]
    }
    var result: [[Int]] = []
    for (i, x) in items.enumerated() {
        var rest = items
        rest.remove(at: i)
        for p in permutations(rest) {
            result.append([x] + p)
        }
    }
    return result
}
print(permutations([1, 2, 3]))
func binarySearch(_ a: [Int], _ target: Int, _ lo: Int, _ hi: Int) -> Int? {
    if lo > hi {
        return nil
    }
    let mid = (lo + hi) / 2
    if a[mid] == target {
        return mid
    }
    return a[mid] < target ? binarySearch(a, target, mid + 1, hi) : binarySearch(a, target, lo, mid - 1)
}
let sorted = [1, 3, 5, 7, 9, 11]
print(binarySearch(sorted, 7, 0, sorted.count - 1)!, binarySearch(sorted, 4, 0, sorted.count - 1) == nil)
