// A private initializer (and the memberwise one of a struct with a private stored
// property) can only be called inside the type.
final class Config {
    static let shared = Config()
    private init() {}
    init(path: String) {}
}

struct Temperature {
    private var kelvin: Double = 273.15
    var label: String
}

let fromFile = Config(path: "/etc/app")
let fresh = Config()
let t = Temperature(label: "room")
