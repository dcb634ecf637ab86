// Conditions take `&&`, `||`, `!`, parentheses, flags and platform conditions only.
#if DEBUG == RELEASE
#endif
#if -DEBUG
#endif
#if 1
#endif
#if 42
#endif
#if platform(Linux)
#endif
#if swift(5.9)
#endif
#if os("Linux")
#endif
#if os(Linux, macOS)
#endif
#if canImport("Foundation")
#endif
#if DEBUG &&
#endif
#if
#endif
#if swift(>=5.x)
#endif
