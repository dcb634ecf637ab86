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

/// `String(i)` / `"\(i)"` without a heap string: the decimal digits of `i` written at the end
/// of `buf` (20 bytes hold `-9223372036854775808`), returned as text.
pub fn int_text(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = i.unsigned_abs();
    let mut start = buf.len();
    loop {
        start -= 1;
        if let Some(b) = buf.get_mut(start) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        start -= 1;
        if let Some(b) = buf.get_mut(start) {
            *b = b'-';
        }
    }
    // Only ASCII digits and '-' were written.
    std::str::from_utf8(buf.get(start..).unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod int_text_tests {
    use super::int_text;

    #[test]
    fn prints_like_display() {
        for i in [0, 7, -7, 10, 99, -100, 1_234_567, i64::MAX, i64::MIN] {
            assert_eq!(int_text(i, &mut [0; 20]), i.to_string());
        }
    }
}

/// How many bytes [`int_text`] writes for `i`.
pub fn int_text_len(i: i64) -> usize {
    let mut n = i.unsigned_abs();
    let mut len = usize::from(i < 0) + 1;
    while n >= 10 {
        n /= 10;
        len += 1;
    }
    len
}

#[cfg(test)]
mod int_text_len_tests {
    #[test]
    fn counts_what_int_text_writes() {
        for i in [0, 9, 10, -1, -10, 12_345, i64::MAX, i64::MIN] {
            assert_eq!(
                super::int_text_len(i),
                super::int_text(i, &mut [0; 20]).len()
            );
        }
    }
}
