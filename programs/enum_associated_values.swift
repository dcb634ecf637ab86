// Associated values: construction, switch with let bindings and where guards, printing.
enum Barcode {
    case upc(Int, Int, Int, Int)
    case qrCode(String)
}

var productBarcode = Barcode.upc(8, 85909, 51226, 3)
print(productBarcode)
func describe(_ code: Barcode) {
    switch code {
    case .upc(let numberSystem, let manufacturer, let product, let check):
        print("UPC: \(numberSystem), \(manufacturer), \(product), \(check).")
    case let .qrCode(productCode):
        print("QR code: \(productCode).")
    }
}
describe(productBarcode)
productBarcode = .qrCode("ABCDEFGHIJKLMNOP")
describe(productBarcode)
print(productBarcode)

enum Shape {
    case circle(radius: Double)
    case rectangle(width: Double, height: Double)
    case point
}

func area(_ s: Shape) -> Double {
    switch s {
    case .circle(let r):
        return 3.0 * r * r
    case let .rectangle(w, h):
        return w * h
    case .point:
        return 0.0
    }
}
let shapes: [Shape] = [.circle(radius: 2.0), .rectangle(width: 3.0, height: 4.5), .point]
for s in shapes {
    print(s, area(s))
}
func classify(_ s: Shape) -> String {
    switch s {
    case .rectangle(let w, let h) where w == h:
        return "square of side \(w)"
    case .rectangle:
        return "rectangle"
    case .circle(radius: let r) where r > 10.0:
        return "big circle"
    default:
        return "other"
    }
}
print(classify(.rectangle(width: 2.0, height: 2.0)))
print(classify(.rectangle(width: 2.0, height: 5.0)))
print(classify(.circle(radius: 11.0)))
print(classify(.circle(radius: 1.0)))
