// Raw string delimiters must match: escapes take exactly the opening's `#`s.
let a = #"\##n"#
let b = #"abc"##
let c = ##"abc"#
