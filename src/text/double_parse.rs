//! `Double(String)` and floating-point literals: C `strtod` in the C locale.

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
pub(super) fn parse_unsigned_double(b: &[u8]) -> Option<f64> {
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

pub(super) fn starts_with_ignore_case(b: &[u8], prefix: &[u8]) -> bool {
    b.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// After `nan`: nothing, or `(n-char-sequence)` with `[0-9A-Za-z_]*` inside. glibc reads the
/// sequence with `strtoull(seq, &end, 0)` and, when that consumes it all, stores it in the
/// low 51 bits of the quiet NaN.
pub(super) fn parse_nan_suffix(b: &[u8]) -> Option<f64> {
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
pub(super) fn strtoull_base0(s: &[u8]) -> Option<u64> {
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

pub(super) fn strip_hex_prefix(b: &[u8]) -> Option<&[u8]> {
    b.strip_prefix(b"0x").or_else(|| b.strip_prefix(b"0X"))
}

/// `digits [. digits] [(e|E) [sign] digits]`, at least one mantissa digit, all of `b`.
pub(super) fn parse_decimal_double(b: &[u8]) -> Option<f64> {
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
pub(super) fn parse_hex_double(b: &[u8]) -> Option<f64> {
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
pub(super) fn compose_binary(mantissa: u64, exponent: i64, sticky: bool) -> f64 {
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
