class L {
    lazy var v: Int = self.v + 1
}
print("start")
print(L().v)
