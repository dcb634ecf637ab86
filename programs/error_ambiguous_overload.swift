func g(_ x: Int, _ y: Double) { print("Int, Double") }
func g(_ x: Double, _ y: Int) { print("Double, Int") }
g(1, 2)
