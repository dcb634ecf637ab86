// An `if` used as a value needs an unconditional `else`.
let level = 3
let name = if level > 2 { "high" } else if level > 1 { "medium" }
print(name)
