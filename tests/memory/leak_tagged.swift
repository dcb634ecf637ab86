// Allocations made inside withMemoryTag carry the tag, in the tag table and in leak lines;
// the innermost tag wins, and withMemoryTag returns the closure's value.
class Player {
    let name: String
    var team: Team?
    init(name: String) { self.name = name }
}

class Team {
    var players: [Player] = []
}

let count = withMemoryTag("game-state") { () -> Int in
    let team = Team()
    let p = Player(name: "Ada")
    p.team = team
    withMemoryTag("roster") {
        team.players.append(p)
    }
    return team.players.count
}
print(count)
