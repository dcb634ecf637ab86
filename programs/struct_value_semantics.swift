// Structs are values: assignment, passing and storing in arrays copy them.
struct Resolution {
    var width = 0
    var height = 0
}

let hd = Resolution(width: 1920, height: 1080)
var cinema = hd
cinema.width = 2048
print(cinema.width, hd.width)
func widen(_ r: Resolution) -> Resolution {
    var copy = r
    copy.width *= 2
    return copy
}
let wide = widen(hd)
print(wide.width, hd.width)
var list = [hd, cinema]
list[0].height = 720
print(list[0].height, hd.height)
var other = list
other[1].width = 1
print(list[1].width, other[1].width)

struct Team {
    var name: String
    var scores: [Int]
}
let t1 = Team(name: "red", scores: [1, 2])
var t2 = t1
t2.scores.append(3)
t2.name += "!"
print(t1.name, t1.scores, t2.name, t2.scores)
let frozen = t2
t2.scores.removeAll()
print(frozen.scores.count, t2.scores.count)
