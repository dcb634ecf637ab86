// Access modifiers written twice, or with a subject other than `set`, or where no access
// level applies.
private public func twice() {}

private(get) var subject = 0

enum Direction {
    private case north
}

class Resource {
    public deinit {}
}
