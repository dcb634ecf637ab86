// Objects held by globals at exit are still reachable, not leaks (Swift does not free them).
class Cache {
    var entries: [String] = []
    deinit { print("never printed") }
}

let cache = Cache()
cache.entries.append("first")
cache.entries.append("second")
let names = ["x", "y", "z"]
print(cache.entries.count + names.count)
