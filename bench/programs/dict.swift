// dict: insert 1,000,000 Int keys into a [Int: Int], look up 1,000,000 keys (a third of
// them present), then iterate once over the entries to count them and sum the keys.
// Exercises hashing of Int keys, insertion with growth, optional lookups, iteration.
let n = 1000000 // SIZE

func run(_ count: Int) {
    var d: [Int: Int] = [:]
    for i in 0..<count {
        d[i * 7] = i
    }
    var found = 0
    var sum = 0
    for i in 0..<count {
        if let v = d[i * 3] {
            found += 1
            sum += v
        }
    }
    var entries = 0
    var keySum = 0
    for (k, _) in d {
        entries += 1
        keySum += k
    }
    print(entries, keySum, found, sum)
}

run(n)
