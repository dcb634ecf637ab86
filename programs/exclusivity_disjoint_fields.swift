// Disjoint stored properties of a local struct may be passed inout together.
struct P { var x = 0; var y = 0 }
func add(_ a: inout Int, _ b: inout Int) { a += b }
func run() {
    var p = P()
    p.y = 2
    add(&p.x, &p.y)
    print(p.x)
    var a = 1, b = 2
    swap(&a, &b)
    print(a, b)
}
run()
