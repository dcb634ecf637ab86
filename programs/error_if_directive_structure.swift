// Directives on their own lines, in order, and each clause balanced.
#if DEBUG
print("debug")
#else
print("release")
#else
print("again")
#endif print("extra")

#if DEBUG
#else if os(Linux)
#endif

func f() {
#if os(Linux)
}
#endif
}

#endif
