import Foundation

// Foundation's math functions (they need `import Foundation`, as in Swift).
print(sqrt(16.0))
print(sqrt(2.0))
print(pow(2.0, 10.0))
print(sin(0.0), cos(0.0))
print(floor(2.7), ceil(2.1))
print(floor(-2.5), ceil(-2.5))
print(exp(0.0), log(1.0))
print(sin(Double.pi / 2))
print(cos(Double.pi))
let x: Double = 9
print(sqrt(x) + pow(x, 2))
print(floor(7.0 / 2))
let hyp = sqrt(3.0 * 3.0 + 4.0 * 4.0)
print(hyp)
print(Int(floor(9.99)))
print(pow(10.0, 3.0))
print(exp(1.0))
print(floor(5.0), ceil(5.0))
