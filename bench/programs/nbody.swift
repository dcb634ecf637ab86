// nbody: the 5-body (Sun and the four gas giants) simulation of the benchmarks game.
// Exercises Double arithmetic, property reads and writes on class instances, array indexing.
// Energies are printed with 9 decimals by fmt (rounding half away from zero), the same
// text in the Lua and Python versions.
import Foundation

let n = 200000 // SIZE

final class Body {
    var x: Double
    var y: Double
    var z: Double
    var vx: Double
    var vy: Double
    var vz: Double
    var mass: Double

    init(x: Double, y: Double, z: Double, vx: Double, vy: Double, vz: Double, mass: Double) {
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass
    }
}

let pi = 3.141592653589793
let solarMass = 4.0 * pi * pi
let daysPerYear = 365.24

func makeBodies() -> [Body] {
    let sun = Body(x: 0.0, y: 0.0, z: 0.0, vx: 0.0, vy: 0.0, vz: 0.0, mass: solarMass)
    let jupiter = Body(
        x: 4.84143144246472090e+00,
        y: -1.16032004402742839e+00,
        z: -1.03622044471123109e-01,
        vx: 1.66007664274403694e-03 * daysPerYear,
        vy: 7.69901118419740425e-03 * daysPerYear,
        vz: -6.90460016972063023e-05 * daysPerYear,
        mass: 9.54791938424326609e-04 * solarMass)
    let saturn = Body(
        x: 8.34336671824457987e+00,
        y: 4.12479856412430479e+00,
        z: -4.03523417114321381e-01,
        vx: -2.76742510726862411e-03 * daysPerYear,
        vy: 4.99852801234917238e-03 * daysPerYear,
        vz: 2.30417297573763929e-05 * daysPerYear,
        mass: 2.85885980666130812e-04 * solarMass)
    let uranus = Body(
        x: 1.28943695621391310e+01,
        y: -1.51111514016986312e+01,
        z: -2.23307578892655734e-01,
        vx: 2.96460137564761618e-03 * daysPerYear,
        vy: 2.37847173959480950e-03 * daysPerYear,
        vz: -2.96589568540237556e-05 * daysPerYear,
        mass: 4.36624404335156298e-05 * solarMass)
    let neptune = Body(
        x: 1.53796971148509165e+01,
        y: -2.59193146099879641e+01,
        z: 1.79258772950371181e-01,
        vx: 2.68067772490389322e-03 * daysPerYear,
        vy: 1.62824170038242295e-03 * daysPerYear,
        vz: -9.51592254519715870e-05 * daysPerYear,
        mass: 5.15138902046611451e-05 * solarMass)
    return [sun, jupiter, saturn, uranus, neptune]
}

func offsetMomentum(_ bodies: [Body]) {
    var px = 0.0
    var py = 0.0
    var pz = 0.0
    for b in bodies {
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    }
    let sun = bodies[0]
    sun.vx = -px / solarMass
    sun.vy = -py / solarMass
    sun.vz = -pz / solarMass
}

func energy(_ bodies: [Body]) -> Double {
    var e = 0.0
    let count = bodies.count
    for i in 0..<count {
        let b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in (i + 1)..<count {
            let b2 = bodies[j]
            let dx = b.x - b2.x
            let dy = b.y - b2.y
            let dz = b.z - b2.z
            e -= (b.mass * b2.mass) / (dx * dx + dy * dy + dz * dz).squareRoot()
        }
    }
    return e
}

func advance(_ bodies: [Body], _ dt: Double) {
    let count = bodies.count
    for i in 0..<count {
        let bi = bodies[i]
        for j in (i + 1)..<count {
            let bj = bodies[j]
            let dx = bi.x - bj.x
            let dy = bi.y - bj.y
            let dz = bi.z - bj.z
            let dSquared = dx * dx + dy * dy + dz * dz
            let mag = dt / (dSquared * dSquared.squareRoot())
            bi.vx -= dx * bj.mass * mag
            bi.vy -= dy * bj.mass * mag
            bi.vz -= dz * bj.mass * mag
            bj.vx += dx * bi.mass * mag
            bj.vy += dy * bi.mass * mag
            bj.vz += dz * bi.mass * mag
        }
    }
    for b in bodies {
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz
    }
}

func fmt(_ value: Double, _ places: Int) -> String {
    var scale = 1
    for _ in 0..<places {
        scale *= 10
    }
    let q = Int(floor(abs(value) * Double(scale) + 0.5))
    var frac = String(q % scale)
    while frac.count < places {
        frac = "0" + frac
    }
    let sign = value < 0 && q != 0 ? "-" : ""
    return sign + String(q / scale) + "." + frac
}

func run(_ steps: Int) {
    let bodies = makeBodies()
    offsetMomentum(bodies)
    print(fmt(energy(bodies), 9))
    for _ in 0..<steps {
        advance(bodies, 0.01)
    }
    print(fmt(energy(bodies), 9))
}

run(n)
