// Nested enums and a nested struct inside a struct (after the Swift book's BlackjackCard).
struct BlackjackCard {
    enum Suit: String {
        case spades = "S", hearts = "H", diamonds = "D", clubs = "C"
    }

    enum Rank: Int {
        case two = 2, three, four, five, six, seven, eight, nine, ten
        case jack, queen, king, ace
        struct Values {
            let first: Int, second: Int?
        }
        var values: Values {
            switch self {
            case .ace:
                return Values(first: 1, second: 11)
            case .jack, .queen, .king:
                return Values(first: 10, second: nil)
            default:
                return Values(first: self.rawValue, second: nil)
            }
        }
    }

    let rank: Rank, suit: Suit
    var description: String {
        var output = "suit is \(suit.rawValue),"
        output += " value is \(rank.values.first)"
        if let second = rank.values.second {
            output += " or \(second)"
        }
        return output
    }
}

let theAceOfSpades = BlackjackCard(rank: .ace, suit: .spades)
print("theAceOfSpades: \(theAceOfSpades.description)")
let heartsSymbol = BlackjackCard.Suit.hearts.rawValue
print(heartsSymbol)
let queen = BlackjackCard(rank: .queen, suit: .diamonds)
print(queen.description)
print(BlackjackCard(rank: .seven, suit: .clubs).description)
print(BlackjackCard.Rank.jack.rawValue)
print(queen)
print(BlackjackCard.Rank.ace.values)
let suit: BlackjackCard.Suit? = BlackjackCard.Suit(rawValue: "C")
print(suit)
