//! Case mapping (`uppercased()`, `lowercased()`).

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
