// Property observers on struct properties, static stored properties, and observers fired by inout (the book's AudioChannel).
struct AudioChannel {
    static let thresholdLevel = 10
    static var maxInputLevelForAllChannels = 0
    var currentLevel: Int = 0 {
        didSet {
            if currentLevel > AudioChannel.thresholdLevel {
                currentLevel = AudioChannel.thresholdLevel
            }
            if currentLevel > AudioChannel.maxInputLevelForAllChannels {
                AudioChannel.maxInputLevelForAllChannels = currentLevel
            }
        }
    }
}
var leftChannel = AudioChannel()
var rightChannel = AudioChannel()
leftChannel.currentLevel = 7
print(leftChannel.currentLevel)
print(AudioChannel.maxInputLevelForAllChannels)
rightChannel.currentLevel = 11
print(rightChannel.currentLevel)
print(AudioChannel.maxInputLevelForAllChannels)

struct Score {
    var points = 0 {
        willSet {
            print("points will be \(newValue)")
        }
        didSet {
            print("points was \(oldValue), now \(points)")
        }
    }
}
var s = Score()
s.points += 5
s.points = 2
var copy = s
copy.points = 9
print(s.points, copy.points)
func double(_ n: inout Int) {
    n *= 2
}
double(&s.points)
print(s.points)
