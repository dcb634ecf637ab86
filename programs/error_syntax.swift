print("never printed")
let = 5
