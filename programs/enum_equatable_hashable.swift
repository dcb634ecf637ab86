// Enums without payloads are Equatable and Hashable: ==, dictionary keys, set members, firstIndex(of:).
enum Suit {
    case spades, hearts, diamonds, clubs
}

var counts: [Suit: Int] = [:]
let hand: [Suit] = [.hearts, .spades, .hearts, .clubs, .hearts]
for s in hand {
    counts[s, default: 0] += 1
}
print(counts[.hearts]!, counts[.spades]!, counts[.diamonds] ?? 0)
var unique: Set<Suit> = []
for s in hand {
    unique.insert(s)
}
print(unique.count, unique.contains(.clubs), unique.contains(.diamonds))
print(hand.contains(.spades), hand.firstIndex(of: .clubs)!)
print(Suit.hearts == Suit.hearts, Suit.hearts == .clubs, Suit.spades != .clubs)
let trump = Suit.clubs
let winners = hand.filter { $0 == trump || $0 == .spades }
print(winners)
