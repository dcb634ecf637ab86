// The rules on access modifiers themselves.
struct Settings {
    private(set) let version = 1
    private(set) var computed: Int {
        return 42
    }
    public(set) var volume = 0
    internal(set) private var mode = 0
    open func reset() {}
}

private(set) let limit = 10
public(set) var threshold = 0

func configure() {
    private var local = 0
    local += 1
}
