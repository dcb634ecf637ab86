//! The standard library: builtin functions and methods. [`Builtin`] names each one; semantic
//! analysis picks a builtin by name and receiver type (`sema/builtins.rs`), and the VM runs it
//! (`vm/builtins.rs`). Builtin tables live in the Stdlib subsystem.
#![forbid(unsafe_code)]

/// Every builtin function and method. A method's receiver is its first argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    // Output and input
    /// `print(items..., separator:, terminator:)`: args are (items as [String], separator, terminator).
    Print,
    /// `readLine()`
    ReadLine,
    // Conversions
    /// `String(describing: x)` / `"\(x)"` / `x.description`: the value described by its static type.
    Describe,
    /// `String(x)` for a Character
    CharToString,
    /// `Int(s)` -> Int?
    StringToInt,
    /// `Double(s)` -> Double?
    StringToDouble,
    /// `Int(d)` (traps when not representable)
    DoubleToInt,
    /// `Double(i)`
    IntToDouble,
    /// `String(repeating: s, count: n)` (s a String or Character)
    StringRepeating,
    /// `Array(seq)` (any sequence into an array)
    ArrayFromSeq,
    /// `String(chars)` (a sequence of Characters into a String)
    StringFromChars,
    /// `Set(seq)`
    SetFromSeq,
    /// `Array(repeating: x, count: n)`
    ArrayRepeating,
    // Math
    /// `abs(Int)`
    AbsInt,
    /// `abs(Double)`
    AbsDouble,
    /// `min(a, b, ...)` on Int
    MinInt,
    /// `max(a, b, ...)` on Int
    MaxInt,
    /// `min` on Double
    MinDouble,
    /// `max` on Double
    MaxDouble,
    /// `min` on String
    MinStr,
    /// `max` on String
    MaxStr,
    /// `sqrt`
    Sqrt,
    /// `pow`
    Pow,
    /// `sin`
    Sin,
    /// `cos`
    Cos,
    /// `tan`
    Tan,
    /// `floor`
    Floor,
    /// `ceil`
    Ceil,
    /// `round`
    Round,
    /// `exp`
    Exp,
    /// `log`
    Log,
    /// `log2`
    Log2,
    /// `log10`
    Log10,
    /// `atan2`
    Atan2,
    /// `Int.random(in: range)`
    IntRandom,
    /// `Double.random(in: range)`
    DoubleRandom,
    /// `Bool.random()`
    BoolRandom,
    // Traps
    /// `fatalError(msg)`
    FatalError,
    /// `precondition(cond, msg)`
    Precondition,
    /// `assert(cond, msg)`
    Assert,
    /// `swap(&a, &b)`
    Swap,
    // Sequences
    /// `stride(from:to:by:)` on Int
    StrideTo,
    /// `stride(from:through:by:)` on Int
    StrideThrough,
    /// `stride` on Double (to)
    StrideToDouble,
    /// `stride` on Double (through)
    StrideThroughDouble,
    /// `zip(a, b)`
    Zip,
    /// `repeatElement(x, count:)`
    RepeatElement,
    // Int and Double members
    /// `n.isMultiple(of: m)`
    IsMultiple,
    /// `d.squareRoot()`
    SquareRoot,
    // ARC
    /// Storing into a `weak`/`unowned` variable: the instance, held weakly.
    WeakRef,
    /// Reading a `weak` variable: the instance, or `nil` once it is gone.
    WeakLoad,
    /// Reading an `unowned` variable: the instance; traps once it is gone.
    UnownedLoad,
    /// `d.rounded()`
    Rounded,
    /// `d.truncatingRemainder(dividingBy:)`
    TruncatingRemainder,
    /// `d.isNaN`
    IsNaN,
    /// `d.isInfinite`
    IsInfinite,
    /// `n.signum()`
    Signum,
    // String members
    /// `s.count`
    StrCount,
    /// `s.isEmpty`
    StrIsEmpty,
    /// `s.hasPrefix(p)`
    StrHasPrefix,
    /// `s.hasSuffix(p)`
    StrHasSuffix,
    /// `s.contains(sub)` (String or Character)
    StrContains,
    /// `s.uppercased()`
    StrUppercased,
    /// `s.lowercased()`
    StrLowercased,
    /// `s.split(separator: c)` -> [String] (Swift: [Substring]; printed the same)
    StrSplit,
    /// `s.first` -> Character?
    StrFirst,
    /// `s.last` -> Character?
    StrLast,
    /// `s.append(x)` (mutating; String or Character)
    StrAppend,
    /// `s.reversed()` -> ReversedCollection<String>
    StrReversed,
    /// `s[s.index(...)]`-free character access is not Swift; `Array(s)` is used instead.
    StrChars,
    // Character members
    /// `c.isLetter`
    CharIsLetter,
    /// `c.isNumber`
    CharIsNumber,
    /// `c.isWhitespace`
    CharIsWhitespace,
    /// `c.isUppercase`
    CharIsUppercase,
    /// `c.isLowercase`
    CharIsLowercase,
    /// `c.isPunctuation`
    CharIsPunctuation,
    /// `c.wholeNumberValue` -> Int?
    CharWholeNumber,
    /// `c.asciiValue` -> Int? (Swift: UInt8?)
    CharAsciiValue,
    // Array members
    /// `a.count`
    ArrCount,
    /// `a.isEmpty`
    ArrIsEmpty,
    /// `a.first`
    ArrFirst,
    /// `a.last`
    ArrLast,
    /// `a[i]`
    ArrGet,
    /// `a[r]` (range of indices) -> `ArraySlice<T>` with the base's indices
    ArrSlice,
    /// `a.startIndex` (a slice's first index)
    ArrStartIndex,
    /// `a.endIndex`
    ArrEndIndex,
    /// `a.lastIndex(of: x)`
    ArrLastIndexOf,
    /// `a.lastIndex(where: f)`
    ArrLastIndexWhere,
    /// `a.prefix(k)` -> ArraySlice
    ArrPrefix,
    /// `a.suffix(k)` -> ArraySlice
    ArrSuffix,
    /// `a.dropFirst(k)` -> ArraySlice
    ArrDropFirst,
    /// `a.dropLast(k)` -> ArraySlice
    ArrDropLast,
    /// `s.filter(f)` on a slice: a new `ArraySlice` indexed from 0 (Swift's
    /// `RangeReplaceableCollection.filter` returns `Self`)
    SliceFilter,
    /// An `ArraySlice` literal: the array's elements as a slice indexed from 0
    SliceFromSeq,
    /// `a.append(x)`
    ArrAppend,
    /// `a.append(contentsOf: b)`
    ArrAppendContents,
    /// `a.insert(x, at: i)`
    ArrInsert,
    /// `a.remove(at: i)`
    ArrRemoveAt,
    /// `a.removeFirst()`
    ArrRemoveFirst,
    /// `a.removeLast()`
    ArrRemoveLast,
    /// `a.removeAll()`
    ArrRemoveAll,
    /// `a.popLast()`
    ArrPopLast,
    /// `a.contains(x)`
    ArrContains,
    /// `a.contains(where: f)`
    ArrContainsWhere,
    /// `a.firstIndex(of: x)`
    ArrFirstIndexOf,
    /// `a.firstIndex(where: f)`
    ArrFirstIndexWhere,
    /// `a.first(where: f)`
    ArrFirstWhere,
    /// `a.map(f)`
    ArrMap,
    /// `a.filter(f)`
    ArrFilter,
    /// `a.reduce(x, f)`
    ArrReduce,
    /// `a.compactMap(f)`
    ArrCompactMap,
    /// `a.flatMap(f)`
    ArrFlatMap,
    /// `a.forEach(f)`
    ArrForEach,
    /// `a.sorted()` (Int)
    ArrSorted,
    /// `a.sorted(by: f)`
    ArrSortedBy,
    /// `a.sort()`
    ArrSort,
    /// `a.sort(by: f)`
    ArrSortBy,
    /// `a.reversed()` -> ReversedCollection<[T]>
    ArrReversed,
    /// `a.enumerated()`
    ArrEnumerated,
    /// `a.indices` -> Range<Int>
    ArrIndices,
    /// `a.joined(separator:)` on [String]
    ArrJoined,
    /// `a.min()` -> T?
    ArrMin,
    /// `a.max()` -> T?
    ArrMax,
    /// `a.min(by: f)`
    ArrMinBy,
    /// `a.max(by: f)`
    ArrMaxBy,
    /// `a.allSatisfy(f)`
    ArrAllSatisfy,
    /// `a.swapAt(i, j)`
    ArrSwapAt,
    /// `a.shuffled()`
    ArrShuffled,
    // Dictionary members
    /// `d[k]` -> V?
    DictGet,
    /// `d[k, default: v]`
    DictGetDefault,
    /// `d.count`
    DictCount,
    /// `d.isEmpty`
    DictIsEmpty,
    /// `d.keys`
    DictKeys,
    /// `d.values`
    DictValues,
    /// `d.removeValue(forKey: k)` -> V?
    DictRemoveValue,
    /// `d.updateValue(v, forKey: k)` -> V?
    DictUpdateValue,
    /// `d.mapValues(f)`
    DictMapValues,
    /// `d.sorted(by: f)` -> [(key: K, value: V)]
    DictSortedBy,
    /// `d.filter(f)` -> [K: V]
    DictFilter,
    /// `d.map(f)` -> [T]
    DictMap,
    /// `d.contains(where:)`
    DictContainsWhere,
    // Set members
    /// `s.insert(x)` (result discarded: Swift returns a tuple)
    SetInsert,
    /// `s.remove(x)` -> T?
    SetRemove,
    /// `s.contains(x)`
    SetContains,
    /// `s.count`
    SetCount,
    /// `s.isEmpty`
    SetIsEmpty,
    /// `s.union(t)`
    SetUnion,
    /// `s.intersection(t)`
    SetIntersection,
    /// `s.subtracting(t)`
    SetSubtracting,
    /// `s.symmetricDifference(t)`
    SetSymmetricDifference,
    /// `s.isSubset(of:)`
    SetIsSubset,
    /// `s.isSuperset(of:)`
    SetIsSuperset,
    /// `s.isDisjoint(with:)`
    SetIsDisjoint,
    /// `s.sorted()`
    SetSorted,
    // Ranges
    /// `r.contains(x)`
    RangeContains,
    /// `r.count`
    RangeCount,
    /// `r.isEmpty`
    RangeIsEmpty,
    /// `r.lowerBound`
    RangeLower,
    /// `r.upperBound`
    RangeUpper,
    /// `r.map(f)` and other sequence operations on ranges go through `Array(r)` first.
    RangeToArray,
    // User types
    /// `E(rawValue: v)`: args (raw value, nominal index as Int) -> E?
    EnumFromRaw,
    /// `e.rawValue`: args (enum value, nominal index)
    EnumRawValue,
    /// `E.allCases`: args (nominal index)
    EnumAllCases,
    /// `x is C`: args (value, class index)
    IsInstance,
    /// `x as? C`: args (value, class index) -> C?
    CastOptional,
    /// `x as! C`: args (value, class index) -> C (traps)
    CastForced,
    // Memory
    /// `withMemoryTag(tag) { ... }`
    WithMemoryTag,
    /// `memoryStats()`
    MemoryStats,
}
