// Unknown attributes, and attribute arguments Swift does not accept.
@memoized
func a() {}

@inline
func b() {}

@inline(sometimes)
func c() {}

@frozen(true)
struct D {}

@inline(never) @inline(never)
func e() {}

func f(_ g: @bogus () -> Int) -> Int { g() }
