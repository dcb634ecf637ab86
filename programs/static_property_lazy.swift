// Static stored properties are initialized lazily, on first access (issue 14, item 11).
func log(_ s: String) -> Int {
    print("init", s)
    return s.count
}
print("start")
print(Config.size)
print(Config.size)
Config.name = "changed"
print(Config.name)
print(Counter.next(), Counter.next())

struct Config {
    static var size: Int = log("size")
    static var name = "config"
    static let unused: Int = log("never")
}

enum Counter {
    static var value: Int = log("counter") * 100
    static func next() -> Int {
        value += 1
        return value
    }
}
