// Run with --mem-stats=json.
print("Hello, world!")
