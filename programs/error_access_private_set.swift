// A private(set) property is read anywhere, written only inside its type.
struct Score {
    private(set) var points = 0
    private(set) var history: [Int] = []
    mutating func add(_ n: Int) {
        points += n
        history.append(n)
    }
}

class Player {
    private(set) var name = "anon"
    public private(set) var level = 1
}

func bump(_ value: inout Int) { value += 1 }

var score = Score()
score.add(5)
print(score.points, score.history)
score.points = 100
score.points += 1
score.history.append(3)
bump(&score.points)
let player = Player()
player.name = "Bob"
player.level += 1
