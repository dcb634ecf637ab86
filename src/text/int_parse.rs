//! Integer text: `Int(String)`, `Int(_:radix:)`.

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
