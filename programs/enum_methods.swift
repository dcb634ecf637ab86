// Enum methods, computed properties with switch self, mutating methods and static members.
enum TriStateSwitch {
    case off, low, high
    mutating func next() {
        switch self {
        case .off:
            self = .low
        case .low:
            self = .high
        case .high:
            self = .off
        }
    }
}
var ovenLight = TriStateSwitch.low
ovenLight.next()
print(ovenLight)
ovenLight.next()
print(ovenLight)

enum Coin: Int {
    case penny = 1
    case nickel = 5
    case dime = 10
    case quarter = 25

    var name: String {
        switch self {
        case .penny: return "penny"
        case .nickel: return "nickel"
        case .dime: return "dime"
        case .quarter: return "quarter"
        }
    }

    func times(_ n: Int) -> Int {
        return rawValue * n
    }

    static let all: [Coin] = [.penny, .nickel, .dime, .quarter]

    static func largest(under cents: Int) -> Coin? {
        var best: Coin? = nil
        for c in all where c.rawValue <= cents {
            best = c
        }
        return best
    }
}
print(Coin.dime.name, Coin.quarter.times(3))
var remaining = 68
var change: [String] = []
while remaining > 0 {
    let coin = Coin.largest(under: remaining)!
    change.append(coin.name)
    remaining -= coin.rawValue
}
print(change)
print(Coin.largest(under: 0))
print(Coin.largest(under: 7))
