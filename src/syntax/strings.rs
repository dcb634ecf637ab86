//! String literals: decoding a literal's text (used by the parser, and by the lexer to
//! report every error of a file) into literal text and interpolated-expression ranges:
//! escapes, interpolation ranges, extended delimiters (`#"..."#`: escapes and
//! interpolations are `\#n`, `\#(x)`, a bare `\` is text), and the multi-line rules
//! (indentation stripping by the closing delimiter's indentation, the dropped first and last
//! newlines, `\` line continuations). Where a literal ends is `string_scan`'s business.
//!
//! Allocates only the decoded `String`s, on the global allocator (callers run it inside
//! their subsystem's scope). Never panics on any input: every index is checked.

#![forbid(unsafe_code)]

use std::ops::Range;

use super::error::{IndentMistake, LexError, LexErrorKind};
pub(crate) use super::string_scan::scan_literal;
pub use super::string_scan::MAX_INTERPOLATION_DEPTH;
use super::string_scan::{hashes_at, scan_interpolation, triple_quote_at};

/// A piece of a decoded string literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrPart {
    /// Literal text, escapes decoded. Adjacent text is merged into one part, and no part is
    /// empty.
    Text(String),
    /// An interpolation `\( expr )`: the absolute byte range of `expr` in the source file
    /// (between `\(` and its matching `)`), for the parser to lex and parse.
    Interp(Range<usize>),
}

/// Decodes a string literal's source text `raw` (with its quotes, as in `Tok::Str`), which
/// starts at byte `offset` of the source file. Error and interpolation ranges are absolute.
///
/// An empty literal (`""`, or a multi-line one with no lines) gives an empty `Vec`. Text
/// parts are merged and never empty; `\r\n` line breaks in multi-line text become `\n`.
pub fn decode(raw: &str, offset: usize) -> Result<Vec<StrPart>, Vec<LexError>> {
    let (parts, errors) = decode_lenient(raw, offset);
    if errors.is_empty() {
        Ok(parts)
    } else {
        Err(errors)
    }
}

/// [`decode`], returning what could be decoded beside the errors (the interpolation ranges
/// found are sound), so that the lexer can go on checking the interpolations of a literal
/// that has errors of its own.
pub(crate) fn decode_lenient(raw: &str, offset: usize) -> (Vec<StrPart>, Vec<LexError>) {
    let b = raw.as_bytes();
    let hashes = hashes_at(b, 0);
    let mut d = Decoder {
        raw,
        offset,
        hashes,
        parts: Vec::new(),
        text: String::new(),
        errors: Vec::new(),
    };
    // Whether `raw` ends with `quotes` and exactly the opening's `#`s, leaving room for the
    // opening delimiter.
    let closes = |quotes: &str| {
        raw.len() >= 2 * (quotes.len() + hashes)
            && raw
                .get(raw.len() - hashes - quotes.len()..)
                .is_some_and(|tail| {
                    tail.starts_with(quotes) && hashes_at(tail.as_bytes(), quotes.len()) == hashes
                })
    };
    if triple_quote_at(b, hashes) {
        if closes("\"\"\"") {
            d.multiline();
        } else {
            d.error(LexErrorKind::UnterminatedString, 0..hashes + 3);
        }
    } else if b.get(hashes) == Some(&b'"') && closes("\"") {
        d.single_line();
    } else {
        d.error(
            LexErrorKind::UnterminatedString,
            0..raw.len().min(hashes + 1),
        );
    }
    d.flush();
    (d.parts, d.errors)
}

/// Decoding state. Positions are relative to `raw` until they go into an error or part.
struct Decoder<'r> {
    raw: &'r str,
    offset: usize,
    /// The `#`s of an extended delimiter (`#"..."#`): escapes are then `\#n`, `\#(x)`.
    hashes: usize,
    parts: Vec<StrPart>,
    /// Text not yet pushed as a part.
    text: String,
    errors: Vec<LexError>,
}

impl Decoder<'_> {
    fn error(&mut self, kind: LexErrorKind, span: Range<usize>) {
        let span = self.offset + span.start..self.offset + span.end;
        self.errors.push(LexError::new(kind, span));
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.parts
                .push(StrPart::Text(std::mem::take(&mut self.text)));
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.raw.as_bytes().get(i).copied()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.raw.get(i..).and_then(|s| s.chars().next())
    }

    /// If the `\` at `i` starts an escape (it is followed by the delimiter's `#`s), the
    /// position of the escaped character.
    fn escape_at(&self, i: usize) -> Option<usize> {
        let after = i + 1;
        (self.byte(i) == Some(b'\\') && hashes_at(self.raw.as_bytes(), after) >= self.hashes)
            .then_some(after + self.hashes)
    }

    fn single_line(&mut self) {
        let end = self.raw.len() - 1 - self.hashes;
        let mut i = 1 + self.hashes;
        while i < end {
            if let Some(at) = self.escape_at(i) {
                i = self.escape(i, at, end, false);
                continue;
            }
            i = match self.byte(i) {
                Some(b'\n' | b'\r') => {
                    self.error(LexErrorKind::UnterminatedString, 0..1);
                    i + 1
                }
                _ => self.plain_char(i, false),
            };
        }
    }

    /// One ordinary character at `i`; returns the position after it.
    fn plain_char(&mut self, i: usize, multiline: bool) -> usize {
        let Some(c) = self.char_at(i) else {
            return i + 1;
        };
        let printable = !c.is_ascii_control() || (multiline && c == '\t');
        if printable {
            self.text.push(c);
        } else {
            self.error(LexErrorKind::UnprintableCharacter, i..i + c.len_utf8());
        }
        i + c.len_utf8()
    }

    /// An escape or interpolation starting with the `\` at `i`, its escaped character at
    /// `at` (after the delimiter's `#`s), in text ending at `end`. Returns the position after
    /// it.
    fn escape(&mut self, i: usize, at: usize, end: usize, multiline: bool) -> usize {
        if self.hashes > 0 && self.byte(at) == Some(b'#') {
            // swiftc: the extra `#`, then the `#` as an escape character.
            self.error(LexErrorKind::EscapeDelimiter, at..at + 1);
            self.error(LexErrorKind::InvalidEscape, at..at + 1);
            return at + 1;
        }
        let Some(c) = self.char_at(at).filter(|_| at < end) else {
            self.error(LexErrorKind::InvalidEscape, i..at);
            return at;
        };
        let simple = match c {
            '0' => Some('\0'),
            '\\' => Some('\\'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            '"' => Some('"'),
            '\'' => Some('\''),
            _ => None,
        };
        if let Some(ch) = simple {
            self.text.push(ch);
            return at + 1;
        }
        match c {
            '(' => self.interpolation(at, end, multiline),
            'u' => self.unicode_escape(i, at, end),
            _ => {
                let len = if c.is_ascii_alphanumeric() { 1 } else { 0 };
                self.error(LexErrorKind::InvalidEscape, i..at + len);
                at + len
            }
        }
    }

    /// `\( expr )`, its `(` at `open`.
    fn interpolation(&mut self, open: usize, end: usize, multiline: bool) -> usize {
        match scan_interpolation(self.raw, open + 1, multiline) {
            Ok(close) if close < end => {
                self.flush();
                let range = self.offset + open + 1..self.offset + close;
                self.parts.push(StrPart::Interp(range));
                close + 1
            }
            Ok(_) | Err(_) => {
                // `tokenize` never produces such a literal; report and skip the rest.
                self.error(LexErrorKind::UnterminatedString, 0..1);
                end
            }
        }
    }

    /// `\u{XXXX}` at `i`, its `u` at `u`.
    fn unicode_escape(&mut self, i: usize, u: usize, end: usize) -> usize {
        let brace = u + 1;
        if self.byte(brace) != Some(b'{') || brace >= end {
            self.error(LexErrorKind::UnicodeEscapeBraces, i..brace);
            return brace;
        }
        let digits_start = brace + 1;
        let mut j = digits_start;
        while j < end && self.byte(j).is_some_and(|c| c.is_ascii_hexdigit()) {
            j += 1;
        }
        if self.byte(j) != Some(b'}') || j >= end {
            self.error(LexErrorKind::UnicodeEscapeRBrace, i..j);
            return j;
        }
        let after = j + 1;
        let digits = &self.raw[digits_start..j];
        if digits.is_empty() || digits.len() > 8 {
            self.error(LexErrorKind::UnicodeEscapeDigits, i..after);
            return after;
        }
        match u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
        {
            Some(ch) => self.text.push(ch),
            None => self.error(LexErrorKind::InvalidUnicodeScalar, i..after),
        }
        after
    }

    fn multiline(&mut self) {
        let b = self.raw.as_bytes();
        let open = 3 + self.hashes;
        let end = self.raw.len() - open;
        // The opening line: nothing but spaces and tabs after `"""`.
        let mut i = open;
        while matches!(self.byte(i), Some(b' ' | b'\t')) && i < end {
            i += 1;
        }
        let content_start = match self.byte(i) {
            Some(b'\r') if i < end && self.byte(i + 1) == Some(b'\n') => i + 2,
            Some(b'\n' | b'\r') if i < end => i + 1,
            _ => {
                self.error(
                    LexErrorKind::MultilineStringStart,
                    open..(open + 1).min(self.raw.len()),
                );
                open
            }
        };
        let opened_cleanly = content_start != open;
        // The closing line: nothing but the indentation before `"""`.
        let mut k = end;
        while k > content_start && matches!(b[k - 1], b' ' | b'\t') {
            k -= 1;
        }
        let (indent, content_end) = if k > content_start && matches!(b[k - 1], b'\n' | b'\r') {
            let mut nl = k - 1;
            if b[nl] == b'\n' && nl > content_start && b[nl - 1] == b'\r' {
                nl -= 1;
            }
            (k..end, nl)
        } else if k == content_start && opened_cleanly {
            (k..end, content_start)
        } else {
            self.error(LexErrorKind::MultilineStringEnd, end..end + 3);
            (end..end, end)
        };
        self.lines(content_start, content_end, indent, end, opened_cleanly);
    }

    /// The content of a multi-line string: `start..end` (the first and last newlines already
    /// excluded), each line's `indent` stripped. `close` is the closing delimiter's position;
    /// `opened_cleanly` says whether content starts on a line of its own.
    fn lines(
        &mut self,
        start: usize,
        end: usize,
        indent: Range<usize>,
        close: usize,
        opened_cleanly: bool,
    ) {
        let raw = self.raw;
        let b = raw.as_bytes();
        let indent_bytes = &b[indent];
        let mut i = start;
        // After an opening-line error the first line is not a content line of its own.
        let mut at_line_start = opened_cleanly;
        while i < end {
            if at_line_start {
                at_line_start = false;
                i = self.strip_indent(i, end, indent_bytes);
                continue;
            }
            if let Some(at) = self.escape_at(i) {
                let next = self.byte(at).filter(|_| at < end);
                if matches!(next, None | Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    i = self.line_continuation(i, at, end, close, &mut at_line_start);
                } else {
                    i = self.escape(i, at, end, true);
                }
                continue;
            }
            match b[i] {
                b'\r' => {
                    self.text.push('\n');
                    i += if self.byte(i + 1) == Some(b'\n') && i + 1 < end {
                        2
                    } else {
                        1
                    };
                    at_line_start = true;
                }
                b'\n' => {
                    self.text.push('\n');
                    i += 1;
                    at_line_start = true;
                }
                _ => i = self.plain_char(i, true),
            }
        }
    }

    /// A `\\` at `i` (its delimiter's `#`s ending at `at`) followed by spaces or tabs and a
    /// line break: a line continuation. Returns where to continue.
    fn line_continuation(
        &mut self,
        i: usize,
        at: usize,
        end: usize,
        close: usize,
        at_line_start: &mut bool,
    ) -> usize {
        let b = self.raw.as_bytes();
        let mut j = at;
        while j < end && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        if j < end {
            if b[j] == b'\r' || b[j] == b'\n' {
                *at_line_start = true;
                return if b[j] == b'\r' && j + 1 < end && b[j + 1] == b'\n' {
                    j + 2
                } else {
                    j + 1
                };
            }
            self.error(LexErrorKind::InvalidEscape, i..at + 1);
            return at;
        }
        if end < close {
            // Only the dropped last newline follows.
            self.error(LexErrorKind::EscapedNewlineAtLastLine, i..i + 1);
        } else {
            self.error(LexErrorKind::InvalidEscape, i..i + 1);
        }
        end
    }

    /// Strips the indentation at the start of the line at `i`; returns where content starts.
    fn strip_indent(&mut self, i: usize, end: usize, indent: &[u8]) -> usize {
        let b = self.raw.as_bytes();
        let line = &b[i..end];
        let matched = indent.iter().zip(line).take_while(|(a, c)| a == c).count();
        if matched == indent.len() {
            return i + matched;
        }
        // A line of nothing but whitespace may be shorter than the indentation.
        let ws = line
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        if matches!(line.get(ws), None | Some(b'\n' | b'\r')) {
            return i + ws;
        }
        let mistake = match line.get(matched) {
            Some(b' ') => IndentMistake::UnexpectedSpace,
            Some(b'\t') => IndentMistake::UnexpectedTab,
            _ => IndentMistake::Insufficient,
        };
        let at = i + matched;
        self.error(LexErrorKind::MultilineIndent(mistake), at..at + 1);
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> StrPart {
        StrPart::Text(s.to_string())
    }

    fn ok(raw: &str) -> Vec<StrPart> {
        match decode(raw, 0) {
            Ok(parts) => parts,
            Err(e) => panic!("decode({raw:?}) failed: {e:?}"),
        }
    }

    fn errs(raw: &str) -> Vec<(LexErrorKind, Range<usize>)> {
        match decode(raw, 0) {
            Ok(parts) => panic!("decode({raw:?}) succeeded: {parts:?}"),
            Err(e) => e.into_iter().map(|e| (e.kind, e.span)).collect(),
        }
    }

    fn one(raw: &str) -> String {
        match ok(raw).as_slice() {
            [] => String::new(),
            [StrPart::Text(t)] => t.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_string_is_no_parts() {
        assert_eq!(ok("\"\""), vec![]);
        assert_eq!(ok("\"\"\"\n\"\"\""), vec![]);
        assert_eq!(ok("\"\"\"\n    \"\"\""), vec![]);
    }

    #[test]
    fn plain_and_unicode_text() {
        assert_eq!(one("\"hello, world\""), "hello, world");
        assert_eq!(one("\"café 😀\""), "café 😀");
        assert_eq!(one("\"it's\""), "it's");
    }

    #[test]
    fn every_escape() {
        assert_eq!(one(r#""\0\\\t\n\r\"\'""#), "\0\\\t\n\r\"'");
        assert_eq!(one(r#""\u{1F600}""#), "😀");
        assert_eq!(one(r#""\u{41}\u{e9}""#), "Aé");
        assert_eq!(one(r#""\u{0}""#), "\0");
        assert_eq!(one(r#""\u{0010FFFF}""#), "\u{10FFFF}");
    }

    #[test]
    fn escape_errors_with_spans() {
        assert_eq!(errs(r#""a\qb""#), vec![(LexErrorKind::InvalidEscape, 2..4)]);
        assert_eq!(
            errs(r#""\u{}""#),
            vec![(LexErrorKind::UnicodeEscapeDigits, 1..5)]
        );
        assert_eq!(
            errs(r#""\u{123456789}""#),
            vec![(LexErrorKind::UnicodeEscapeDigits, 1..14)]
        );
        assert_eq!(
            errs(r#""\u{D800}""#),
            vec![(LexErrorKind::InvalidUnicodeScalar, 1..9)]
        );
        assert_eq!(
            errs(r#""\u{110000}""#),
            vec![(LexErrorKind::InvalidUnicodeScalar, 1..11)]
        );
        assert_eq!(
            errs(r#""\u41""#),
            vec![(LexErrorKind::UnicodeEscapeBraces, 1..3)]
        );
        assert_eq!(
            errs(r#""\u{41""#),
            vec![(LexErrorKind::UnicodeEscapeRBrace, 1..6)]
        );
        assert_eq!(
            errs(r#""\u{4g}""#),
            vec![(LexErrorKind::UnicodeEscapeRBrace, 1..5)]
        );
        assert_eq!(
            errs("\"a\tb\""),
            vec![(LexErrorKind::UnprintableCharacter, 2..3)]
        );
        // Several errors in one literal, with the file offset applied.
        let e = decode(r#""\q \u{D800} \z""#, 100).unwrap_err();
        let spans: Vec<_> = e.iter().map(|e| e.span.clone()).collect();
        assert_eq!(spans, vec![101..103, 104..112, 113..115]);
    }

    #[test]
    fn interpolation_ranges_are_absolute() {
        let raw = r#""a \(x) b""#;
        assert_eq!(ok(raw), vec![text("a "), StrPart::Interp(5..6), text(" b")]);
        let parts = decode(raw, 10).unwrap();
        assert_eq!(parts[1], StrPart::Interp(15..16));
        assert_eq!(ok(r#""\(x)""#), vec![StrPart::Interp(3..4)]);
        assert_eq!(
            ok(r#""\(a)\(b)""#),
            vec![StrPart::Interp(3..4), StrPart::Interp(7..8)]
        );
        // Parentheses and strings inside the expression.
        let raw = r#""v: \(f((1), ")")) end""#;
        let parts = ok(raw);
        let StrPart::Interp(r) = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(&raw[r.clone()], r#"f((1), ")")"#);
    }

    #[test]
    fn nested_interpolation() {
        let raw = r#""a \("b \(1 + 2)") c""#;
        let parts = ok(raw);
        assert_eq!(parts.len(), 3);
        let StrPart::Interp(r) = &parts[1] else {
            panic!("{parts:?}")
        };
        let inner = &raw[r.clone()];
        assert_eq!(inner, r#""b \(1 + 2)""#);
        let inner_parts = decode(inner, r.start).unwrap();
        let StrPart::Interp(r2) = &inner_parts[1] else {
            panic!("{inner_parts:?}")
        };
        assert_eq!(&raw[r2.clone()], "1 + 2");
        assert_eq!(parts[0], text("a "));
        assert_eq!(parts[2], text(" c"));
    }

    #[test]
    fn text_parts_are_merged() {
        assert_eq!(ok(r#""a\nb\tc""#), vec![text("a\nb\tc")]);
    }

    #[test]
    fn extended_delimiters() {
        // A bare backslash and quotes are text; `\#` starts escapes and interpolations.
        assert_eq!(one(r##"#"a\nb "q" \#t"#"##), "a\\nb \"q\" \t");
        assert_eq!(one(r###"##"\#n \##n"##"###), "\\#n \n");
        assert_eq!(
            ok(r##"#"x \(1) \#(2)"#"##),
            vec![text("x \\(1) "), StrPart::Interp(12..13)]
        );
        assert_eq!(one(r##"#"\#u{41}"#"##), "A");
        let multi = "#\"\"\"\n  a \\n \"\"\"\n  b\\#tc\n  \"\"\"#";
        assert_eq!(one(multi), "a \\n \"\"\"\nb\tc");
        // A continuation is `\#` at the line's end.
        let cont = "#\"\"\"\na \\#\nb\n\"\"\"#";
        assert_eq!(one(cont), "a b");
        assert_eq!(
            errs(r##"#"\##n"#"##),
            vec![
                (LexErrorKind::EscapeDelimiter, 4..5),
                (LexErrorKind::InvalidEscape, 4..5)
            ]
        );
    }

    #[test]
    fn multiline_strips_indentation() {
        let raw = "\"\"\"\n    Hello\n      world\n    \"\"\"";
        assert_eq!(one(raw), "Hello\n  world");
        let raw = "\"\"\"\nno indent\n\"\"\"";
        assert_eq!(one(raw), "no indent");
        // Empty and whitespace-only lines may be shorter.
        let raw = "\"\"\"\n    a\n\n  \n    b\n    \"\"\"";
        assert_eq!(one(raw), "a\n\n\nb");
        // A trailing empty line keeps its newline; only the last one is dropped.
        let raw = "\"\"\"\n  a\n\n  \"\"\"";
        assert_eq!(one(raw), "a\n");
        // Tabs, CRLF.
        let raw = "\"\"\"\r\n\ta\r\n\t\tb\r\n\t\"\"\"";
        assert_eq!(one(raw), "a\n\tb");
        // Trailing spaces after the opening delimiter are accepted.
        let raw = "\"\"\"  \n  x\n  \"\"\"";
        assert_eq!(one(raw), "x");
    }

    #[test]
    fn multiline_quotes_escapes_and_continuations() {
        let raw = "\"\"\"\n  He said \"hi\" and \"\"ok\"\"\n  \"\"\"";
        assert_eq!(one(raw), "He said \"hi\" and \"\"ok\"\"");
        let raw = "\"\"\"\n  one \\\n  two\n  \"\"\"";
        assert_eq!(one(raw), "one two");
        let raw = "\"\"\"\n  one \\   \n  two\n  \"\"\"";
        assert_eq!(one(raw), "one two");
        let raw = "\"\"\"\n  tab\\tnl\\n\\u{41}\n  \"\"\"";
        assert_eq!(one(raw), "tab\tnl\nA");
        let raw = "\"\"\"\n  x\"\"y\"\n  \"\"\"";
        assert_eq!(one(raw), "x\"\"y\"");
    }

    #[test]
    fn multiline_interpolation() {
        let raw = "\"\"\"\n  a \\(x +\n y) b\n  c\n  \"\"\"";
        let parts = ok(raw);
        assert_eq!(parts.len(), 3, "{parts:?}");
        let StrPart::Interp(r) = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(&raw[r.clone()], "x +\n y");
        assert_eq!(parts[0], text("a "));
        assert_eq!(parts[2], text(" b\nc"));
    }

    #[test]
    fn multiline_errors() {
        let raw = "\"\"\"abc\n  \"\"\"";
        assert_eq!(errs(raw), vec![(LexErrorKind::MultilineStringStart, 3..4)]);
        let raw = "\"\"\"\n  abc\"\"\"";
        assert_eq!(errs(raw), vec![(LexErrorKind::MultilineStringEnd, 9..12)]);
        let raw = "\"\"\"\n    a\n  b\n    \"\"\"";
        assert_eq!(
            errs(raw),
            vec![(
                LexErrorKind::MultilineIndent(IndentMistake::Insufficient),
                12..13
            )]
        );
        let raw = "\"\"\"\n  a\n\tb\n  \"\"\"";
        assert_eq!(
            errs(raw),
            vec![(
                LexErrorKind::MultilineIndent(IndentMistake::UnexpectedTab),
                8..9
            )]
        );
        let raw = "\"\"\"\n\ta\n b\n\t\"\"\"";
        assert_eq!(
            errs(raw),
            vec![(
                LexErrorKind::MultilineIndent(IndentMistake::UnexpectedSpace),
                7..8
            )]
        );
        let raw = "\"\"\"\n  a\\\n  \"\"\"";
        assert_eq!(
            errs(raw),
            vec![(LexErrorKind::EscapedNewlineAtLastLine, 7..8)]
        );
    }

    #[test]
    fn malformed_raw_text_is_an_error_not_a_panic() {
        for raw in [
            "",
            "\"",
            "\"\"\"",
            "\"\"\"\"",
            "\"\"\"\"\"",
            "\"abc",
            "x",
            "\"\\\"",
            "\"\\(\"",
        ] {
            let _ = decode(raw, 0);
        }
        assert!(decode("\"abc", 0).is_err());
        assert!(decode("\"\"\"\"\"", 0).is_err());
    }
}
