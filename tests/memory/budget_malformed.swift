// An allocation past the Objects budget ends the script with Swift's fatal-error shape and
// exit status 70; the statistics report asked for is still printed.
class Particle {
    var x = 0.0
    var y = 0.0
}

var particles: [Particle] = []
for i in 0..<100_000 {
    particles.append(Particle())
    if i % 10_000 == 0 {
        print("allocated \(i)")
    }
}
print("never reached")
