// Access control inside one file: `private` limits a member to its type's declaration
// (nested types and closures in it included); `private(set)` limits only the setter;
// top-level `private` is `fileprivate`; `internal`, `public` and `open` see the file.

struct BankAccount {
    public private(set) var owner: String
    private(set) var balance = 0
    private var history: [String] = []
    fileprivate var branch = "main"
    internal var nickname: String?

    init(owner: String) {
        self.owner = owner
    }

    mutating func deposit(_ amount: Int) {
        balance += amount
        record("deposit \(amount)")
    }

    mutating func withdraw(_ amount: Int) -> Bool {
        guard amount <= balance else {
            record("refused \(amount)")
            return false
        }
        balance -= amount
        record("withdraw \(amount)")
        return true
    }

    private mutating func record(_ entry: String) {
        history.append(entry)
    }

    func statement() -> String {
        // A closure inside the type sees its private members.
        history.map { "- \($0)" }.joined(separator: "\n")
    }

    private static var opened = 0
    static func open(for owner: String) -> BankAccount {
        opened += 1
        return BankAccount(owner: owner)
    }
    static var openedCount: Int { opened }

    // A nested type is inside the declaration too.
    struct Auditor {
        func audit(_ account: BankAccount) -> Int {
            account.history.count
        }
    }

    private struct Token {
        let value = 42
    }
    func token() -> Int { Token().value }
}

var account = BankAccount.open(for: "Ann")
account.deposit(100)
_ = account.withdraw(30)
_ = account.withdraw(500)
account.nickname = "savings"
account.branch = "north"
print(account.owner, account.balance, account.branch, account.nickname ?? "-")
print(account.statement())
print(BankAccount.Auditor().audit(account), BankAccount.openedCount, account.token())

// A private initializer: only the type itself makes instances.
final class Registry {
    static let shared = Registry()
    private(set) var names: [String] = []
    private init() {
        print("registry created")
    }
    func register(_ name: String) {
        names.append(name)
    }
}
Registry.shared.register("a")
Registry.shared.register("b")
print(Registry.shared.names, Registry.shared.names.count)

// Classes: open and public members, private state.
open class Shape {
    public var name: String
    private var sides: Int
    public init(name: String, sides: Int) {
        self.name = name
        self.sides = sides
    }
    open func describe() -> String { "\(name) with \(sides) sides" }
    final func sideCount() -> Int { sides }
}
class Square: Shape {
    init() { super.init(name: "square", sides: 4) }
    override func describe() -> String { "a " + super.describe() }
}
let square = Square()
print(square.describe(), square.sideCount())

// Top-level private is fileprivate: the whole file sees it.
private let secret = 7
fileprivate func reveal() -> Int { secret * 6 }
private struct Hidden { var x = 1 }
public func exported() -> Int { reveal() + Hidden().x }
print(exported())

// internal(set) and fileprivate(set) limit nothing inside one file.
struct Limits {
    public internal(set) var low = 0
    fileprivate(set) var high = 10
}
var limits = Limits()
limits.low = 1
limits.high = 20
print(limits.low, limits.high)
