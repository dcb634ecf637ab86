// The first program: greetings, arithmetic and interpolation.
let name = "World"
print("Hello, \(name)!")
let answer = 6 * 7
print("The answer is \(answer)")
