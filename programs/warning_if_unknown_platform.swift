// An unknown platform name is only a warning, and the condition is false.
#if os(Linux) || os(Solaris)
print("Linux")
#endif
#if arch(mips)
print("mips")
#endif
#if _endian(little)
print("little-endian")
#endif
