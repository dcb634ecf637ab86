// A let property can only be set during initialization.
class Config {
    let name: String
    init(name: String) {
        self.name = name
    }
}
let config = Config(name: "debug")
print(config.name)
config.name = "release"
print(config.name)
