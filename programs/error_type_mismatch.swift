print("never printed: the program does not compile")
let x: Int = "a"
print(x)
