//! Swift's text semantics, as pure functions: how `Double`s print, how strings print inside
//! collections (`debugDescription`), grapheme counting, canonical-equivalence comparison and
//! hashing, `Character` properties, case mapping, and `Int(String)` / `Double(String)`.
//!
//! Everything here is total: no input makes a function panic or index out of bounds. The
//! module owns no state and allocates only the `String`s it returns (from the global
//! allocator); callers copy results into whatever heap they manage. It depends on nothing
//! else in the interpreter, so it can be tested alone.
//!
//! Each function follows the Swift standard library's source, cited at the function:
//! `stdlib/public/runtime/SwiftDtoa.cpp` (float printing), `String.swift` and
//! `UnicodeScalar.swift` (`debugDescription` escaping), `CharacterProperties.swift`,
//! `IntegerParsing.swift`, `FloatingPointParsing.swift.gyb` and `stubs/Stubs.cpp`
//! (`Double(String)` = C `strtod` in the C locale). Unicode data comes from the
//! `unicode-segmentation` and `unicode-normalization` crates, Rust's `char` methods where
//! they implement the same Unicode property Swift reads, and three small tables at the end of
//! `unicode_tables.rs` (punctuation, titlecase, numeric values) generated from the Unicode Character
//! Database.

#![forbid(unsafe_code)]

mod case_mapping;
mod char_properties;
mod debug_description;
mod double_parse;
mod double_print;
mod graphemes;
mod int_parse;
#[cfg(test)]
mod tests;
mod unicode_tables;

pub use case_mapping::*;
pub use char_properties::*;
pub use debug_description::*;
pub use double_parse::*;
pub use double_print::*;
pub use graphemes::*;
pub use int_parse::*;
use unicode_tables::*;

use std::cmp::Ordering;
use std::hash::Hasher;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;
