// A subclass is outside its superclass's declaration: private members stay hidden.
class Base {
    private var secret = "base"
}
class Derived: Base {
    func leak() -> String { secret }
}
print(Derived().leak())
