// CaseIterable: allCases lists every case in declaration order.
enum Beverage: CaseIterable {
    case coffee, tea, juice
}

let numberOfChoices = Beverage.allCases.count
print("\(numberOfChoices) beverages available")
for beverage in Beverage.allCases {
    print(beverage)
}
print(Beverage.allCases)

enum Weekday: Int, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday
}
print(Weekday.allCases.map { $0.rawValue })
print(Weekday.allCases.filter { $0.rawValue % 2 == 0 })
print(Weekday.allCases.last!)
print(Weekday.allCases.firstIndex(of: .wednesday)!)

enum Color: String, CaseIterable {
    case red, green, blue
}
print(Color.allCases.map { $0.rawValue }.joined(separator: "/"))
