//! `Character` properties (`CharacterProperties.swift`).

use super::*;

pub(super) fn first_scalar(c: &str) -> Option<char> {
    c.chars().next()
}

pub(super) fn single_scalar(c: &str) -> Option<char> {
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

pub(super) fn is_uppercased(c: &str) -> bool {
    swift_eq(c, &swift_uppercased(c))
}

pub(super) fn is_lowercased(c: &str) -> bool {
    swift_eq(c, &swift_lowercased(c))
}

/// Unicode's Cased property: Lowercase or Uppercase or General_Category Lt.
pub(super) fn scalar_is_cased(s: char) -> bool {
    s.is_lowercase() || s.is_uppercase() || in_ranges(TITLECASE, u32::from(s))
}
