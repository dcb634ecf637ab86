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
//! this file (punctuation, titlecase, numeric values) generated from the Unicode Character
//! Database.

#![forbid(unsafe_code)]

use std::cmp::Ordering;
use std::hash::Hasher;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

// ---------------------------------------------------------------------------------------------
// Double printing
// ---------------------------------------------------------------------------------------------

/// The text `print(x)`, `"\(x)"`, `String(describing: x)` and `x.debugDescription` produce for
/// a `Double`: exactly what the Swift runtime's `swift_dtoa_optimal_double` writes
/// (`SwiftDtoa.cpp`; `Double.write(to:)` and `debugDescription` both call it).
///
/// - The digits are the shortest that round-trip, the closest such to `x`.
/// - Exponential form (`1e-05`, `1.5e+300`) exactly when the decimal exponent is below -4
///   (`|x| < 0.0001` once rounded to those digits) or `|x| > 2^53`; `2^53` itself prints
///   `9007199254740992.0`, `2^53 + 2` prints `9.007199254740994e+15`. The mantissa has a `.`
///   only when it has more than one digit; the exponent always has a sign and at least two
///   digits.
/// - Otherwise positional, always with a fractional part: `1.0`, `100.0`, `0.0001`,
///   `1000000000000000.0`.
/// - `0.0`, `-0.0`, `inf`, `-inf`; NaN prints its sign, `s` when signaling and a non-zero
///   payload in hex: `nan`, `-nan` (`-Double.nan`, and what x86 produces for `0.0 / 0.0`),
///   `snan`, `nan(0x1)`. [`double_description`] is the `description` form, which prints every
///   NaN as `nan`.
pub fn format_double(x: f64) -> String {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    if x.is_nan() {
        // SwiftDtoa's nan_details: quiet bit 51, payload = the low 50 bits.
        let quiet = (bits >> 51) & 1 == 1;
        let payload = bits & ((1u64 << 50) - 1);
        let mut out = String::with_capacity(24);
        if negative {
            out.push('-');
        }
        if !quiet {
            out.push('s');
        }
        out.push_str("nan");
        if payload != 0 {
            out.push_str("(0x");
            out.push_str(&format!("{payload:x}"));
            out.push(')');
        }
        return out;
    }
    if x.is_infinite() {
        return if negative { "-inf" } else { "inf" }.to_string();
    }
    if x == 0.0 {
        return if negative { "-0.0" } else { "0.0" }.to_string();
    }
    let magnitude = x.abs();
    let (digits, exponent) = shortest_digits(magnitude);
    // SwiftDtoa: `forceExponential = binaryExponent > 54 || (binaryExponent == 54 &&
    // !isBoundary)`, i.e. every finite value whose magnitude exceeds 2^53.
    let force_exponential = magnitude > 9_007_199_254_740_992.0;
    layout_decimal(negative, &digits, exponent, force_exponential)
}

/// `Double.description` (what `String(x)` returns): [`format_double`], except that every NaN
/// is `nan` (`FloatingPointTypes.swift.gyb`: `if isNaN { return "nan" }`).
pub fn double_description(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else {
        format_double(x)
    }
}

/// The shortest round-tripping decimal digits of a finite, non-zero, positive `x` and its
/// scientific exponent: `x ≈ d.ddd × 10^exponent`. Rust's `{:e}` produces the same digits as
/// SwiftDtoa: shortest, and among the shortest the closest to `x` (an exact tie between two
/// shortest candidates cannot happen for binary64).
fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let text = format!("{x:e}");
    let (mantissa, exponent) = match text.split_once('e') {
        Some(parts) => parts,
        None => (text.as_str(), "0"),
    };
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if digits.is_empty() {
        digits.push(b'0');
    }
    (digits, exponent.parse().unwrap_or(0))
}

/// SwiftDtoa's `finishFormatting`: place the decimal point in `digits` (scientific exponent
/// `exponent`).
fn layout_decimal(negative: bool, digits: &[u8], exponent: i32, force_exponential: bool) -> String {
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let count = digits.len() as i64;
    let exponent = i64::from(exponent);
    if exponent < -4 || force_exponential {
        // "1.23456e78", or "1e78" for a single digit.
        if let Some((first, rest)) = digits.split_first() {
            out.push(char::from(*first));
            if !rest.is_empty() {
                out.push('.');
                push_ascii(&mut out, rest);
            }
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    } else if exponent < 0 {
        // "0.00123456"
        out.push_str("0.");
        for _ in 0..(-exponent - 1) {
            out.push('0');
        }
        push_ascii(&mut out, digits);
    } else if exponent + 1 < count {
        // "123.456"
        let (integer, fraction) = digits.split_at((exponent + 1) as usize);
        push_ascii(&mut out, integer);
        out.push('.');
        push_ascii(&mut out, fraction);
    } else {
        // "12345600.0"
        push_ascii(&mut out, digits);
        for _ in 0..(exponent + 1 - count) {
            out.push('0');
        }
        out.push_str(".0");
    }
    out
}

fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&b| char::from(b)));
}

// ---------------------------------------------------------------------------------------------
// debugDescription
// ---------------------------------------------------------------------------------------------

/// `String.debugDescription`, which Swift uses for strings inside collections, optionals,
/// tuples and enum payloads: the text in double quotes, each scalar escaped as
/// `Unicode.Scalar.escaped(asASCII: false)` does (`\\`, `\'`, `\"`, `\0`, `\n`, `\r`, `\t`,
/// other ASCII controls as `\u{1B}`, `\u{7F}`; printable ASCII and all non-ASCII scalars as
/// themselves).
///
/// Since Swift 5.9 (swiftlang/swift#63048, `String.swift`) a scalar that would otherwise fuse
/// into the grapheme of the opening quote or of a preceding escape (a combining mark, ZWJ,
/// spacing mark at the start or right after an escape) is written as `\u{0301}` (4 hex
/// digits, 8 above U+FFFF), as is a trailing scalar that would fuse with the closing quote (a
/// Prepend character such as U+0600).
pub fn debug_quote(s: &str) -> String {
    let mut result = String::with_capacity(s.len() + 2);
    result.push('"');
    let mut want_break = true;
    for scalar in s.chars() {
        if push_escaped(&mut result, scalar, false) {
            want_break = true;
        } else if want_break && !breaks_after_ascii(scalar) {
            push_escaped_ascii(&mut result, scalar);
            want_break = true;
        } else {
            result.push(scalar);
            want_break = false;
        }
    }
    close_quote(&mut result);
    result
}

/// `Character.debugDescription` (`Character.swift`: `_str.debugDescription`), e.g. `"a"` for
/// the element of `["a" as Character]`: the same as [`debug_quote`] of the grapheme's text.
pub fn debug_quote_char(c: &str) -> String {
    debug_quote(c)
}

/// Appends `"` and, while it would not start a grapheme of its own, moves the scalar before
/// it into the escaped suffix instead (the closing loop of `String.debugDescription`).
fn close_quote(result: &mut String) {
    let mut suffix: Vec<char> = vec!['"'];
    while !result.is_empty() {
        let first = suffix.first().copied().unwrap_or('"');
        let before = result.len();
        result.push(first);
        let last_start = result
            .grapheme_indices(true)
            .next_back()
            .map_or(before, |(i, _)| i);
        if last_start >= before {
            result.extend(suffix.iter().skip(1));
            return;
        }
        result.truncate(before);
        let Some(last) = result.pop() else { break };
        let mut escaped = String::new();
        push_escaped_ascii(&mut escaped, last);
        let mut longer: Vec<char> = escaped.chars().collect();
        longer.extend(suffix);
        suffix = longer;
    }
    result.extend(suffix);
}

/// Whether a grapheme boundary separates a printable ASCII scalar (the last one written when
/// `want_break` holds) from `scalar`: false only for Extend, ZWJ and SpacingMark scalars.
fn breaks_after_ascii(scalar: char) -> bool {
    let mut pair = String::with_capacity(5);
    pair.push('a');
    pair.push(scalar);
    pair.graphemes(true).nth(1).is_some()
}

/// `Unicode.Scalar._escaped(asASCII:)`: appends the escape and returns true, or returns false
/// when the scalar is written as itself.
fn push_escaped(out: &mut String, scalar: char, force_ascii: bool) -> bool {
    let value = u32::from(scalar);
    match scalar {
        '\\' => out.push_str("\\\\"),
        '\'' => out.push_str("\\'"),
        '"' => out.push_str("\\\""),
        ' '..='~' => return false,
        '\0' => out.push_str("\\0"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ if value < 0x80 => push_unicode_escape(out, value, 2),
        _ if !force_ascii => return false,
        _ if value <= 0xFFFF => push_unicode_escape(out, value, 4),
        _ => push_unicode_escape(out, value, 8),
    }
    true
}

/// `Unicode.Scalar.escaped(asASCII: true)`.
fn push_escaped_ascii(out: &mut String, scalar: char) {
    if !push_escaped(out, scalar, true) {
        out.push(scalar);
    }
}

/// `\u{` + `digits` uppercase hex digits of `value` + `}`.
fn push_unicode_escape(out: &mut String, value: u32, digits: u32) {
    out.push_str("\\u{");
    for i in (0..digits).rev() {
        let nibble = (value >> (4 * i)) & 0xF;
        out.push(char::from_digit(nibble, 16).map_or('0', |c| c.to_ascii_uppercase()));
    }
    out.push('}');
}

// ---------------------------------------------------------------------------------------------
// Graphemes, equality, ordering, hashing
// ---------------------------------------------------------------------------------------------

/// `String.count`: the number of extended grapheme clusters (`Character`s). `"\r\n"` is one,
/// `"🇺🇸🇫🇷"` two, `"👨‍👩‍👧"` one, `"cafe\u{301}"` four.
pub fn grapheme_count(s: &str) -> usize {
    if s.is_ascii() {
        // In ASCII only CR LF forms a multi-scalar grapheme.
        let pairs = s.as_bytes().windows(2).filter(|w| w == b"\r\n").count();
        s.len() - pairs
    } else {
        s.graphemes(true).count()
    }
}

/// The first `Character` of `s`. Text that starts with two ASCII bytes needs no
/// segmentation: between ASCII characters there is always a boundary, except inside CR LF.
pub fn first_grapheme(s: &str) -> Option<&str> {
    match s.as_bytes() {
        [] => None,
        [c] if c.is_ascii() => s.get(..1),
        [c, next, ..] if c.is_ascii() && next.is_ascii() && !(*c == b'\r' && *next == b'\n') => {
            s.get(..1)
        }
        _ => s.graphemes(true).next(),
    }
}

/// The `Character`s of `s` (extended grapheme clusters), front to back; iterate with
/// `.rev()` for `reversed()`.
pub fn graphemes(s: &str) -> impl DoubleEndedIterator<Item = &str> + Clone + '_ {
    s.graphemes(true)
}

/// Swift's `==` on `String` and `Character`: canonical equivalence, i.e. equal NFC forms.
/// `"caf\u{E9}" == "cafe\u{301}"`.
pub fn swift_eq(a: &str, b: &str) -> bool {
    if a.as_bytes() == b.as_bytes() {
        return true;
    }
    if (a.is_ascii() && b.is_ascii()) || (is_known_nfc(a) && is_known_nfc(b)) {
        return false;
    }
    a.nfc().eq(b.nfc())
}

/// Swift's `<` on `String` and `Character`: the NFC forms compared lexicographically by
/// Unicode scalar value (`StringComparison.swift`). So `"Z" < "a"`, `"e\u{301}" == "é"`, and
/// `"é" > "f"`.
pub fn swift_cmp(a: &str, b: &str) -> Ordering {
    if (a.is_ascii() && b.is_ascii()) || (is_known_nfc(a) && is_known_nfc(b)) {
        // UTF-8 byte order is scalar order.
        return a.as_bytes().cmp(b.as_bytes());
    }
    a.nfc().cmp(b.nfc())
}

/// Feeds `h` a hash of `s` consistent with [`swift_eq`]: the UTF-8 of its NFC form, then a
/// `0xFF` terminator (a byte UTF-8 never contains) so that adjacent strings in a tuple or
/// collection do not run together.
pub fn swift_hash<H: Hasher>(s: &str, h: &mut H) {
    if s.is_ascii() || is_known_nfc(s) {
        h.write(s.as_bytes());
    } else {
        let normalized: String = s.nfc().collect();
        h.write(normalized.as_bytes());
    }
    h.write_u8(0xFF);
}

fn is_known_nfc(s: &str) -> bool {
    is_nfc_quick(s.chars()) == IsNormalized::Yes
}

// ---------------------------------------------------------------------------------------------
// Character properties (CharacterProperties.swift). Each takes the text of one Character.
// ---------------------------------------------------------------------------------------------

fn first_scalar(c: &str) -> Option<char> {
    c.chars().next()
}

fn single_scalar(c: &str) -> Option<char> {
    let mut scalars = c.chars();
    let first = scalars.next()?;
    match scalars.next() {
        None => Some(first),
        Some(_) => None,
    }
}

/// `Character.isLetter`: the first scalar has the Unicode Alphabetic property (so `"é"`
/// decomposed is a letter, and so are `"日"` and `"ᚨ"`).
pub fn char_is_letter(c: &str) -> bool {
    first_scalar(c).is_some_and(char::is_alphabetic)
}

/// `Character.isNumber`: the first scalar has a Numeric_Type (digits, `"⅚"`, `"Ⅻ"`, `"㊈"`,
/// and CJK ideographs with numeric values such as `"万"`).
pub fn char_is_number(c: &str) -> bool {
    first_scalar(c).is_some_and(|s| numeric_entry(s).is_some() || s.is_numeric())
}

/// `Character.wholeNumberValue`: the integral Numeric_Value of a single-scalar character
/// (`"4"` → 4, `"④"` → 4, `"万"` → 10000, `"½"` → `nil`, `"a"` → `nil`).
pub fn char_whole_number_value(c: &str) -> Option<i64> {
    numeric_entry(single_scalar(c)?)?
}

/// `Character.isWholeNumber`.
pub fn char_is_whole_number(c: &str) -> bool {
    char_whole_number_value(c).is_some()
}

/// `Character.hexDigitValue`: `0-9`, `a-f`, `A-F` and their fullwidth forms, single scalar
/// only.
pub fn char_hex_digit_value(c: &str) -> Option<i64> {
    let value = u32::from(single_scalar(c)?);
    let digit = match value {
        0x30..=0x39 => value - 0x30,
        0x41..=0x46 => value - 0x41 + 10,
        0x61..=0x66 => value - 0x61 + 10,
        0xFF10..=0xFF19 => value - 0xFF10,
        0xFF21..=0xFF26 => value - 0xFF21 + 10,
        0xFF41..=0xFF46 => value - 0xFF41 + 10,
        _ => return None,
    };
    Some(i64::from(digit))
}

/// `Character.isHexDigit`.
pub fn char_is_hex_digit(c: &str) -> bool {
    char_hex_digit_value(c).is_some()
}

/// `Character.isWhitespace`: the first scalar has the White_Space property (`" "`, `"\t"`,
/// `"\n"`, `"\r\n"`, U+00A0, U+2029, U+3000, ...).
pub fn char_is_whitespace(c: &str) -> bool {
    first_scalar(c).is_some_and(char::is_whitespace)
}

/// `Character.isNewline`: the first scalar is LF, VT, FF, CR, NEL, U+2028 or U+2029.
pub fn char_is_newline(c: &str) -> bool {
    first_scalar(c).is_some_and(|s| matches!(u32::from(s), 0x0A..=0x0D | 0x85 | 0x2028 | 0x2029))
}

/// `Character.asciiValue`: `"\r\n"` is 10, a single scalar below 0x80 is itself, anything
/// else `nil`.
pub fn char_ascii_value(c: &str) -> Option<u8> {
    if c == "\r\n" {
        return Some(b'\n');
    }
    let scalar = single_scalar(c)?;
    u8::try_from(u32::from(scalar)).ok().filter(u8::is_ascii)
}

/// `Character.isASCII`.
pub fn char_is_ascii(c: &str) -> bool {
    char_ascii_value(c).is_some()
}

/// `Character.isPunctuation`: the first scalar's General_Category is P* (`"!"`, `"؟"`,
/// `"…"`, `"—"`, `"“"`; not `"$"` or `"+"`, which are symbols).
pub fn char_is_punctuation(c: &str) -> bool {
    first_scalar(c).is_some_and(|s| in_ranges(PUNCTUATION, u32::from(s)))
}

/// `Character.uppercased()`: a `String`, since case mapping can lengthen (`"ß"` → `"SS"`).
pub fn char_uppercased(c: &str) -> String {
    swift_uppercased(c)
}

/// `Character.lowercased()`.
pub fn char_lowercased(c: &str) -> String {
    swift_lowercased(c)
}

/// `Character.isCased`: a single scalar with the Cased property, or a character that some
/// case conversion changes.
pub fn char_is_cased(c: &str) -> bool {
    if single_scalar(c).is_some_and(scalar_is_cased) {
        return true;
    }
    !is_uppercased(c) || !is_lowercased(c)
}

/// `Character.isUppercase`: a single scalar with the Uppercase property, or a cased character
/// that uppercasing leaves unchanged (`"É"` decomposed, `"И"`, `"Π"`).
pub fn char_is_uppercase(c: &str) -> bool {
    if single_scalar(c).is_some_and(char::is_uppercase) {
        return true;
    }
    is_uppercased(c) && char_is_cased(c)
}

/// `Character.isLowercase`: a single scalar with the Lowercase property, or a cased character
/// that lowercasing leaves unchanged.
pub fn char_is_lowercase(c: &str) -> bool {
    if single_scalar(c).is_some_and(char::is_lowercase) {
        return true;
    }
    is_lowercased(c) && char_is_cased(c)
}

fn is_uppercased(c: &str) -> bool {
    swift_eq(c, &swift_uppercased(c))
}

fn is_lowercased(c: &str) -> bool {
    swift_eq(c, &swift_lowercased(c))
}

/// Unicode's Cased property: Lowercase or Uppercase or General_Category Lt.
fn scalar_is_cased(s: char) -> bool {
    s.is_lowercase() || s.is_uppercase() || in_ranges(TITLECASE, u32::from(s))
}

// ---------------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------------

/// `String.uppercased()`: each scalar's full uppercase mapping (SpecialCasing's unconditional
/// mappings: `"ß"` → `"SS"`, `"ŉ"` → `"ʼN"`), no locale.
pub fn swift_uppercased(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for scalar in s.chars() {
        out.extend(scalar.to_uppercase());
    }
    out
}

/// `String.lowercased()`: each scalar's full lowercase mapping, context-free (so `"ΣΑΣ"` →
/// `"σασ"`, with no final-sigma rule, unlike Rust's `str::to_lowercase`; `"İ"` → `"i̇"`).
pub fn swift_lowercased(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for scalar in s.chars() {
        out.extend(scalar.to_lowercase());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Integer text
// ---------------------------------------------------------------------------------------------

/// `Int(s)`: an optional `+` or `-`, then one or more ASCII digits, nothing else (no
/// whitespace, no `_`); `nil` when empty, malformed or out of range. `"-9223372036854775808"`
/// parses.
pub fn parse_int(s: &str) -> Option<i64> {
    parse_int_radix(s, 10)
}

/// `Int(s, radix: radix)` (`IntegerParsing.swift`): as [`parse_int`], with digits `0-9` and
/// letters `a-z`/`A-Z` below `radix`. Swift traps for a radix outside 2...36; this returns
/// `None` for one, so the caller must check the radix first to trap as Swift does.
pub fn parse_int_radix(s: &str, radix: u32) -> Option<i64> {
    if !(2..=36).contains(&radix) {
        return None;
    }
    let bytes = s.as_bytes();
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return None;
    }
    let radix = i64::from(radix);
    let mut value: i64 = 0;
    for &byte in digits {
        let digit = match byte {
            b'0'..=b'9' => byte - b'0',
            b'a'..=b'z' => byte - b'a' + 10,
            b'A'..=b'Z' => byte - b'A' + 10,
            _ => return None,
        };
        let digit = i64::from(digit);
        if digit >= radix {
            return None;
        }
        value = value.checked_mul(radix)?;
        value = if negative {
            value.checked_sub(digit)?
        } else {
            value.checked_add(digit)?
        };
    }
    Some(value)
}

/// `String(n, radix: radix, uppercase: uppercase)`: `-` and the magnitude's digits (`-ff`).
/// Swift traps for a radix outside 2...36; this clamps it into that range, so the caller must
/// check first to trap as Swift does.
pub fn format_int_radix(n: i64, radix: u32, uppercase: bool) -> String {
    let radix = u64::from(radix.clamp(2, 36));
    let mut magnitude = n.unsigned_abs();
    let mut reversed: Vec<char> = Vec::with_capacity(65);
    loop {
        // `magnitude % radix` < 36, so the conversion and from_digit cannot fail.
        let digit = u32::try_from(magnitude % radix).unwrap_or(0);
        let c = char::from_digit(digit, 36).unwrap_or('0');
        reversed.push(if uppercase { c.to_ascii_uppercase() } else { c });
        magnitude /= radix;
        if magnitude == 0 {
            break;
        }
    }
    if n < 0 {
        reversed.push('-');
    }
    reversed.iter().rev().collect()
}

// ---------------------------------------------------------------------------------------------
// Double(String)
// ---------------------------------------------------------------------------------------------

/// `Double(s)`: what C's `strtod` accepts in the C locale, consuming the whole text
/// (`FloatingPointParsing.swift.gyb`, `_swift_stdlib_strtod_clocale` in `Stubs.cpp`):
///
/// - an optional sign, then a decimal number (`3.14`, `1.`, `.5`, `-1e5`, `2E-3`), a hex
///   number (`0x1p3`, `0x1.8`, `0xA.8p-1`), `inf` / `infinity`, or `nan` / `nan(chars)`
///   (letters case-insensitive); overflow gives ±infinity and underflow ±0 or a subnormal,
///   correctly rounded;
/// - `snan` (with an optional sign, which is ignored) gives a signaling NaN, as Swift's stub
///   special-cases it;
/// - `nil` for the empty string, a leading whitespace (`" 1"`), or anything left unconsumed
///   (`"1 "`, `"1e"`, `"0x"`, `"1_000"`).
///
/// Like Swift, which passes the text as a C string, only the part before the first NUL
/// counts: `"1\0x"` is 1.
pub fn parse_double(s: &str) -> Option<f64> {
    let text = match s.find('\0') {
        Some(end) => s.get(..end).unwrap_or(""),
        None => s,
    };
    let bytes = text.as_bytes();
    match bytes.first() {
        None | Some(b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') => return None,
        Some(_) => {}
    }
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if rest.eq_ignore_ascii_case(b"snan") {
        // libstdc++'s numeric_limits<double>::signaling_NaN().
        return Some(f64::from_bits(0x7FF4_0000_0000_0000));
    }
    let magnitude = parse_unsigned_double(rest)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The unsigned part of a `strtod` number, which must span all of `b`.
fn parse_unsigned_double(b: &[u8]) -> Option<f64> {
    if starts_with_ignore_case(b, b"inf") {
        return (b.len() == 3 || b.eq_ignore_ascii_case(b"infinity")).then_some(f64::INFINITY);
    }
    if starts_with_ignore_case(b, b"nan") {
        return parse_nan_suffix(b.get(3..).unwrap_or(&[]));
    }
    if let Some(hex) = strip_hex_prefix(b) {
        return parse_hex_double(hex);
    }
    parse_decimal_double(b)
}

fn starts_with_ignore_case(b: &[u8], prefix: &[u8]) -> bool {
    b.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// After `nan`: nothing, or `(n-char-sequence)` with `[0-9A-Za-z_]*` inside. glibc reads the
/// sequence with `strtoull(seq, &end, 0)` and, when that consumes it all, stores it in the
/// low 51 bits of the quiet NaN.
fn parse_nan_suffix(b: &[u8]) -> Option<f64> {
    const QUIET_NAN: u64 = 0x7FF8_0000_0000_0000;
    if b.is_empty() {
        return Some(f64::from_bits(QUIET_NAN));
    }
    let inner = b.strip_prefix(b"(")?.strip_suffix(b")")?;
    if !inner
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || c == b'_')
    {
        return None;
    }
    let payload = strtoull_base0(inner).unwrap_or(0);
    Some(f64::from_bits(QUIET_NAN | (payload & ((1u64 << 51) - 1))))
}

/// `strtoull(s, &end, 0)` when it consumes all of `s` (saturating at `u64::MAX` as strtoull
/// does on overflow); `None` when it would stop early.
fn strtoull_base0(s: &[u8]) -> Option<u64> {
    let (radix, digits) = if let Some(hex) =
        strip_hex_prefix(s).filter(|h| h.first().is_some_and(u8::is_ascii_hexdigit))
    {
        (16, hex)
    } else if s.len() > 1 && s.first() == Some(&b'0') {
        (8, s.get(1..).unwrap_or(&[]))
    } else {
        (10, s)
    };
    let mut value: u64 = 0;
    for &c in digits {
        let digit = char::from(c).to_digit(radix)?;
        value = value
            .saturating_mul(u64::from(radix))
            .saturating_add(u64::from(digit));
    }
    Some(value)
}

fn strip_hex_prefix(b: &[u8]) -> Option<&[u8]> {
    b.strip_prefix(b"0x").or_else(|| b.strip_prefix(b"0X"))
}

/// `digits [. digits] [(e|E) [sign] digits]`, at least one mantissa digit, all of `b`.
fn parse_decimal_double(b: &[u8]) -> Option<f64> {
    let integer_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut pos = integer_len;
    let mut fraction_len = 0;
    if b.get(pos) == Some(&b'.') {
        pos += 1;
        fraction_len = b
            .get(pos..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        pos += fraction_len;
    }
    if integer_len + fraction_len == 0 {
        return None;
    }
    if matches!(b.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(b.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exponent_len = b
            .get(pos..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if exponent_len == 0 {
            return None;
        }
        pos += exponent_len;
    }
    if pos != b.len() {
        return None;
    }
    // The text is now known to be in the grammar Rust's correctly rounding parser accepts.
    std::str::from_utf8(b).ok()?.parse::<f64>().ok()
}

/// After `0x`: `hexdigits [. hexdigits] [(p|P) [sign] digits]`, at least one mantissa digit,
/// all of `b`; rounded to nearest, ties to even, as glibc does.
fn parse_hex_double(b: &[u8]) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0; // value = mantissa * 2^exponent (+ sticky)
    let mut sticky = false;
    let mut any_digit = false;
    let mut pos = 0;
    let mut seen_point = false;
    while let Some(&c) = b.get(pos) {
        if c == b'.' && !seen_point {
            seen_point = true;
            pos += 1;
            continue;
        }
        let Some(digit) = char::from(c).to_digit(16) else {
            break;
        };
        any_digit = true;
        if mantissa < (1u64 << 60) {
            mantissa = mantissa * 16 + u64::from(digit);
            if seen_point {
                exponent -= 4;
            }
        } else {
            sticky |= digit != 0;
            if !seen_point {
                exponent += 4;
            }
        }
        pos += 1;
    }
    if !any_digit {
        return None;
    }
    if matches!(b.get(pos), Some(b'p' | b'P')) {
        pos += 1;
        let negative = match b.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let start = pos;
        let mut value: i64 = 0;
        while let Some(&c) = b.get(pos) {
            if !c.is_ascii_digit() {
                break;
            }
            // Saturate far beyond any finite double's range.
            value = (value * 10 + i64::from(c - b'0')).min(1 << 40);
            pos += 1;
        }
        if pos == start {
            return None;
        }
        exponent += if negative { -value } else { value };
    }
    if pos != b.len() {
        return None;
    }
    Some(compose_binary(mantissa, exponent, sticky))
}

/// The binary64 nearest to `mantissa * 2^exponent` (plus a non-zero tail below the mantissa
/// when `sticky`), ties to even.
fn compose_binary(mantissa: u64, exponent: i64, sticky: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let shift = mantissa.leading_zeros();
    let m = u128::from(mantissa << shift); // top bit set
    let e = exponent - i64::from(shift); // value = m * 2^e
    let top = e + 63; // value in [2^top, 2^(top+1))
    if top > 1023 {
        return f64::INFINITY;
    }
    // Low bits of `m` that do not fit: 11 for a normal result; more for a subnormal one,
    // whose unit is 2^-1074.
    let drop = if top >= -1022 { 11 } else { -1011 - top };
    if drop > 64 {
        return 0.0; // below half the smallest subnormal
    }
    let drop = drop as u32;
    let mut kept = m >> drop;
    let rest = m & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    let kept = u64::try_from(kept).unwrap_or(u64::MAX);
    if top >= -1022 {
        let (kept, top) = if kept == 1u64 << 53 {
            (1u64 << 52, top + 1)
        } else {
            (kept, top)
        };
        if top > 1023 {
            return f64::INFINITY;
        }
        let biased = u64::try_from(top + 1023).unwrap_or(0);
        f64::from_bits((biased << 52) | (kept & ((1u64 << 52) - 1)))
    } else {
        // A subnormal; rounding up to 2^52 lands exactly on the smallest normal's encoding.
        f64::from_bits(kept)
    }
}

// ---------------------------------------------------------------------------------------------
// Unicode tables
// ---------------------------------------------------------------------------------------------

fn in_ranges(table: &[(u32, u32)], value: u32) -> bool {
    table
        .binary_search_by(|&(low, high)| {
            if high < value {
                Ordering::Less
            } else if low > value {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// `Some(Some(v))` for a scalar with integral Numeric_Value `v`, `Some(None)` for one with a
/// fractional value, `None` for one without a Numeric_Type.
fn numeric_entry(scalar: char) -> Option<Option<i64>> {
    let value = u32::from(scalar);
    let index = NUMERIC
        .binary_search_by(|&(low, high, _)| {
            if high < value {
                Ordering::Less
            } else if low > value {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()?;
    let &(low, _, first) = NUMERIC.get(index)?;
    Some(first.map(|v| v + i64::from(value - low)))
}

// Generated from the Unicode Character Database 14.0.0 (Python's unicodedata).

/// General_Category P* (Pc Pd Ps Pe Pi Pf Po), as inclusive scalar ranges.
#[rustfmt::skip]
static PUNCTUATION: &[(u32, u32)] = &[
    (0x21, 0x23), (0x25, 0x2A), (0x2C, 0x2F), (0x3A, 0x3B), (0x3F, 0x40), (0x5B, 0x5D),
    (0x5F, 0x5F), (0x7B, 0x7B), (0x7D, 0x7D), (0xA1, 0xA1), (0xA7, 0xA7), (0xAB, 0xAB),
    (0xB6, 0xB7), (0xBB, 0xBB), (0xBF, 0xBF), (0x37E, 0x37E), (0x387, 0x387), (0x55A, 0x55F),
    (0x589, 0x58A), (0x5BE, 0x5BE), (0x5C0, 0x5C0), (0x5C3, 0x5C3), (0x5C6, 0x5C6), (0x5F3, 0x5F4),
    (0x609, 0x60A), (0x60C, 0x60D), (0x61B, 0x61B), (0x61D, 0x61F), (0x66A, 0x66D), (0x6D4, 0x6D4),
    (0x700, 0x70D), (0x7F7, 0x7F9), (0x830, 0x83E), (0x85E, 0x85E), (0x964, 0x965), (0x970, 0x970),
    (0x9FD, 0x9FD), (0xA76, 0xA76), (0xAF0, 0xAF0), (0xC77, 0xC77), (0xC84, 0xC84), (0xDF4, 0xDF4),
    (0xE4F, 0xE4F), (0xE5A, 0xE5B), (0xF04, 0xF12), (0xF14, 0xF14), (0xF3A, 0xF3D), (0xF85, 0xF85),
    (0xFD0, 0xFD4), (0xFD9, 0xFDA), (0x104A, 0x104F), (0x10FB, 0x10FB), (0x1360, 0x1368), (0x1400, 0x1400),
    (0x166E, 0x166E), (0x169B, 0x169C), (0x16EB, 0x16ED), (0x1735, 0x1736), (0x17D4, 0x17D6), (0x17D8, 0x17DA),
    (0x1800, 0x180A), (0x1944, 0x1945), (0x1A1E, 0x1A1F), (0x1AA0, 0x1AA6), (0x1AA8, 0x1AAD), (0x1B5A, 0x1B60),
    (0x1B7D, 0x1B7E), (0x1BFC, 0x1BFF), (0x1C3B, 0x1C3F), (0x1C7E, 0x1C7F), (0x1CC0, 0x1CC7), (0x1CD3, 0x1CD3),
    (0x2010, 0x2027), (0x2030, 0x2043), (0x2045, 0x2051), (0x2053, 0x205E), (0x207D, 0x207E), (0x208D, 0x208E),
    (0x2308, 0x230B), (0x2329, 0x232A), (0x2768, 0x2775), (0x27C5, 0x27C6), (0x27E6, 0x27EF), (0x2983, 0x2998),
    (0x29D8, 0x29DB), (0x29FC, 0x29FD), (0x2CF9, 0x2CFC), (0x2CFE, 0x2CFF), (0x2D70, 0x2D70), (0x2E00, 0x2E2E),
    (0x2E30, 0x2E4F), (0x2E52, 0x2E5D), (0x3001, 0x3003), (0x3008, 0x3011), (0x3014, 0x301F), (0x3030, 0x3030),
    (0x303D, 0x303D), (0x30A0, 0x30A0), (0x30FB, 0x30FB), (0xA4FE, 0xA4FF), (0xA60D, 0xA60F), (0xA673, 0xA673),
    (0xA67E, 0xA67E), (0xA6F2, 0xA6F7), (0xA874, 0xA877), (0xA8CE, 0xA8CF), (0xA8F8, 0xA8FA), (0xA8FC, 0xA8FC),
    (0xA92E, 0xA92F), (0xA95F, 0xA95F), (0xA9C1, 0xA9CD), (0xA9DE, 0xA9DF), (0xAA5C, 0xAA5F), (0xAADE, 0xAADF),
    (0xAAF0, 0xAAF1), (0xABEB, 0xABEB), (0xFD3E, 0xFD3F), (0xFE10, 0xFE19), (0xFE30, 0xFE52), (0xFE54, 0xFE61),
    (0xFE63, 0xFE63), (0xFE68, 0xFE68), (0xFE6A, 0xFE6B), (0xFF01, 0xFF03), (0xFF05, 0xFF0A), (0xFF0C, 0xFF0F),
    (0xFF1A, 0xFF1B), (0xFF1F, 0xFF20), (0xFF3B, 0xFF3D), (0xFF3F, 0xFF3F), (0xFF5B, 0xFF5B), (0xFF5D, 0xFF5D),
    (0xFF5F, 0xFF65), (0x10100, 0x10102), (0x1039F, 0x1039F), (0x103D0, 0x103D0), (0x1056F, 0x1056F), (0x10857, 0x10857),
    (0x1091F, 0x1091F), (0x1093F, 0x1093F), (0x10A50, 0x10A58), (0x10A7F, 0x10A7F), (0x10AF0, 0x10AF6), (0x10B39, 0x10B3F),
    (0x10B99, 0x10B9C), (0x10EAD, 0x10EAD), (0x10F55, 0x10F59), (0x10F86, 0x10F89), (0x11047, 0x1104D), (0x110BB, 0x110BC),
    (0x110BE, 0x110C1), (0x11140, 0x11143), (0x11174, 0x11175), (0x111C5, 0x111C8), (0x111CD, 0x111CD), (0x111DB, 0x111DB),
    (0x111DD, 0x111DF), (0x11238, 0x1123D), (0x112A9, 0x112A9), (0x1144B, 0x1144F), (0x1145A, 0x1145B), (0x1145D, 0x1145D),
    (0x114C6, 0x114C6), (0x115C1, 0x115D7), (0x11641, 0x11643), (0x11660, 0x1166C), (0x116B9, 0x116B9), (0x1173C, 0x1173E),
    (0x1183B, 0x1183B), (0x11944, 0x11946), (0x119E2, 0x119E2), (0x11A3F, 0x11A46), (0x11A9A, 0x11A9C), (0x11A9E, 0x11AA2),
    (0x11C41, 0x11C45), (0x11C70, 0x11C71), (0x11EF7, 0x11EF8), (0x11FFF, 0x11FFF), (0x12470, 0x12474), (0x12FF1, 0x12FF2),
    (0x16A6E, 0x16A6F), (0x16AF5, 0x16AF5), (0x16B37, 0x16B3B), (0x16B44, 0x16B44), (0x16E97, 0x16E9A), (0x16FE2, 0x16FE2),
    (0x1BC9F, 0x1BC9F), (0x1DA87, 0x1DA8B), (0x1E95E, 0x1E95F),
];

/// General_Category Lt, as inclusive scalar ranges.
#[rustfmt::skip]
static TITLECASE: &[(u32, u32)] = &[
    (0x1C5, 0x1C5), (0x1C8, 0x1C8), (0x1CB, 0x1CB), (0x1F2, 0x1F2), (0x1F88, 0x1F8F), (0x1F98, 0x1F9F),
    (0x1FA8, 0x1FAF), (0x1FBC, 0x1FBC), (0x1FCC, 0x1FCC), (0x1FFC, 0x1FFC),
];

/// Numeric_Value (UnicodeData field 8 plus Unihan kAccountingNumeric/kOtherNumeric/
/// kPrimaryNumeric): `(first, last, Some(value of first))` for runs whose integral
/// values rise by one per scalar, `(first, last, None)` for runs of non-integral values.
#[rustfmt::skip]
static NUMERIC: &[(u32, u32, Option<i64>)] = &[
    (0x30, 0x39, Some(0)), (0xB2, 0xB3, Some(2)), (0xB9, 0xB9, Some(1)), (0xBC, 0xBE, None),
    (0x660, 0x669, Some(0)), (0x6F0, 0x6F9, Some(0)), (0x7C0, 0x7C9, Some(0)), (0x966, 0x96F, Some(0)),
    (0x9E6, 0x9EF, Some(0)), (0x9F4, 0x9F8, None), (0x9F9, 0x9F9, Some(16)), (0xA66, 0xA6F, Some(0)),
    (0xAE6, 0xAEF, Some(0)), (0xB66, 0xB6F, Some(0)), (0xB72, 0xB77, None), (0xBE6, 0xBF0, Some(0)),
    (0xBF1, 0xBF1, Some(100)), (0xBF2, 0xBF2, Some(1000)), (0xC66, 0xC6F, Some(0)), (0xC78, 0xC7B, Some(0)),
    (0xC7C, 0xC7E, Some(1)), (0xCE6, 0xCEF, Some(0)), (0xD58, 0xD5E, None), (0xD66, 0xD70, Some(0)),
    (0xD71, 0xD71, Some(100)), (0xD72, 0xD72, Some(1000)), (0xD73, 0xD78, None), (0xDE6, 0xDEF, Some(0)),
    (0xE50, 0xE59, Some(0)), (0xED0, 0xED9, Some(0)), (0xF20, 0xF29, Some(0)), (0xF2A, 0xF33, None),
    (0x1040, 0x1049, Some(0)), (0x1090, 0x1099, Some(0)), (0x1369, 0x1372, Some(1)), (0x1373, 0x1373, Some(20)),
    (0x1374, 0x1374, Some(30)), (0x1375, 0x1375, Some(40)), (0x1376, 0x1376, Some(50)), (0x1377, 0x1377, Some(60)),
    (0x1378, 0x1378, Some(70)), (0x1379, 0x1379, Some(80)), (0x137A, 0x137A, Some(90)), (0x137B, 0x137B, Some(100)),
    (0x137C, 0x137C, Some(10000)), (0x16EE, 0x16F0, Some(17)), (0x17E0, 0x17E9, Some(0)), (0x17F0, 0x17F9, Some(0)),
    (0x1810, 0x1819, Some(0)), (0x1946, 0x194F, Some(0)), (0x19D0, 0x19D9, Some(0)), (0x19DA, 0x19DA, Some(1)),
    (0x1A80, 0x1A89, Some(0)), (0x1A90, 0x1A99, Some(0)), (0x1B50, 0x1B59, Some(0)), (0x1BB0, 0x1BB9, Some(0)),
    (0x1C40, 0x1C49, Some(0)), (0x1C50, 0x1C59, Some(0)), (0x2070, 0x2070, Some(0)), (0x2074, 0x2079, Some(4)),
    (0x2080, 0x2089, Some(0)), (0x2150, 0x215E, None), (0x215F, 0x215F, Some(1)), (0x2160, 0x216B, Some(1)),
    (0x216C, 0x216C, Some(50)), (0x216D, 0x216D, Some(100)), (0x216E, 0x216E, Some(500)), (0x216F, 0x216F, Some(1000)),
    (0x2170, 0x217B, Some(1)), (0x217C, 0x217C, Some(50)), (0x217D, 0x217D, Some(100)), (0x217E, 0x217E, Some(500)),
    (0x217F, 0x217F, Some(1000)), (0x2180, 0x2180, Some(1000)), (0x2181, 0x2181, Some(5000)), (0x2182, 0x2182, Some(10000)),
    (0x2185, 0x2185, Some(6)), (0x2186, 0x2186, Some(50)), (0x2187, 0x2187, Some(50000)), (0x2188, 0x2188, Some(100000)),
    (0x2189, 0x2189, Some(0)), (0x2460, 0x2473, Some(1)), (0x2474, 0x2487, Some(1)), (0x2488, 0x249B, Some(1)),
    (0x24EA, 0x24EA, Some(0)), (0x24EB, 0x24F4, Some(11)), (0x24F5, 0x24FE, Some(1)), (0x24FF, 0x24FF, Some(0)),
    (0x2776, 0x277F, Some(1)), (0x2780, 0x2789, Some(1)), (0x278A, 0x2793, Some(1)), (0x2CFD, 0x2CFD, None),
    (0x3007, 0x3007, Some(0)), (0x3021, 0x3029, Some(1)), (0x3038, 0x3038, Some(10)), (0x3039, 0x3039, Some(20)),
    (0x303A, 0x303A, Some(30)), (0x3192, 0x3195, Some(1)), (0x3220, 0x3229, Some(1)), (0x3248, 0x3248, Some(10)),
    (0x3249, 0x3249, Some(20)), (0x324A, 0x324A, Some(30)), (0x324B, 0x324B, Some(40)), (0x324C, 0x324C, Some(50)),
    (0x324D, 0x324D, Some(60)), (0x324E, 0x324E, Some(70)), (0x324F, 0x324F, Some(80)), (0x3251, 0x325F, Some(21)),
    (0x3280, 0x3289, Some(1)), (0x32B1, 0x32BF, Some(36)), (0x3405, 0x3405, Some(5)), (0x3483, 0x3483, Some(2)),
    (0x382A, 0x382A, Some(5)), (0x3B4D, 0x3B4D, Some(7)), (0x4E00, 0x4E00, Some(1)), (0x4E03, 0x4E03, Some(7)),
    (0x4E07, 0x4E07, Some(10000)), (0x4E09, 0x4E09, Some(3)), (0x4E5D, 0x4E5D, Some(9)), (0x4E8C, 0x4E8C, Some(2)),
    (0x4E94, 0x4E94, Some(5)), (0x4E96, 0x4E96, Some(4)), (0x4EBF, 0x4EBF, Some(100000000)), (0x4EC0, 0x4EC0, Some(10)),
    (0x4EDF, 0x4EDF, Some(1000)), (0x4EE8, 0x4EE8, Some(3)), (0x4F0D, 0x4F0D, Some(5)), (0x4F70, 0x4F70, Some(100)),
    (0x5104, 0x5104, Some(100000000)), (0x5146, 0x5146, Some(1000000000000)), (0x5169, 0x5169, Some(2)), (0x516B, 0x516B, Some(8)),
    (0x516D, 0x516D, Some(6)), (0x5341, 0x5341, Some(10)), (0x5343, 0x5343, Some(1000)), (0x5344, 0x5344, Some(20)),
    (0x5345, 0x5345, Some(30)), (0x534C, 0x534C, Some(40)), (0x53C1, 0x53C1, Some(3)), (0x53C2, 0x53C2, Some(3)),
    (0x53C3, 0x53C3, Some(3)), (0x53C4, 0x53C4, Some(3)), (0x56DB, 0x56DB, Some(4)), (0x58F1, 0x58F1, Some(1)),
    (0x58F9, 0x58F9, Some(1)), (0x5E7A, 0x5E7A, Some(1)), (0x5EFE, 0x5EFE, Some(9)), (0x5EFF, 0x5EFF, Some(20)),
    (0x5F0C, 0x5F0E, Some(1)), (0x5F10, 0x5F10, Some(2)), (0x62FE, 0x62FE, Some(10)), (0x634C, 0x634C, Some(8)),
    (0x67D2, 0x67D2, Some(7)), (0x6F06, 0x6F06, Some(7)), (0x7396, 0x7396, Some(9)), (0x767E, 0x767E, Some(100)),
    (0x8086, 0x8086, Some(4)), (0x842C, 0x842C, Some(10000)), (0x8CAE, 0x8CAE, Some(2)), (0x8CB3, 0x8CB3, Some(2)),
    (0x8D30, 0x8D30, Some(2)), (0x9621, 0x9621, Some(1000)), (0x9646, 0x9646, Some(6)), (0x964C, 0x964C, Some(100)),
    (0x9678, 0x9678, Some(6)), (0x96F6, 0x96F6, Some(0)), (0xA620, 0xA629, Some(0)), (0xA6E6, 0xA6EE, Some(1)),
    (0xA6EF, 0xA6EF, Some(0)), (0xA830, 0xA835, None), (0xA8D0, 0xA8D9, Some(0)), (0xA900, 0xA909, Some(0)),
    (0xA9D0, 0xA9D9, Some(0)), (0xA9F0, 0xA9F9, Some(0)), (0xAA50, 0xAA59, Some(0)), (0xABF0, 0xABF9, Some(0)),
    (0xF96B, 0xF96B, Some(3)), (0xF973, 0xF973, Some(10)), (0xF978, 0xF978, Some(2)), (0xF9B2, 0xF9B2, Some(0)),
    (0xF9D1, 0xF9D1, Some(6)), (0xF9D3, 0xF9D3, Some(6)), (0xF9FD, 0xF9FD, Some(10)), (0xFF10, 0xFF19, Some(0)),
    (0x10107, 0x10110, Some(1)), (0x10111, 0x10111, Some(20)), (0x10112, 0x10112, Some(30)), (0x10113, 0x10113, Some(40)),
    (0x10114, 0x10114, Some(50)), (0x10115, 0x10115, Some(60)), (0x10116, 0x10116, Some(70)), (0x10117, 0x10117, Some(80)),
    (0x10118, 0x10118, Some(90)), (0x10119, 0x10119, Some(100)), (0x1011A, 0x1011A, Some(200)), (0x1011B, 0x1011B, Some(300)),
    (0x1011C, 0x1011C, Some(400)), (0x1011D, 0x1011D, Some(500)), (0x1011E, 0x1011E, Some(600)), (0x1011F, 0x1011F, Some(700)),
    (0x10120, 0x10120, Some(800)), (0x10121, 0x10121, Some(900)), (0x10122, 0x10122, Some(1000)), (0x10123, 0x10123, Some(2000)),
    (0x10124, 0x10124, Some(3000)), (0x10125, 0x10125, Some(4000)), (0x10126, 0x10126, Some(5000)), (0x10127, 0x10127, Some(6000)),
    (0x10128, 0x10128, Some(7000)), (0x10129, 0x10129, Some(8000)), (0x1012A, 0x1012A, Some(9000)), (0x1012B, 0x1012B, Some(10000)),
    (0x1012C, 0x1012C, Some(20000)), (0x1012D, 0x1012D, Some(30000)), (0x1012E, 0x1012E, Some(40000)), (0x1012F, 0x1012F, Some(50000)),
    (0x10130, 0x10130, Some(60000)), (0x10131, 0x10131, Some(70000)), (0x10132, 0x10132, Some(80000)), (0x10133, 0x10133, Some(90000)),
    (0x10140, 0x10141, None), (0x10142, 0x10142, Some(1)), (0x10143, 0x10143, Some(5)), (0x10144, 0x10144, Some(50)),
    (0x10145, 0x10145, Some(500)), (0x10146, 0x10146, Some(5000)), (0x10147, 0x10147, Some(50000)), (0x10148, 0x10148, Some(5)),
    (0x10149, 0x10149, Some(10)), (0x1014A, 0x1014A, Some(50)), (0x1014B, 0x1014B, Some(100)), (0x1014C, 0x1014C, Some(500)),
    (0x1014D, 0x1014D, Some(1000)), (0x1014E, 0x1014E, Some(5000)), (0x1014F, 0x1014F, Some(5)), (0x10150, 0x10150, Some(10)),
    (0x10151, 0x10151, Some(50)), (0x10152, 0x10152, Some(100)), (0x10153, 0x10153, Some(500)), (0x10154, 0x10154, Some(1000)),
    (0x10155, 0x10155, Some(10000)), (0x10156, 0x10156, Some(50000)), (0x10157, 0x10157, Some(10)), (0x10158, 0x10158, Some(1)),
    (0x10159, 0x10159, Some(1)), (0x1015A, 0x1015B, Some(1)), (0x1015C, 0x1015C, Some(2)), (0x1015D, 0x1015D, Some(2)),
    (0x1015E, 0x1015E, Some(2)), (0x1015F, 0x1015F, Some(5)), (0x10160, 0x10160, Some(10)), (0x10161, 0x10161, Some(10)),
    (0x10162, 0x10162, Some(10)), (0x10163, 0x10163, Some(10)), (0x10164, 0x10164, Some(10)), (0x10165, 0x10165, Some(30)),
    (0x10166, 0x10166, Some(50)), (0x10167, 0x10167, Some(50)), (0x10168, 0x10168, Some(50)), (0x10169, 0x10169, Some(50)),
    (0x1016A, 0x1016A, Some(100)), (0x1016B, 0x1016B, Some(300)), (0x1016C, 0x1016C, Some(500)), (0x1016D, 0x1016D, Some(500)),
    (0x1016E, 0x1016E, Some(500)), (0x1016F, 0x1016F, Some(500)), (0x10170, 0x10170, Some(500)), (0x10171, 0x10171, Some(1000)),
    (0x10172, 0x10172, Some(5000)), (0x10173, 0x10173, Some(5)), (0x10174, 0x10174, Some(50)), (0x10175, 0x10178, None),
    (0x1018A, 0x1018A, Some(0)), (0x1018B, 0x1018B, None), (0x102E1, 0x102EA, Some(1)), (0x102EB, 0x102EB, Some(20)),
    (0x102EC, 0x102EC, Some(30)), (0x102ED, 0x102ED, Some(40)), (0x102EE, 0x102EE, Some(50)), (0x102EF, 0x102EF, Some(60)),
    (0x102F0, 0x102F0, Some(70)), (0x102F1, 0x102F1, Some(80)), (0x102F2, 0x102F2, Some(90)), (0x102F3, 0x102F3, Some(100)),
    (0x102F4, 0x102F4, Some(200)), (0x102F5, 0x102F5, Some(300)), (0x102F6, 0x102F6, Some(400)), (0x102F7, 0x102F7, Some(500)),
    (0x102F8, 0x102F8, Some(600)), (0x102F9, 0x102F9, Some(700)), (0x102FA, 0x102FA, Some(800)), (0x102FB, 0x102FB, Some(900)),
    (0x10320, 0x10320, Some(1)), (0x10321, 0x10321, Some(5)), (0x10322, 0x10322, Some(10)), (0x10323, 0x10323, Some(50)),
    (0x10341, 0x10341, Some(90)), (0x1034A, 0x1034A, Some(900)), (0x103D1, 0x103D2, Some(1)), (0x103D3, 0x103D3, Some(10)),
    (0x103D4, 0x103D4, Some(20)), (0x103D5, 0x103D5, Some(100)), (0x104A0, 0x104A9, Some(0)), (0x10858, 0x1085A, Some(1)),
    (0x1085B, 0x1085B, Some(10)), (0x1085C, 0x1085C, Some(20)), (0x1085D, 0x1085D, Some(100)), (0x1085E, 0x1085E, Some(1000)),
    (0x1085F, 0x1085F, Some(10000)), (0x10879, 0x1087D, Some(1)), (0x1087E, 0x1087E, Some(10)), (0x1087F, 0x1087F, Some(20)),
    (0x108A7, 0x108AA, Some(1)), (0x108AB, 0x108AC, Some(4)), (0x108AD, 0x108AD, Some(10)), (0x108AE, 0x108AE, Some(20)),
    (0x108AF, 0x108AF, Some(100)), (0x108FB, 0x108FB, Some(1)), (0x108FC, 0x108FC, Some(5)), (0x108FD, 0x108FD, Some(10)),
    (0x108FE, 0x108FE, Some(20)), (0x108FF, 0x108FF, Some(100)), (0x10916, 0x10916, Some(1)), (0x10917, 0x10917, Some(10)),
    (0x10918, 0x10918, Some(20)), (0x10919, 0x10919, Some(100)), (0x1091A, 0x1091B, Some(2)), (0x109BC, 0x109BD, None),
    (0x109C0, 0x109C9, Some(1)), (0x109CA, 0x109CA, Some(20)), (0x109CB, 0x109CB, Some(30)), (0x109CC, 0x109CC, Some(40)),
    (0x109CD, 0x109CD, Some(50)), (0x109CE, 0x109CE, Some(60)), (0x109CF, 0x109CF, Some(70)), (0x109D2, 0x109D2, Some(100)),
    (0x109D3, 0x109D3, Some(200)), (0x109D4, 0x109D4, Some(300)), (0x109D5, 0x109D5, Some(400)), (0x109D6, 0x109D6, Some(500)),
    (0x109D7, 0x109D7, Some(600)), (0x109D8, 0x109D8, Some(700)), (0x109D9, 0x109D9, Some(800)), (0x109DA, 0x109DA, Some(900)),
    (0x109DB, 0x109DB, Some(1000)), (0x109DC, 0x109DC, Some(2000)), (0x109DD, 0x109DD, Some(3000)), (0x109DE, 0x109DE, Some(4000)),
    (0x109DF, 0x109DF, Some(5000)), (0x109E0, 0x109E0, Some(6000)), (0x109E1, 0x109E1, Some(7000)), (0x109E2, 0x109E2, Some(8000)),
    (0x109E3, 0x109E3, Some(9000)), (0x109E4, 0x109E4, Some(10000)), (0x109E5, 0x109E5, Some(20000)), (0x109E6, 0x109E6, Some(30000)),
    (0x109E7, 0x109E7, Some(40000)), (0x109E8, 0x109E8, Some(50000)), (0x109E9, 0x109E9, Some(60000)), (0x109EA, 0x109EA, Some(70000)),
    (0x109EB, 0x109EB, Some(80000)), (0x109EC, 0x109EC, Some(90000)), (0x109ED, 0x109ED, Some(100000)), (0x109EE, 0x109EE, Some(200000)),
    (0x109EF, 0x109EF, Some(300000)), (0x109F0, 0x109F0, Some(400000)), (0x109F1, 0x109F1, Some(500000)), (0x109F2, 0x109F2, Some(600000)),
    (0x109F3, 0x109F3, Some(700000)), (0x109F4, 0x109F4, Some(800000)), (0x109F5, 0x109F5, Some(900000)), (0x109F6, 0x109FF, None),
    (0x10A40, 0x10A43, Some(1)), (0x10A44, 0x10A44, Some(10)), (0x10A45, 0x10A45, Some(20)), (0x10A46, 0x10A46, Some(100)),
    (0x10A47, 0x10A47, Some(1000)), (0x10A48, 0x10A48, None), (0x10A7D, 0x10A7D, Some(1)), (0x10A7E, 0x10A7E, Some(50)),
    (0x10A9D, 0x10A9D, Some(1)), (0x10A9E, 0x10A9E, Some(10)), (0x10A9F, 0x10A9F, Some(20)), (0x10AEB, 0x10AEB, Some(1)),
    (0x10AEC, 0x10AEC, Some(5)), (0x10AED, 0x10AED, Some(10)), (0x10AEE, 0x10AEE, Some(20)), (0x10AEF, 0x10AEF, Some(100)),
    (0x10B58, 0x10B5B, Some(1)), (0x10B5C, 0x10B5C, Some(10)), (0x10B5D, 0x10B5D, Some(20)), (0x10B5E, 0x10B5E, Some(100)),
    (0x10B5F, 0x10B5F, Some(1000)), (0x10B78, 0x10B7B, Some(1)), (0x10B7C, 0x10B7C, Some(10)), (0x10B7D, 0x10B7D, Some(20)),
    (0x10B7E, 0x10B7E, Some(100)), (0x10B7F, 0x10B7F, Some(1000)), (0x10BA9, 0x10BAC, Some(1)), (0x10BAD, 0x10BAD, Some(10)),
    (0x10BAE, 0x10BAE, Some(20)), (0x10BAF, 0x10BAF, Some(100)), (0x10CFA, 0x10CFA, Some(1)), (0x10CFB, 0x10CFB, Some(5)),
    (0x10CFC, 0x10CFC, Some(10)), (0x10CFD, 0x10CFD, Some(50)), (0x10CFE, 0x10CFE, Some(100)), (0x10CFF, 0x10CFF, Some(1000)),
    (0x10D30, 0x10D39, Some(0)), (0x10E60, 0x10E69, Some(1)), (0x10E6A, 0x10E6A, Some(20)), (0x10E6B, 0x10E6B, Some(30)),
    (0x10E6C, 0x10E6C, Some(40)), (0x10E6D, 0x10E6D, Some(50)), (0x10E6E, 0x10E6E, Some(60)), (0x10E6F, 0x10E6F, Some(70)),
    (0x10E70, 0x10E70, Some(80)), (0x10E71, 0x10E71, Some(90)), (0x10E72, 0x10E72, Some(100)), (0x10E73, 0x10E73, Some(200)),
    (0x10E74, 0x10E74, Some(300)), (0x10E75, 0x10E75, Some(400)), (0x10E76, 0x10E76, Some(500)), (0x10E77, 0x10E77, Some(600)),
    (0x10E78, 0x10E78, Some(700)), (0x10E79, 0x10E79, Some(800)), (0x10E7A, 0x10E7A, Some(900)), (0x10E7B, 0x10E7E, None),
    (0x10F1D, 0x10F21, Some(1)), (0x10F22, 0x10F22, Some(10)), (0x10F23, 0x10F23, Some(20)), (0x10F24, 0x10F24, Some(30)),
    (0x10F25, 0x10F25, Some(100)), (0x10F26, 0x10F26, None), (0x10F51, 0x10F51, Some(1)), (0x10F52, 0x10F52, Some(10)),
    (0x10F53, 0x10F53, Some(20)), (0x10F54, 0x10F54, Some(100)), (0x10FC5, 0x10FC8, Some(1)), (0x10FC9, 0x10FC9, Some(10)),
    (0x10FCA, 0x10FCA, Some(20)), (0x10FCB, 0x10FCB, Some(100)), (0x11052, 0x1105B, Some(1)), (0x1105C, 0x1105C, Some(20)),
    (0x1105D, 0x1105D, Some(30)), (0x1105E, 0x1105E, Some(40)), (0x1105F, 0x1105F, Some(50)), (0x11060, 0x11060, Some(60)),
    (0x11061, 0x11061, Some(70)), (0x11062, 0x11062, Some(80)), (0x11063, 0x11063, Some(90)), (0x11064, 0x11064, Some(100)),
    (0x11065, 0x11065, Some(1000)), (0x11066, 0x1106F, Some(0)), (0x110F0, 0x110F9, Some(0)), (0x11136, 0x1113F, Some(0)),
    (0x111D0, 0x111D9, Some(0)), (0x111E1, 0x111EA, Some(1)), (0x111EB, 0x111EB, Some(20)), (0x111EC, 0x111EC, Some(30)),
    (0x111ED, 0x111ED, Some(40)), (0x111EE, 0x111EE, Some(50)), (0x111EF, 0x111EF, Some(60)), (0x111F0, 0x111F0, Some(70)),
    (0x111F1, 0x111F1, Some(80)), (0x111F2, 0x111F2, Some(90)), (0x111F3, 0x111F3, Some(100)), (0x111F4, 0x111F4, Some(1000)),
    (0x112F0, 0x112F9, Some(0)), (0x11450, 0x11459, Some(0)), (0x114D0, 0x114D9, Some(0)), (0x11650, 0x11659, Some(0)),
    (0x116C0, 0x116C9, Some(0)), (0x11730, 0x1173A, Some(0)), (0x1173B, 0x1173B, Some(20)), (0x118E0, 0x118EA, Some(0)),
    (0x118EB, 0x118EB, Some(20)), (0x118EC, 0x118EC, Some(30)), (0x118ED, 0x118ED, Some(40)), (0x118EE, 0x118EE, Some(50)),
    (0x118EF, 0x118EF, Some(60)), (0x118F0, 0x118F0, Some(70)), (0x118F1, 0x118F1, Some(80)), (0x118F2, 0x118F2, Some(90)),
    (0x11950, 0x11959, Some(0)), (0x11C50, 0x11C59, Some(0)), (0x11C5A, 0x11C63, Some(1)), (0x11C64, 0x11C64, Some(20)),
    (0x11C65, 0x11C65, Some(30)), (0x11C66, 0x11C66, Some(40)), (0x11C67, 0x11C67, Some(50)), (0x11C68, 0x11C68, Some(60)),
    (0x11C69, 0x11C69, Some(70)), (0x11C6A, 0x11C6A, Some(80)), (0x11C6B, 0x11C6B, Some(90)), (0x11C6C, 0x11C6C, Some(100)),
    (0x11D50, 0x11D59, Some(0)), (0x11DA0, 0x11DA9, Some(0)), (0x11FC0, 0x11FD4, None), (0x12400, 0x12407, Some(2)),
    (0x12408, 0x1240E, Some(3)), (0x1240F, 0x12414, Some(4)), (0x12415, 0x1241D, Some(1)), (0x1241E, 0x12422, Some(1)),
    (0x12423, 0x12424, Some(2)), (0x12425, 0x1242B, Some(3)), (0x1242C, 0x1242E, Some(1)), (0x1242F, 0x12431, Some(3)),
    (0x12432, 0x12432, Some(216000)), (0x12433, 0x12433, Some(432000)), (0x12434, 0x12436, Some(1)), (0x12437, 0x12439, Some(3)),
    (0x1243A, 0x1243A, Some(3)), (0x1243B, 0x1243C, Some(3)), (0x1243D, 0x1243D, Some(4)), (0x1243E, 0x1243E, Some(4)),
    (0x1243F, 0x1243F, Some(4)), (0x12440, 0x12441, Some(6)), (0x12442, 0x12442, Some(7)), (0x12443, 0x12444, Some(7)),
    (0x12445, 0x12446, Some(8)), (0x12447, 0x12447, Some(9)), (0x12448, 0x12448, Some(9)), (0x12449, 0x12449, Some(9)),
    (0x1244A, 0x1244E, Some(2)), (0x1244F, 0x12452, Some(1)), (0x12453, 0x12454, Some(4)), (0x12455, 0x12455, Some(5)),
    (0x12456, 0x12457, Some(2)), (0x12458, 0x12459, Some(1)), (0x1245A, 0x12466, None), (0x12467, 0x12467, Some(40)),
    (0x12468, 0x12468, Some(50)), (0x12469, 0x1246E, Some(4)), (0x16A60, 0x16A69, Some(0)), (0x16AC0, 0x16AC9, Some(0)),
    (0x16B50, 0x16B59, Some(0)), (0x16B5B, 0x16B5B, Some(10)), (0x16B5C, 0x16B5C, Some(100)), (0x16B5D, 0x16B5D, Some(10000)),
    (0x16B5E, 0x16B5E, Some(1000000)), (0x16B5F, 0x16B5F, Some(100000000)), (0x16B60, 0x16B60, Some(10000000000)), (0x16B61, 0x16B61, Some(1000000000000)),
    (0x16E80, 0x16E93, Some(0)), (0x16E94, 0x16E96, Some(1)), (0x1D2E0, 0x1D2F3, Some(0)), (0x1D360, 0x1D369, Some(1)),
    (0x1D36A, 0x1D36A, Some(20)), (0x1D36B, 0x1D36B, Some(30)), (0x1D36C, 0x1D36C, Some(40)), (0x1D36D, 0x1D36D, Some(50)),
    (0x1D36E, 0x1D36E, Some(60)), (0x1D36F, 0x1D36F, Some(70)), (0x1D370, 0x1D370, Some(80)), (0x1D371, 0x1D371, Some(90)),
    (0x1D372, 0x1D376, Some(1)), (0x1D377, 0x1D377, Some(1)), (0x1D378, 0x1D378, Some(5)), (0x1D7CE, 0x1D7D7, Some(0)),
    (0x1D7D8, 0x1D7E1, Some(0)), (0x1D7E2, 0x1D7EB, Some(0)), (0x1D7EC, 0x1D7F5, Some(0)), (0x1D7F6, 0x1D7FF, Some(0)),
    (0x1E140, 0x1E149, Some(0)), (0x1E2F0, 0x1E2F9, Some(0)), (0x1E8C7, 0x1E8CF, Some(1)), (0x1E950, 0x1E959, Some(0)),
    (0x1EC71, 0x1EC7A, Some(1)), (0x1EC7B, 0x1EC7B, Some(20)), (0x1EC7C, 0x1EC7C, Some(30)), (0x1EC7D, 0x1EC7D, Some(40)),
    (0x1EC7E, 0x1EC7E, Some(50)), (0x1EC7F, 0x1EC7F, Some(60)), (0x1EC80, 0x1EC80, Some(70)), (0x1EC81, 0x1EC81, Some(80)),
    (0x1EC82, 0x1EC82, Some(90)), (0x1EC83, 0x1EC83, Some(100)), (0x1EC84, 0x1EC84, Some(200)), (0x1EC85, 0x1EC85, Some(300)),
    (0x1EC86, 0x1EC86, Some(400)), (0x1EC87, 0x1EC87, Some(500)), (0x1EC88, 0x1EC88, Some(600)), (0x1EC89, 0x1EC89, Some(700)),
    (0x1EC8A, 0x1EC8A, Some(800)), (0x1EC8B, 0x1EC8B, Some(900)), (0x1EC8C, 0x1EC8C, Some(1000)), (0x1EC8D, 0x1EC8D, Some(2000)),
    (0x1EC8E, 0x1EC8E, Some(3000)), (0x1EC8F, 0x1EC8F, Some(4000)), (0x1EC90, 0x1EC90, Some(5000)), (0x1EC91, 0x1EC91, Some(6000)),
    (0x1EC92, 0x1EC92, Some(7000)), (0x1EC93, 0x1EC93, Some(8000)), (0x1EC94, 0x1EC94, Some(9000)), (0x1EC95, 0x1EC95, Some(10000)),
    (0x1EC96, 0x1EC96, Some(20000)), (0x1EC97, 0x1EC97, Some(30000)), (0x1EC98, 0x1EC98, Some(40000)), (0x1EC99, 0x1EC99, Some(50000)),
    (0x1EC9A, 0x1EC9A, Some(60000)), (0x1EC9B, 0x1EC9B, Some(70000)), (0x1EC9C, 0x1EC9C, Some(80000)), (0x1EC9D, 0x1EC9D, Some(90000)),
    (0x1EC9E, 0x1EC9E, Some(100000)), (0x1EC9F, 0x1EC9F, Some(200000)), (0x1ECA0, 0x1ECA0, Some(100000)), (0x1ECA1, 0x1ECA1, Some(10000000)),
    (0x1ECA2, 0x1ECA2, Some(20000000)), (0x1ECA3, 0x1ECAB, Some(1)), (0x1ECAD, 0x1ECAF, None), (0x1ECB1, 0x1ECB2, Some(1)),
    (0x1ECB3, 0x1ECB3, Some(10000)), (0x1ECB4, 0x1ECB4, Some(100000)), (0x1ED01, 0x1ED0A, Some(1)), (0x1ED0B, 0x1ED0B, Some(20)),
    (0x1ED0C, 0x1ED0C, Some(30)), (0x1ED0D, 0x1ED0D, Some(40)), (0x1ED0E, 0x1ED0E, Some(50)), (0x1ED0F, 0x1ED0F, Some(60)),
    (0x1ED10, 0x1ED10, Some(70)), (0x1ED11, 0x1ED11, Some(80)), (0x1ED12, 0x1ED12, Some(90)), (0x1ED13, 0x1ED13, Some(100)),
    (0x1ED14, 0x1ED14, Some(200)), (0x1ED15, 0x1ED15, Some(300)), (0x1ED16, 0x1ED16, Some(400)), (0x1ED17, 0x1ED17, Some(500)),
    (0x1ED18, 0x1ED18, Some(600)), (0x1ED19, 0x1ED19, Some(700)), (0x1ED1A, 0x1ED1A, Some(800)), (0x1ED1B, 0x1ED1B, Some(900)),
    (0x1ED1C, 0x1ED1C, Some(1000)), (0x1ED1D, 0x1ED1D, Some(2000)), (0x1ED1E, 0x1ED1E, Some(3000)), (0x1ED1F, 0x1ED1F, Some(4000)),
    (0x1ED20, 0x1ED20, Some(5000)), (0x1ED21, 0x1ED21, Some(6000)), (0x1ED22, 0x1ED22, Some(7000)), (0x1ED23, 0x1ED23, Some(8000)),
    (0x1ED24, 0x1ED24, Some(9000)), (0x1ED25, 0x1ED25, Some(10000)), (0x1ED26, 0x1ED26, Some(20000)), (0x1ED27, 0x1ED27, Some(30000)),
    (0x1ED28, 0x1ED28, Some(40000)), (0x1ED29, 0x1ED29, Some(50000)), (0x1ED2A, 0x1ED2A, Some(60000)), (0x1ED2B, 0x1ED2B, Some(70000)),
    (0x1ED2C, 0x1ED2C, Some(80000)), (0x1ED2D, 0x1ED2D, Some(90000)), (0x1ED2F, 0x1ED37, Some(2)), (0x1ED38, 0x1ED38, Some(400)),
    (0x1ED39, 0x1ED39, Some(600)), (0x1ED3A, 0x1ED3A, Some(2000)), (0x1ED3B, 0x1ED3B, Some(10000)), (0x1ED3C, 0x1ED3D, None),
    (0x1F100, 0x1F100, Some(0)), (0x1F101, 0x1F10A, Some(0)), (0x1F10B, 0x1F10B, Some(0)), (0x1F10C, 0x1F10C, Some(0)),
    (0x1FBF0, 0x1FBF9, Some(0)), (0x20001, 0x20001, Some(7)), (0x20064, 0x20064, Some(4)), (0x200E2, 0x200E2, Some(4)),
    (0x20121, 0x20121, Some(5)), (0x2092A, 0x2092A, Some(1)), (0x20983, 0x20983, Some(30)), (0x2098C, 0x2098C, Some(40)),
    (0x2099C, 0x2099C, Some(40)), (0x20AEA, 0x20AEA, Some(6)), (0x20AFD, 0x20AFD, Some(3)), (0x20B19, 0x20B19, Some(3)),
    (0x22390, 0x22390, Some(2)), (0x22998, 0x22998, Some(3)), (0x23B1B, 0x23B1B, Some(3)), (0x2626D, 0x2626D, Some(4)),
    (0x2F890, 0x2F890, Some(9)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_grapheme_takes_the_ascii_short_cut_only_where_it_holds() {
        assert_eq!(first_grapheme("ab"), Some("a"));
        assert_eq!(first_grapheme("a"), Some("a"));
        assert_eq!(first_grapheme("\r\nx"), Some("\r\n"));
        assert_eq!(first_grapheme("e\u{301}x"), Some("e\u{301}"));
        assert_eq!(
            first_grapheme("\u{1F1EB}\u{1F1F7}!"),
            Some("\u{1F1EB}\u{1F1F7}")
        );
        assert_eq!(first_grapheme(""), None);
    }
    use std::collections::hash_map::DefaultHasher;

    fn hash_of(s: &str) -> u64 {
        let mut h = DefaultHasher::new();
        swift_hash(s, &mut h);
        h.finish()
    }

    #[test]
    #[allow(clippy::approx_constant)]
    fn doubles_print_as_swift_does() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (100.0, "100.0"),
            (1e-5, "1e-05"),
            (1e16, "1e+16"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (0.000099, "9.9e-05"),
            (1e15, "1000000000000000.0"),
            (9_007_199_254_740_992.0, "9007199254740992.0"),
            (9_007_199_254_740_994.0, "9.007199254740994e+15"),
            (-9_007_199_254_740_992.0, "-9007199254740992.0"),
            (9_007_199_254_740_991.0, "9007199254740991.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (12_345_678_901_234_568.0, "1.2345678901234568e+16"),
            (3.14159, "3.14159"),
            (2.5e-7, "2.5e-07"),
            (1.5e300, "1.5e+300"),
            (1.5e20, "1.5e+20"),
            (-1.5, "-1.5"),
            (123.456, "123.456"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (2.0 / 3.0, "0.6666666666666666"),
            (1e100, "1e+100"),
            (1e-100, "1e-100"),
            (12345.0, "12345.0"),
            (-0.001, "-0.001"),
            (4.35, "4.35"),
            (1e22, "1e+22"),
        ];
        for &(x, expected) in cases {
            assert_eq!(format_double(x), expected, "bits {:#x}", x.to_bits());
        }
    }

    #[test]
    fn nan_spellings_follow_swift_dtoa() {
        assert_eq!(format_double(-f64::NAN), "-nan");
        assert_eq!(format_double(f64::from_bits(0x7FF4_0000_0000_0000)), "snan");
        assert_eq!(
            format_double(f64::from_bits(0x7FF8_0000_0000_0001)),
            "nan(0x1)"
        );
        assert_eq!(
            format_double(f64::from_bits(0xFFF0_0000_0000_00FF)),
            "-snan(0xff)"
        );
        // Bit 50 is not part of the printed payload.
        assert_eq!(format_double(f64::from_bits(0x7FFC_0000_0000_0000)), "nan");
        assert_eq!(double_description(-f64::NAN), "nan");
        assert_eq!(
            double_description(f64::from_bits(0x7FF4_0000_0000_0000)),
            "nan"
        );
        assert_eq!(double_description(2.5), "2.5");
    }

    #[test]
    fn strings_debug_quote_as_swift_does() {
        assert_eq!(debug_quote("a"), "\"a\"");
        assert_eq!(debug_quote(""), "\"\"");
        assert_eq!(debug_quote("it's"), "\"it\\'s\"");
        assert_eq!(debug_quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(debug_quote("a\\b"), "\"a\\\\b\"");
        assert_eq!(debug_quote("1\n2\r3\t4\u{0}"), "\"1\\n2\\r3\\t4\\0\"");
        assert_eq!(
            debug_quote("\u{1B}[0m\u{7F}\u{1}"),
            "\"\\u{1B}[0m\\u{7F}\\u{01}\""
        );
        assert_eq!(debug_quote("café 😀 日本"), "\"café 😀 日本\"");
        // Non-ASCII controls are not escaped by escaped(asASCII: false).
        assert_eq!(debug_quote("a\u{85}b\u{200B}"), "\"a\u{85}b\u{200B}\"");
        assert_eq!(debug_quote("cafe\u{301}"), "\"cafe\u{301}\"");
        assert_eq!(debug_quote("\r\n"), "\"\\r\\n\"");
        assert_eq!(debug_quote("👨‍👩‍👧"), "\"👨‍👩‍👧\"");
    }

    #[test]
    fn debug_quote_keeps_quotes_and_escapes_from_fusing() {
        // The example of swiftlang/swift#63048.
        assert_eq!(
            debug_quote("\u{301}A\n\u{302}B\u{70F}"),
            "\"\\u{0301}A\\n\\u{0302}B\\u{070F}\""
        );
        assert_eq!(debug_quote("\u{200D}"), "\"\\u{200D}\"");
        assert_eq!(debug_quote("\u{301}\u{302}x"), "\"\\u{0301}\\u{0302}x\"");
        assert_eq!(debug_quote("\u{1F3FB}"), "\"\\u{0001F3FB}\"");
        assert_eq!(debug_quote("\u{600}\u{600}"), "\"\\u{0600}\\u{0600}\"");
        assert_eq!(debug_quote("x\u{600}y"), "\"x\u{600}y\"");
        assert_eq!(debug_quote_char("a"), "\"a\"");
        assert_eq!(debug_quote_char("'"), "\"\\'\"");
    }

    #[test]
    fn graphemes_and_canonical_equivalence() {
        assert_eq!(grapheme_count("caf\u{E9}"), 4);
        assert_eq!(grapheme_count("cafe\u{301}"), 4);
        assert_eq!(grapheme_count("🇺🇸🇫🇷"), 2);
        assert_eq!(grapheme_count("👨‍👩‍👧"), 1);
        assert_eq!(grapheme_count("\r\n"), 1);
        assert_eq!(grapheme_count("a\r\nb\n\r"), 5);
        assert_eq!(grapheme_count(""), 0);
        assert_eq!(
            graphemes("ae\u{301}\r\n").collect::<Vec<_>>(),
            ["a", "e\u{301}", "\r\n"]
        );
        assert_eq!(graphemes("ab").rev().collect::<String>(), "ba");

        assert!(swift_eq("caf\u{E9}", "cafe\u{301}"));
        assert!(swift_eq("", ""));
        assert!(!swift_eq("abc", "abd"));
        assert!(!swift_eq("é", "e"));
        // Canonical ordering of combining marks.
        assert!(swift_eq("a\u{301}\u{316}", "a\u{316}\u{301}"));
        // Compatibility equivalents are not equal.
        assert!(!swift_eq("ﬁ", "fi"));
        assert_eq!(hash_of("caf\u{E9}"), hash_of("cafe\u{301}"));
        assert_eq!(hash_of("abc"), hash_of("abc"));
        assert_ne!(hash_of("ab"), hash_of("abc"));
    }

    #[test]
    fn ordering_is_by_nfc_scalars() {
        assert_eq!(swift_cmp("a", "b"), Ordering::Less);
        assert_eq!(swift_cmp("Z", "a"), Ordering::Less);
        assert_eq!(swift_cmp("ab", "a"), Ordering::Greater);
        assert_eq!(swift_cmp("", "a"), Ordering::Less);
        assert_eq!(swift_cmp("cafe\u{301}", "caf\u{E9}"), Ordering::Equal);
        assert_eq!(swift_cmp("é", "f"), Ordering::Greater);
        assert_eq!(swift_cmp("e\u{301}", "f"), Ordering::Greater);
        assert_eq!(swift_cmp("\u{FFFF}", "😀"), Ordering::Less);
    }

    #[test]
    fn character_classification() {
        for c in ["a", "Z", "é", "e\u{301}", "日", "ᚨ", "ϴ", "ڈ"] {
            assert!(char_is_letter(c), "{c}");
        }
        for c in ["1", " ", "!", "", "😀", "\u{301}"] {
            assert!(!char_is_letter(c), "{c:?}");
        }
        for c in ["7", "⅚", "㊈", "𝟠", "๒", "万", "Ⅻ", "½"] {
            assert!(char_is_number(c), "{c}");
        }
        for c in ["a", "", " ", "-"] {
            assert!(!char_is_number(c), "{c:?}");
        }
        assert_eq!(char_whole_number_value("4"), Some(4));
        assert_eq!(char_whole_number_value("④"), Some(4));
        assert_eq!(char_whole_number_value("万"), Some(10_000));
        assert_eq!(char_whole_number_value("५"), Some(5));
        assert_eq!(char_whole_number_value("๙"), Some(9));
        assert_eq!(char_whole_number_value("Ⅻ"), Some(12));
        assert_eq!(char_whole_number_value("兆"), Some(1_000_000_000_000));
        assert_eq!(char_whole_number_value("\u{5EFE}"), Some(9));
        assert_eq!(char_whole_number_value("½"), None);
        assert_eq!(char_whole_number_value("a"), None);
        assert_eq!(char_whole_number_value("4\u{301}"), None);
        assert!(char_is_whole_number("9"));
        assert!(!char_is_whole_number("x"));

        assert_eq!(char_hex_digit_value("1"), Some(1));
        assert_eq!(char_hex_digit_value("a"), Some(10));
        assert_eq!(char_hex_digit_value("F"), Some(15));
        assert_eq!(char_hex_digit_value("Ｆ"), Some(15));
        assert_eq!(char_hex_digit_value("g"), None);
        assert!(char_is_hex_digit("0"));

        for c in [
            " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2029}", "\u{3000}", "\u{85}",
        ] {
            assert!(char_is_whitespace(c), "{c:?}");
        }
        for c in ["a", "", "\u{200B}"] {
            assert!(!char_is_whitespace(c), "{c:?}");
        }
        assert!(char_is_newline("\n") && char_is_newline("\r\n") && char_is_newline("\u{2028}"));
        assert!(!char_is_newline(" "));

        assert_eq!(char_ascii_value("a"), Some(97));
        assert_eq!(char_ascii_value("\r\n"), Some(10));
        assert_eq!(char_ascii_value("é"), None);
        assert_eq!(char_ascii_value("e\u{301}"), None);
        assert!(char_is_ascii("~") && !char_is_ascii("™"));

        for c in ["!", "؟", "…", "—", "“", ",", "_", "-", "(", "}"] {
            assert!(char_is_punctuation(c), "{c}");
        }
        for c in ["a", "$", "+", "1", " ", ""] {
            assert!(!char_is_punctuation(c), "{c:?}");
        }
    }

    #[test]
    fn character_case() {
        for c in ["A", "É", "E\u{301}", "И", "Π"] {
            assert!(char_is_uppercase(c), "{c}");
            assert!(!char_is_lowercase(c), "{c}");
            assert!(char_is_cased(c), "{c}");
        }
        for c in ["a", "é", "e\u{301}", "и", "π", "ß"] {
            assert!(char_is_lowercase(c), "{c}");
            assert!(!char_is_uppercase(c), "{c}");
        }
        for c in ["1", " ", "日", ""] {
            assert!(
                !char_is_uppercase(c) && !char_is_lowercase(c) && !char_is_cased(c),
                "{c:?}"
            );
        }
        // Titlecase ǅ is cased but neither upper nor lower.
        assert!(char_is_cased("ǅ"));
        assert!(!char_is_uppercase("ǅ") && !char_is_lowercase("ǅ"));
        assert_eq!(char_uppercased("ß"), "SS");
        assert_eq!(char_uppercased("é"), "É");
        assert_eq!(char_lowercased("É"), "é");
        assert_eq!(char_uppercased("1"), "1");
    }

    #[test]
    fn string_case_mapping() {
        assert_eq!(swift_uppercased("straße"), "STRASSE");
        assert_eq!(swift_uppercased("hello, World!"), "HELLO, WORLD!");
        assert_eq!(swift_lowercased("HELLO"), "hello");
        assert_eq!(swift_lowercased("ΣΑΣ"), "σασ");
        assert_eq!(swift_lowercased("İ"), "i\u{307}");
        assert_eq!(swift_uppercased("ŉ"), "ʼN");
        assert_eq!(swift_uppercased("ﬁ"), "FI");
        assert_eq!(swift_uppercased(""), "");
    }

    #[test]
    fn int_parsing() {
        assert_eq!(parse_int("123"), Some(123));
        assert_eq!(parse_int("+123"), Some(123));
        assert_eq!(parse_int("-123"), Some(-123));
        assert_eq!(parse_int("-0"), Some(0));
        assert_eq!(parse_int("007"), Some(7));
        assert_eq!(parse_int("9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse_int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int("9223372036854775808"), None);
        assert_eq!(parse_int("-9223372036854775809"), None);
        for bad in [
            "", "+", "-", " 1", "1 ", "1_000", "1.0", "0x10", "--1", "+-1", "１", "ff",
        ] {
            assert_eq!(parse_int(bad), None, "{bad:?}");
        }
        assert_eq!(parse_int_radix("ff", 16), Some(255));
        assert_eq!(parse_int_radix("-FF", 16), Some(-255));
        assert_eq!(parse_int_radix("07b", 16), Some(123));
        assert_eq!(parse_int_radix("-123", 8), Some(-83));
        assert_eq!(parse_int_radix("+123", 8), Some(83));
        assert_eq!(parse_int_radix("128", 8), None);
        assert_eq!(parse_int_radix("zz", 36), Some(35 * 36 + 35));
        assert_eq!(parse_int_radix("zzzzzzzzzzzzz", 36), None);
        assert_eq!(parse_int_radix("101", 2), Some(5));
        assert_eq!(parse_int_radix("1", 1), None);
        assert_eq!(parse_int_radix("1", 37), None);
    }

    #[test]
    fn int_formatting() {
        assert_eq!(format_int_radix(255, 16, false), "ff");
        assert_eq!(format_int_radix(-255, 16, false), "-ff");
        assert_eq!(format_int_radix(255, 16, true), "FF");
        assert_eq!(format_int_radix(0, 2, false), "0");
        assert_eq!(format_int_radix(5, 2, false), "101");
        assert_eq!(format_int_radix(35, 36, false), "z");
        assert_eq!(
            format_int_radix(i64::MIN, 10, false),
            "-9223372036854775808"
        );
        assert_eq!(
            format_int_radix(i64::MIN, 2, false),
            format!("-1{}", "0".repeat(63))
        );
        assert_eq!(format_int_radix(i64::MAX, 16, false), "7fffffffffffffff");
    }

    #[test]
    #[allow(clippy::approx_constant)]
    fn double_parsing() {
        let ok: &[(&str, f64)] = &[
            ("3.14", 3.14),
            ("-1e5", -1e5),
            ("1E5", 1e5),
            ("1e+5", 1e5),
            ("2.5e-3", 2.5e-3),
            ("1.", 1.0),
            (".5", 0.5),
            ("+.5", 0.5),
            ("1.e2", 100.0),
            ("0", 0.0),
            ("007", 7.0),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("INF", f64::INFINITY),
            ("0x1p3", 8.0),
            ("0X1P-1", 0.5),
            ("0x1.8", 1.5),
            ("0xA.8p-1", 5.25),
            ("0x.8", 0.5),
            ("0x1.", 1.0),
            ("-0x10", -16.0),
            ("1e400", f64::INFINITY),
            ("-1e400", f64::NEG_INFINITY),
            ("1e-400", 0.0),
            ("4.9e-324", 5e-324),
            ("0x1p-1074", 5e-324),
            ("0x1p1023", 8.98846567431158e307),
            ("1\u{0}junk", 1.0),
            (
                "0.1000000000000000055511151231257827021181583404541015625",
                0.1,
            ),
        ];
        for &(text, expected) in ok {
            let got = parse_double(text);
            assert_eq!(got.map(f64::to_bits), Some(expected.to_bits()), "{text:?}");
        }
        assert_eq!(
            parse_double("-0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(
            parse_double("nan").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("-NaN").map(f64::to_bits),
            Some(0xFFF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("nan()").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("nan(0x5)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0005)
        );
        assert_eq!(
            parse_double("nan(12)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_000C)
        );
        assert_eq!(
            parse_double("nan(abc)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("snan").map(f64::to_bits),
            Some(0x7FF4_0000_0000_0000)
        );
        assert_eq!(
            parse_double("-SNaN").map(f64::to_bits),
            Some(0x7FF4_0000_0000_0000)
        );
        for bad in [
            "",
            " 1",
            "1 ",
            "\t1",
            "\n1",
            "1e",
            "1e+",
            "e5",
            ".",
            "+",
            "-",
            "0x",
            "0x.p1",
            "0x1p",
            "0xg",
            "1_000",
            "1,5",
            "infinit",
            "infinityy",
            "nan(",
            "nan(a b)",
            "nanx",
            "+-1",
            "1.2.3",
            "١",
            "--1",
            "0x1.8q",
            "\u{0}1",
            "snan1",
        ] {
            assert_eq!(parse_double(bad).map(f64::to_bits), None, "{bad:?}");
        }
        // A 1-ulp-rounding hex case: 2^53 + 1 rounds to even, 2^53 + 3 up.
        assert_eq!(
            parse_double("0x20000000000001"),
            Some(9_007_199_254_740_992.0)
        );
        assert_eq!(
            parse_double("0x20000000000003"),
            Some(9_007_199_254_740_996.0)
        );
        // Subnormal rounding at the bottom: exactly half the smallest subnormal ties to 0.
        assert_eq!(parse_double("0x1p-1075"), Some(0.0));
        assert_eq!(parse_double("0x1.00001p-1075"), Some(5e-324));
        assert_eq!(parse_double("0x1.fffffffffffff8p1023"), Some(f64::INFINITY));
        assert_eq!(parse_double("0x1.fffffffffffff7p1023"), Some(f64::MAX));
        assert_eq!(
            parse_double("0x0.fffffffffffff8p-1022"),
            Some(f64::MIN_POSITIVE)
        );
    }

    #[test]
    fn printed_doubles_parse_back() {
        for x in [
            0.1,
            1e-5,
            1e16,
            5e-324,
            f64::MAX,
            -2.5e-7,
            9_007_199_254_740_994.0,
        ] {
            assert_eq!(parse_double(&format_double(x)), Some(x));
        }
        assert_eq!(
            parse_double(&format_double(f64::INFINITY)),
            Some(f64::INFINITY)
        );
        assert!(parse_double(&format_double(f64::NAN)).is_some_and(f64::is_nan));
    }

    mod properties {
        use super::super::*;
        use super::hash_of;
        use proptest::prelude::*;

        /// Strings rich in combining marks, joiners, regional indicators, CR/LF and quotes.
        fn tricky_string() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "a",
                "e",
                "Z",
                "1",
                " ",
                "\"",
                "'",
                "\\",
                "\r",
                "\n",
                "\t",
                "\0",
                "\u{7F}",
                "\u{1B}",
                "\u{301}",
                "\u{316}",
                "\u{E9}",
                "\u{200D}",
                "\u{FE0F}",
                "\u{600}",
                "\u{70F}",
                "🇺",
                "🇸",
                "👨",
                "👩",
                "😀",
                "\u{1F3FB}",
                "\u{AC00}",
                "\u{1100}",
                "\u{1161}",
                "\u{11A8}",
                "ß",
                "Σ",
                "İ",
                "ǅ",
                "日",
                "万",
                "\u{903}",
                "\u{915}",
                "\u{94D}",
            ]);
            prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn format_double_round_trips(bits in any::<u64>()) {
                let x = f64::from_bits(bits);
                let text = format_double(x);
                if x.is_finite() {
                    // Rust's parser reads the `e+16` form as well.
                    let back: f64 = text.parse().expect("printed double parses");
                    prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
                    prop_assert_eq!(parse_double(&text).map(f64::to_bits), Some(bits));
                    let exponential = text.contains('e');
                    let magnitude = x.abs();
                    if magnitude > 9_007_199_254_740_992.0 {
                        prop_assert!(exponential, "{}", text);
                    }
                    if (0.0001..=9_007_199_254_740_992.0).contains(&magnitude) {
                        prop_assert!(!exponential, "{}", text);
                        prop_assert!(text.contains('.'), "{}", text);
                    }
                    if exponential {
                        let (mantissa, exponent) = text.split_once('e').unwrap_or(("", ""));
                        prop_assert!(exponent.starts_with('+') || exponent.starts_with('-'));
                        prop_assert!(exponent.len() >= 3);
                        prop_assert!(!mantissa.ends_with('.') && !mantissa.ends_with('0')
                            || mantissa.trim_start_matches('-').len() == 1);
                    }
                } else {
                    prop_assert!(text.ends_with("inf") || text.contains("nan"));
                }
                prop_assert!(text.is_ascii());
            }

            #[test]
            fn decimal_round_trip_of_arbitrary_doubles(x in any::<f64>()) {
                if x.is_finite() {
                    prop_assert_eq!(parse_double(&format!("{x:e}")), Some(x));
                    prop_assert_eq!(parse_double(&format!("{x:?}")), Some(x));
                }
            }

            #[test]
            fn hex_parse_matches_exact_binary(bits in any::<u64>()) {
                let x = f64::from_bits(bits);
                if x.is_finite() && x != 0.0 {
                    // %a-style text of x: 0x1.<52 bits>p<exp> or subnormal 0x0.<bits>p-1022.
                    let exp_bits = (bits >> 52) & 0x7FF;
                    let frac = bits & ((1u64 << 52) - 1);
                    let sign = if x < 0.0 { "-" } else { "" };
                    let text = if exp_bits == 0 {
                        format!("{sign}0x0.{frac:013x}p-1022")
                    } else {
                        format!("{sign}0x1.{frac:013x}p{}", exp_bits as i64 - 1023)
                    };
                    prop_assert_eq!(parse_double(&text).map(f64::to_bits), Some(bits), "{}", text);
                }
            }

            #[test]
            fn every_function_is_total(s in any::<String>(), radix in 0u32..40, n in any::<i64>()) {
                let _ = debug_quote(&s);
                let _ = grapheme_count(&s);
                let _ = graphemes(&s).count();
                let _ = swift_uppercased(&s);
                let _ = swift_lowercased(&s);
                let _ = parse_int(&s);
                let _ = parse_int_radix(&s, radix);
                let _ = parse_double(&s);
                let _ = format_int_radix(n, radix, radix % 2 == 0);
                let _ = hash_of(&s);
                for g in graphemes(&s) {
                    let _ = debug_quote_char(g);
                    let _ = (char_is_letter(g), char_is_number(g), char_is_whitespace(g));
                    let _ = (char_is_uppercase(g), char_is_lowercase(g), char_is_cased(g));
                    let _ = (char_is_punctuation(g), char_is_ascii(g), char_is_newline(g));
                    let _ = (char_hex_digit_value(g), char_whole_number_value(g));
                    let _ = (char_uppercased(g), char_lowercased(g), char_ascii_value(g));
                }
            }

            #[test]
            fn tricky_strings_are_handled(s in tricky_string(), t in tricky_string()) {
                let quoted = debug_quote(&s);
                prop_assert!(quoted.starts_with('"') && quoted.ends_with('"'));
                // The opening and closing quotes are graphemes of their own.
                let gs: Vec<&str> = graphemes(&quoted).collect();
                prop_assert_eq!(gs.first().copied(), Some("\""));
                prop_assert_eq!(gs.last().copied(), Some("\""));
                prop_assert_eq!(grapheme_count(&s), graphemes(&s).count());
                let eq = swift_eq(&s, &t);
                prop_assert_eq!(eq, swift_cmp(&s, &t) == Ordering::Equal);
                prop_assert_eq!(swift_cmp(&s, &t), swift_cmp(&t, &s).reverse());
                if eq {
                    prop_assert_eq!(hash_of(&s), hash_of(&t));
                }
                let nfd: String = s.nfd().collect();
                let nfc: String = s.nfc().collect();
                prop_assert!(swift_eq(&s, &nfd) && swift_eq(&nfc, &nfd));
                prop_assert_eq!(hash_of(&nfd), hash_of(&s));
                prop_assert_eq!(grapheme_count(&nfc), grapheme_count(&nfd));
            }

            #[test]
            fn int_parsing_matches_rust(s in "[+-]?[0-9a-zA-Z]{0,22}", radix in 2u32..=36) {
                prop_assert_eq!(parse_int_radix(&s, radix), i64::from_str_radix(&s, radix).ok());
                prop_assert_eq!(parse_int(&s), s.parse::<i64>().ok());
            }

            #[test]
            fn int_formatting_round_trips(n in any::<i64>(), radix in 2u32..=36, upper in any::<bool>()) {
                let text = format_int_radix(n, radix, upper);
                prop_assert_eq!(parse_int_radix(&text, radix), Some(n));
                if radix == 10 {
                    prop_assert_eq!(text, n.to_string());
                }
            }

            #[test]
            fn decimal_parsing_matches_rust(s in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,4})?") {
                let ours = parse_double(&s).map(f64::to_bits);
                let has_digit = s.bytes().take_while(|&b| b != b'e' && b != b'E').any(|b| b.is_ascii_digit());
                if has_digit {
                    prop_assert_eq!(ours, s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
                } else {
                    prop_assert_eq!(ours, None);
                }
            }
        }
    }
}

/// The grapheme clusters of `s`, each in NFC (canonical equivalence per Character).
fn nfc_graphemes(s: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    graphemes(s).map(|g| g.nfc().collect()).collect()
}

/// `String.hasPrefix`: Character by Character, under canonical equivalence.
pub fn has_prefix(s: &str, prefix: &str) -> bool {
    if s.is_ascii() && prefix.is_ascii() {
        return s.starts_with(prefix);
    }
    let (a, b) = (nfc_graphemes(s), nfc_graphemes(prefix));
    a.len() >= b.len() && a.iter().zip(&b).all(|(x, y)| x == y)
}

/// `String.hasSuffix`: Character by Character, under canonical equivalence.
pub fn has_suffix(s: &str, suffix: &str) -> bool {
    if s.is_ascii() && suffix.is_ascii() {
        return s.ends_with(suffix);
    }
    let (a, b) = (nfc_graphemes(s), nfc_graphemes(suffix));
    a.len() >= b.len() && a[a.len() - b.len()..] == b[..]
}

/// `String.contains(_:)` of a string: a run of whole Characters, under canonical equivalence.
pub fn contains(s: &str, needle: &str) -> bool {
    if s.is_ascii() && needle.is_ascii() {
        return s.contains(needle);
    }
    let (a, b) = (nfc_graphemes(s), nfc_graphemes(needle));
    b.is_empty() || a.windows(b.len()).any(|w| w == &b[..])
}

#[cfg(test)]
mod equivalence_tests {
    use super::*;

    #[test]
    fn affixes_respect_canonical_equivalence() {
        assert!(has_suffix("cafe\u{301}", "\u{E9}"));
        assert!(!has_prefix("\u{E9}", "e"));
        assert!(contains("na\u{EF}ve", "i\u{308}"));
        assert!(has_prefix("hello", "he"));
        assert!(has_suffix("", ""));
    }
}
