// Run with --mem-debug: identical cycles are grouped in the report.
class A { var b: B? }
class B { var a: A? }
for _ in 0..<5000 { let a = A(); let b = B(); a.b = b; b.a = a }
print("leaked")
