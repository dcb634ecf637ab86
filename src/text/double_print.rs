//! How a `Double` prints (`description`, shortest round trip).

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
pub(super) fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
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
pub(super) fn layout_decimal(
    negative: bool,
    digits: &[u8],
    exponent: i32,
    force_exponential: bool,
) -> String {
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

pub(super) fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&b| char::from(b)));
}
