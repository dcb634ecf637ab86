// A final method cannot be overridden.
class Base {
    final func id() -> Int {
        return 1
    }
}
class Sub: Base {
    override func id() -> Int {
        return 2
    }
}
print(Sub().id())
