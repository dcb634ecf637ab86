// A `#if` block must end with `#endif`.
#if os(Linux)
print("Linux")
#else
print("other")
