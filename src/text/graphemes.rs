//! Grapheme clusters, canonical equivalence, ordering and hashing of strings.

use super::*;

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

pub(super) fn is_known_nfc(s: &str) -> bool {
    is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// The grapheme clusters of `s`, each in NFC (canonical equivalence per Character).
pub(super) fn nfc_graphemes(s: &str) -> Vec<String> {
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
