// Protocols are Tier 2: SwiftLang rejects them by name at compile time.
protocol Shape {
    func area() -> Double
}
print("not reached")
