func f() -> Int { fatalError("x") }
func g() -> Int {
    return 1
    print("never")
}
let x: Int?? = 1
func usesLater() -> Int { return laterGlobal + 1 }
var laterGlobal = 41
class O { var o: Int? = 1 }
let c = O()
c.o! += 1
print(g(), x as Any, usesLater(), c.o!)
