// while and repeat-while loops.
var n = 1
while n < 100 {
    n *= 3
}
print(n)
var countdown = 3
while countdown > 0 {
    print(countdown)
    countdown -= 1
}
print("liftoff")
var x = 10
repeat {
    x += 1
} while x < 5
print(x)
var digits: [Int] = []
var m = 9042
repeat {
    digits.append(m % 10)
    m /= 10
} while m > 0
print(digits)
var collatz = 27
var steps = 0
while collatz != 1 {
    collatz = collatz % 2 == 0 ? collatz / 2 : 3 * collatz + 1
    steps += 1
}
print(steps)
var stack = [1, 2, 3]
while !stack.isEmpty {
    let top = stack.removeLast()
    print("pop", top)
}
var never = 0
while never > 0 {
    never -= 1
}
print(never)
