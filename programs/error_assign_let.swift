let limit = 5
print(limit)
limit = 6
