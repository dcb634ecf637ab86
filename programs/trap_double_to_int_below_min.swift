// A Double below Int.min does not convert to Int.
print(Int(-9.2e18))
print(Int(-1e19))
