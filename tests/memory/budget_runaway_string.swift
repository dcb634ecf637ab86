// A string that doubles forever is stopped by the Objects budget: its bytes are Objects'.
var text = "swift"
var rounds = 0
while true {
    text += text
    rounds += 1
}
