//! Finding where a string literal ends (used by the lexer): Swift's
//! `skipToEndOfInterpolatedExpression` as an explicit stack machine (no recursion), matching
//! quotes and parentheses through nested interpolations such as `"a \("b \(1 + 2)") c"`, and
//! extended delimiters (`#"..."#`, `##"""` ... `"""##`: only `"` followed by as many `#` as
//! opened it closes the literal, and only `\` followed by them starts an escape or an
//! interpolation). Nesting deeper than [`MAX_INTERPOLATION_DEPTH`] string literals is an
//! error, so everything downstream that recurses per interpolation level is bounded.
//!
//! Allocates only a small stack on the global allocator. Never panics on any input: every
//! index is checked, and the scanner stops only at ASCII bytes, so every position it returns
//! is a `char` boundary.

#![forbid(unsafe_code)]

use super::error::{LexError, LexErrorKind};

/// How many string literals may nest inside one another through interpolations
/// (`"\("\("...")")"`). The outermost literal counts as one.
pub const MAX_INTERPOLATION_DEPTH: usize = 256;

/// Why a scan stopped: the error, and where the lexer should resume (always a `char`
/// boundary: a line break or the end of the input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ScanError {
    /// The error, with its span in the scanned text's coordinates.
    pub error: LexError,
    /// Where lexing can continue.
    pub resume: usize,
}

/// One level of the scanner's stack.
#[derive(Clone, Copy, Debug)]
enum Frame {
    /// Inside a string literal's text. `start` is its first byte (a `#` of its delimiter or
    /// its opening quote); `hashes` is how many `#` its delimiter has.
    Str {
        multiline: bool,
        start: usize,
        hashes: usize,
    },
    /// Inside an interpolated expression: open parentheses, and whether the enclosing string
    /// is multi-line (only then may the expression contain a line break).
    Code { parens: usize, allow_newline: bool },
}

/// Whether `src[i..]` starts with `"""`.
pub(crate) fn triple_quote_at(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3) == Some(b"\"\"\"".as_slice())
}

/// How many `#` start at `i`.
pub(crate) fn hashes_at(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| c == b'#').count())
}

/// Whether `n` `#` follow at `i` (always true for `n == 0`).
fn delimiter_at(b: &[u8], i: usize, n: usize) -> bool {
    hashes_at(b, i) >= n
}

/// Finds the end (exclusive) of the string literal whose first byte (its opening quote, or
/// the first `#` of an extended delimiter) is `src[start]`.
pub(crate) fn scan_literal(src: &str, start: usize) -> Result<usize, ScanError> {
    let b = src.as_bytes();
    let hashes = hashes_at(b, start);
    let quote = start + hashes;
    let multiline = triple_quote_at(b, quote);
    let first = Frame::Str {
        multiline,
        start,
        hashes,
    };
    scan(src, quote + if multiline { 3 } else { 1 }, first)
}

/// Finds the `)` that ends the interpolated expression starting at `src[start]` (just after
/// `\(`), inside a multi-line string or not. Returns the `)`'s position.
pub(crate) fn scan_interpolation(
    src: &str,
    start: usize,
    multiline: bool,
) -> Result<usize, ScanError> {
    scan(
        src,
        start,
        Frame::Code {
            parens: 0,
            allow_newline: multiline,
        },
    )
}

/// The stack machine behind both scans. Returns the position after the closing delimiter of
/// the initial string frame, or the position of the `)` closing the initial code frame.
fn scan(src: &str, mut i: usize, first: Frame) -> Result<usize, ScanError> {
    let b = src.as_bytes();
    let mut stack = vec![first];
    let mut str_depth = usize::from(matches!(first, Frame::Str { .. }));
    loop {
        let Some(&top) = stack.last() else {
            // Unreachable: the function returns when the initial frame is popped.
            return Ok(i.min(b.len()));
        };
        let Some(&byte) = b.get(i) else {
            return Err(unterminated(src, &stack, b.len()));
        };
        match top {
            Frame::Str {
                multiline, hashes, ..
            } => match byte {
                // Without its delimiter's `#`s a backslash is text.
                b'\\' if !delimiter_at(b, i + 1, hashes) => i += 1,
                b'\\' => {
                    let at = i + 1 + hashes;
                    match b.get(at) {
                        Some(b'(') => {
                            if str_depth >= MAX_INTERPOLATION_DEPTH {
                                let resume = line_end(b, i);
                                let error =
                                    LexError::new(LexErrorKind::InterpolationTooDeep, i..at + 1);
                                return Err(ScanError { error, resume });
                            }
                            stack.push(Frame::Code {
                                parens: 0,
                                allow_newline: multiline,
                            });
                            i = at + 1;
                        }
                        // A backslash does not hide a line break from a single-line string.
                        Some(b'\n' | b'\r') if !multiline => {
                            return Err(unterminated(src, &stack, at));
                        }
                        // Skip the escaped byte (continuation bytes of a multi-byte
                        // character never match a delimiter, so skipping one byte of it is
                        // harmless).
                        Some(_) => i = at + 1,
                        None => i = at,
                    }
                }
                b'"' => {
                    let close = if !multiline {
                        delimiter_at(b, i + 1, hashes).then_some(i + 1 + hashes)
                    } else if triple_quote_at(b, i)
                        && (if hashes == 0 {
                            b.get(i + 3) != Some(&b'"')
                        } else {
                            delimiter_at(b, i + 3, hashes)
                        })
                    {
                        Some(i + 3 + hashes)
                    } else {
                        None
                    };
                    let Some(after) = close else {
                        i += 1;
                        continue;
                    };
                    i = after;
                    stack.pop();
                    str_depth -= 1;
                    if stack.is_empty() {
                        return Ok(i);
                    }
                }
                b'\n' | b'\r' if !multiline => return Err(unterminated(src, &stack, i)),
                _ => i += 1,
            },
            Frame::Code {
                parens,
                allow_newline,
            } => match byte {
                b'(' => {
                    set_parens(&mut stack, parens + 1);
                    i += 1;
                }
                b')' => {
                    if parens == 0 {
                        stack.pop();
                        if stack.is_empty() {
                            return Ok(i);
                        }
                    } else {
                        set_parens(&mut stack, parens - 1);
                    }
                    i += 1;
                }
                b'"' | b'#' => {
                    let hashes = hashes_at(b, i);
                    if b.get(i + hashes) != Some(&b'"') {
                        i += hashes.max(1);
                        continue;
                    }
                    if str_depth >= MAX_INTERPOLATION_DEPTH {
                        let resume = line_end(b, i);
                        let error = LexError::new(LexErrorKind::InterpolationTooDeep, i..i + 1);
                        return Err(ScanError { error, resume });
                    }
                    let multiline = triple_quote_at(b, i + hashes);
                    stack.push(Frame::Str {
                        multiline,
                        start: i,
                        hashes,
                    });
                    str_depth += 1;
                    i += hashes + if multiline { 3 } else { 1 };
                }
                b'\n' | b'\r' if !allow_newline => return Err(unterminated(src, &stack, i)),
                _ => i += 1,
            },
        }
    }
}

fn set_parens(stack: &mut [Frame], n: usize) {
    if let Some(Frame::Code { parens, .. }) = stack.last_mut() {
        *parens = n;
    }
}

/// The position of the line break at or after `i`, or the end.
fn line_end(b: &[u8], i: usize) -> usize {
    let i = i.min(b.len());
    b[i..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .map_or(b.len(), |p| i + p)
}

/// "unterminated string literal" at the innermost open string's opening delimiter.
fn unterminated(src: &str, stack: &[Frame], resume: usize) -> ScanError {
    let span = stack
        .iter()
        .rev()
        .find_map(|f| match *f {
            Frame::Str {
                multiline,
                start,
                hashes,
            } => Some(start..start + hashes + if multiline { 3 } else { 1 }),
            Frame::Code { .. } => None,
        })
        .unwrap_or(resume..resume);
    let resume = resume.min(src.len());
    ScanError {
        error: LexError::new(LexErrorKind::UnterminatedString, span),
        resume,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_literal_finds_ends() {
        let s = r#""abc" rest"#;
        assert_eq!(scan_literal(s, 0), Ok(5));
        let s = r#""a \("b \(1 + 2)") c" x"#;
        assert_eq!(scan_literal(s, 0), Ok(s.len() - 2));
        let s = "\"\"\"\n a \"\" \"\n\"\"\" x";
        assert_eq!(scan_literal(s, 0), Ok(s.len() - 2));
        let s = "\"\"\"\nx\"\"\"\" x";
        assert_eq!(scan_literal(s, 0), Ok(s.len() - 2));
        let s = r#""a\"b" x"#;
        assert_eq!(scan_literal(s, 0), Ok(6));
    }

    #[test]
    fn scan_literal_errors() {
        let e = scan_literal("\"abc\nx", 0).unwrap_err();
        assert_eq!(e.error.kind, LexErrorKind::UnterminatedString);
        assert_eq!(e.error.span, 0..1);
        assert_eq!(e.resume, 4);
        let e = scan_literal("x = \"\"\"\nabc", 4).unwrap_err();
        assert_eq!(e.error.span, 4..7);
        assert_eq!(e.resume, 11);
        // An interpolation cannot span lines in a single-line string.
        let e = scan_literal("\"a \\(1 +\n 2)\"", 0).unwrap_err();
        assert_eq!(e.error.span, 0..1);
        assert_eq!(e.resume, 8);
        // The innermost unterminated string is named.
        let e = scan_literal("\"a \\(\"b", 0).unwrap_err();
        assert_eq!(e.error.span, 5..6);
        let e = scan_literal("\"abc\\", 0).unwrap_err();
        assert_eq!(e.resume, 5);
    }

    #[test]
    fn deep_interpolation_is_bounded() {
        let n = 10_000;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str("\"\\(");
        }
        for _ in 0..n {
            s.push_str(")\"");
        }
        let e = scan_literal(&s, 0).unwrap_err();
        assert_eq!(e.error.kind, LexErrorKind::InterpolationTooDeep);
        // Exactly the limit is fine.
        let n = MAX_INTERPOLATION_DEPTH;
        let mut s = String::new();
        for _ in 0..n - 1 {
            s.push_str("\"\\(");
        }
        s.push_str("\"x\"");
        for _ in 0..n - 1 {
            s.push_str(")\"");
        }
        assert_eq!(scan_literal(&s, 0), Ok(s.len()));
    }
}
