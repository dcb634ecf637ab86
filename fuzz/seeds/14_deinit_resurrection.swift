var keep: [Z] = []
class Z {
    var n = 5
    deinit { keep.append(self) }
}
var z: Z? = Z()
z = nil
print(keep.count)
