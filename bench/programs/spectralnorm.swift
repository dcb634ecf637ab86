// spectralnorm: the benchmarks game's spectral norm of the infinite matrix A, n = 300.
// Exercises arrays of Double (read, and written through inout), nested loops, small function
// calls. The result is printed with 9 decimals by fmt, the same text in Lua and Python.
import Foundation

let n = 300 // SIZE

func evalA(_ i: Int, _ j: Int) -> Double {
    return 1.0 / Double((i + j) * (i + j + 1) / 2 + i + 1)
}

func multiplyAv(_ v: [Double], _ av: inout [Double]) {
    let count = v.count
    for i in 0..<count {
        var sum = 0.0
        for j in 0..<count {
            sum += evalA(i, j) * v[j]
        }
        av[i] = sum
    }
}

func multiplyAtv(_ v: [Double], _ atv: inout [Double]) {
    let count = v.count
    for i in 0..<count {
        var sum = 0.0
        for j in 0..<count {
            sum += evalA(j, i) * v[j]
        }
        atv[i] = sum
    }
}

func multiplyAtAv(_ v: [Double], _ out: inout [Double], _ tmp: inout [Double]) {
    multiplyAv(v, &tmp)
    multiplyAtv(tmp, &out)
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

func run(_ size: Int) {
    var u = Array(repeating: 1.0, count: size)
    var v = Array(repeating: 0.0, count: size)
    var tmp = Array(repeating: 0.0, count: size)
    for _ in 0..<10 {
        multiplyAtAv(u, &v, &tmp)
        multiplyAtAv(v, &u, &tmp)
    }
    var vBv = 0.0
    var vv = 0.0
    for i in 0..<size {
        vBv += u[i] * v[i]
        vv += v[i] * v[i]
    }
    print(fmt((vBv / vv).squareRoot(), 9))
}

run(n)
