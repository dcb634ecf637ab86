// A lazy property whose initializer reads the same property of a new instance recurses
// without end: a stack overflow trap.
class Chain {
    lazy var length: Int = Chain().length + 1
}

print("before")
print(Chain().length)
