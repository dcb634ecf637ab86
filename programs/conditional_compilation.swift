// `#if` / `#elseif` / `#else` / `#endif` as `swift script.swift` evaluates them: no custom
// flag is defined, the host is Linux, the language version is 5.10.

#if DEBUG
print("debug build")
#else
print("no DEBUG flag")
#endif

#if !DEBUG && os(Linux)
print("Linux, not DEBUG")
#endif

#if os(macOS) || os(iOS)
print("Apple platform")
#elseif os(Windows)
print("Windows")
#elseif os(Linux)
print("Linux")
#else
print("elsewhere")
#endif

#if arch(x86_64) || arch(arm64)
print("64-bit host")
#endif

#if swift(>=5.9)
print("swift >= 5.9")
#endif
#if swift(>=5.10.0) && !swift(>=6)
print("swift 5.10")
#endif
#if swift(<5)
print("swift 4")
#endif
#if compiler(>=5.9)
print("compiler >= 5.9")
#endif

#if canImport(Foundation) && canImport(Glibc) && canImport(Swift)
print("Foundation, Glibc and Swift can be imported")
#endif
#if canImport(UIKit) || canImport(Darwin)
print("UIKit or Darwin")
#endif
#if targetEnvironment(simulator)
print("simulator")
#endif

// Operators: `&&` binds tighter than `||`; parentheses and `!` group.
#if true || false && false
print("|| after &&")
#endif
#if (true || false) && false
print("wrong grouping")
#else
print("parentheses group")
#endif
#if !(FEATURE_A || FEATURE_B)
print("neither flag")
#endif

// Nested blocks: an inactive outer clause makes everything inside it inactive.
#if os(Linux)
  #if DEBUG
  print("nested: debug")
  #elseif true
  print("nested: elseif true")
  #endif
#else
  #if true
  print("never: outer clause inactive")
  #endif
#endif

// Inactive clauses are not type-checked: code outside the subset may sit there.
#if canImport(UIKit)
import UIKit
protocol Drawable { func draw() }
extension Int: Drawable { func draw() {} }
func generic<T: Drawable>(_ x: T) throws -> some Drawable { x }
let x = undefinedName ** 2
#endif

// Declarations in type bodies.
struct Config {
    var name = "default"
    #if DEBUG
    var verbose = true
    #else
    var verbose = false
    #endif

    #if os(Linux)
    func platform() -> String { "Linux" }
    #else
    func platform() -> String { "other" }
    #endif
}
let config = Config()
print(config.name, config.verbose, config.platform())

enum Level {
    case low
    #if os(Linux)
    case linuxOnly
    #endif
    case high
}
print(Level.linuxOnly, Level.high)

// Statements in function bodies.
func describe(_ n: Int) -> String {
    #if DEBUG
    return "debug \(n)"
    #else
    var parts: [String] = []
    for i in 0..<n {
        #if os(Linux)
        parts.append("L\(i)")
        #else
        parts.append("O\(i)")
        #endif
    }
    return parts.joined(separator: ",")
    #endif
}
print(describe(3))

// Cases of a switch.
func classify(_ n: Int) -> String {
    switch n {
    case 0:
        return "zero"
    #if os(Linux)
    case 1:
        return "one (Linux)"
    #else
    case 1:
        return "one"
    #endif
    default:
        return "many"
    }
}
print(classify(0), classify(1), classify(2))

// A postfix member chain continued in a clause.
let numbers = [3, 1, 2]
let arranged = numbers
#if os(Linux)
    .sorted()
#else
    .reversed()
#endif
print(arranged)

// The directives may be indented and carry comments.
    #if DEBUG // a comment
    print("never")
    #else /* another */
    print("indented directives")
    #endif // done
