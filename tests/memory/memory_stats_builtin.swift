// memoryStats() returns the statistics report as a String.
let words = ["alpha", "beta", "gamma"]
let report = memoryStats()
print(report.hasPrefix("=== Memory Allocator Statistics ==="))
print(report.contains("--- Objects ---"))
print(words.count)
