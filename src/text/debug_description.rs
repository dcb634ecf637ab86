//! `debugDescription`: how strings print inside collections.

use super::*;

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
pub(super) fn close_quote(result: &mut String) {
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
pub(super) fn breaks_after_ascii(scalar: char) -> bool {
    let mut pair = String::with_capacity(5);
    pair.push('a');
    pair.push(scalar);
    pair.graphemes(true).nth(1).is_some()
}

/// `Unicode.Scalar._escaped(asASCII:)`: appends the escape and returns true, or returns false
/// when the scalar is written as itself.
pub(super) fn push_escaped(out: &mut String, scalar: char, force_ascii: bool) -> bool {
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
pub(super) fn push_escaped_ascii(out: &mut String, scalar: char) {
    if !push_escaped(out, scalar, true) {
        out.push(scalar);
    }
}

/// `\u{` + `digits` uppercase hex digits of `value` + `}`.
pub(super) fn push_unicode_escape(out: &mut String, value: u32, digits: u32) {
    out.push_str("\\u{");
    for i in (0..digits).rev() {
        let nibble = (value >> (4 * i)) & 0xF;
        out.push(char::from_digit(nibble, 16).map_or('0', |c| c.to_ascii_uppercase()));
    }
    out.push('}');
}
