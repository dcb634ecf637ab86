//! `LexError`: every way lexing can fail, as a value with a byte span.
//!
//! Messages follow swiftc's wording (its `DiagnosticsParse.def` lexer section) where swiftc
//! has one; the few that are ours (nesting limits, memory) say so in the variant docs.
//! Lexing collects every error it can recover from, so callers get a `Vec<LexError>`.

#![forbid(unsafe_code)]

use std::fmt;
use std::ops::Range;

use crate::alloc::Subsystem;

/// A lexical error: what went wrong and where (byte offsets into the source file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    /// What went wrong.
    pub kind: LexErrorKind,
    /// Where, as byte offsets into the source file.
    pub span: Range<usize>,
}

/// The kinds of lexical error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexErrorKind {
    /// A character that starts no token (a control character, `\` outside a string).
    InvalidCharacter,
    /// A character that may continue an identifier but not start one (a combining mark).
    InvalidIdentifierStart,
    /// `“` or `”` where `"` was meant.
    CurlyQuote,
    /// A string literal without its closing quote (a single-line one ends at the line end).
    UnterminatedString,
    /// A `/*` comment without its `*/`.
    UnterminatedBlockComment,
    /// A `*/` outside a comment.
    UnexpectedBlockCommentEnd,
    /// `'a'`: Swift has no single-quoted literals.
    SingleQuotedString,
    /// `#"\##n"#`: more `#` after a backslash than the literal's delimiter has.
    EscapeDelimiter,
    /// `#"abc"##`: more `#` after the closing quote than the opening delimiter has.
    ClosingDelimiter,
    /// `\q` and other unknown escapes.
    InvalidEscape,
    /// `\u` not followed by `{`.
    UnicodeEscapeBraces,
    /// `\u{12` without the closing `}`.
    UnicodeEscapeRBrace,
    /// `\u{}` or more than eight hex digits.
    UnicodeEscapeDigits,
    /// `\u{D800}`, `\u{110000}`: not a Unicode scalar value.
    InvalidUnicodeScalar,
    /// A control character (other than a tab in a multi-line string) inside a string literal.
    UnprintableCharacter,
    /// Text after the opening `"""` on its line.
    MultilineStringStart,
    /// Text before the closing `"""` on its line.
    MultilineStringEnd,
    /// A line of a multi-line string that does not start with the closing delimiter's
    /// indentation.
    MultilineIndent(IndentMistake),
    /// A `\` line continuation on the last line of a multi-line string.
    EscapedNewlineAtLastLine,
    /// String interpolations nested deeper than the lexer allows (ours).
    InterpolationTooDeep,
    /// `0x`, `0b`, `0o` not followed by a digit of that base.
    ExpectedDigitAfterPrefix,
    /// `12abc`, `0b102`: the first character that is not a digit of the literal's base.
    InvalidDigit {
        /// The offending character.
        digit: char,
        /// The literal's base.
        radix: Radix,
    },
    /// `1e`, `1e+`: an exponent without digits.
    ExpectedExponentDigit,
    /// `1e_5`, `1e5x`: a character that cannot be (the first) digit of an exponent.
    InvalidExponentDigit {
        /// The offending character.
        digit: char,
        /// Whether it is the exponent's first character.
        first: bool,
    },
    /// `0x1.8` without a `p` exponent.
    HexFloatNeedsExponent,
    /// A backquote that does not enclose an identifier.
    BadBackquote,
    /// `$` not followed by digits (`$foo`).
    ExpectedDollarNumber,
    /// An operator that SwiftLang does not define (`=-`, `+-`, `**`).
    UnknownOperator(String),
    /// An operator used as prefix (space before, none after) that has no prefix form.
    NotPrefixOperator(String),
    /// An operator used as postfix (none before, space after) that has no postfix form.
    NotPostfixOperator(String),
    /// A binary-only operator with whitespace on one side only (`x =1`, `a ==b`).
    InconsistentWhitespace(String),
    /// An arena (`subsystem`) refused `requested` bytes for a token buffer (ours).
    MemoryLimit {
        /// The refusing arena's subsystem, when it has one.
        subsystem: Option<Subsystem>,
        /// The bytes asked for.
        requested: u64,
    },
    /// Offsets past `u32::MAX`: tokens keep 32-bit offsets (ours).
    SourceTooLarge,
    /// A malformed conditional compilation directive or condition (swiftc's wording, in
    /// the message), or one of its warnings.
    Directive(String),
}

/// The base of an integer literal, for [`LexErrorKind::InvalidDigit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Radix {
    /// `0b`
    Binary,
    /// `0o`
    Octal,
    /// no prefix
    Decimal,
    /// `0x`
    Hex,
}

/// What is wrong with a multi-line string line's indentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndentMistake {
    /// A space where the closing delimiter's indentation has a tab.
    UnexpectedSpace,
    /// A tab where the closing delimiter's indentation has a space.
    UnexpectedTab,
    /// The line's indentation stops before the closing delimiter's does.
    Insufficient,
}

impl LexError {
    /// A new error.
    pub fn new(kind: LexErrorKind, span: Range<usize>) -> LexError {
        LexError { kind, span }
    }

    /// The message, worded as swiftc words it.
    pub fn message(&self) -> String {
        self.kind.message()
    }
}

impl LexErrorKind {
    /// The message, worded as swiftc words it.
    pub fn message(&self) -> String {
        use LexErrorKind::*;
        match self {
            InvalidCharacter => "invalid character in source file".into(),
            InvalidIdentifierStart => "an identifier cannot begin with this character".into(),
            CurlyQuote => "unicode curly quote found, replace with '\"'".into(),
            UnterminatedString => "unterminated string literal".into(),
            UnterminatedBlockComment => "unterminated '/*' comment".into(),
            UnexpectedBlockCommentEnd => "unexpected end of block comment".into(),
            SingleQuotedString => "single-quoted string literal found, use '\"'".into(),
            EscapeDelimiter => "too many '#' characters in delimited escape".into(),
            ClosingDelimiter => "too many '#' characters in closing delimiter".into(),
            InvalidEscape => "invalid escape sequence in literal".into(),
            UnicodeEscapeBraces => {
                "expected hexadecimal code in braces after unicode escape".into()
            }
            UnicodeEscapeRBrace => "expected '}' in \\u{...} escape sequence".into(),
            UnicodeEscapeDigits => {
                "\\u{...} escape sequence expects between 1 and 8 hex digits".into()
            }
            InvalidUnicodeScalar => "invalid unicode scalar".into(),
            UnprintableCharacter => "unprintable ASCII character found in source file".into(),
            MultilineStringStart => {
                "multi-line string literal content must begin on a new line".into()
            }
            MultilineStringEnd => {
                "multi-line string literal closing delimiter must begin on a new line".into()
            }
            MultilineIndent(mistake) => {
                let what = match mistake {
                    IndentMistake::UnexpectedSpace => "unexpected space in",
                    IndentMistake::UnexpectedTab => "unexpected tab in",
                    IndentMistake::Insufficient => "insufficient",
                };
                format!("{what} indentation of line in multi-line string literal")
            }
            EscapedNewlineAtLastLine => "escaped newline at the last line is not allowed".into(),
            InterpolationTooDeep => "string interpolations are nested too deeply".into(),
            ExpectedDigitAfterPrefix => "expected a digit after integer literal prefix".into(),
            InvalidDigit { digit, radix } => {
                let kind = match radix {
                    Radix::Binary => "binary digit (0 or 1)",
                    Radix::Octal => "octal digit (0-7)",
                    Radix::Decimal => "digit",
                    Radix::Hex => "hexadecimal digit (0-9, A-F)",
                };
                format!("'{digit}' is not a valid {kind} in integer literal")
            }
            ExpectedExponentDigit => "expected a digit in floating point exponent".into(),
            InvalidExponentDigit { digit, first } => {
                let what = if *first { "first character" } else { "digit" };
                format!("'{digit}' is not a valid {what} in floating point exponent")
            }
            HexFloatNeedsExponent => {
                "hexadecimal floating point literal must end with an exponent".into()
            }
            BadBackquote => "expected an identifier between backquotes".into(),
            ExpectedDollarNumber => "expected numeric value following '$'".into(),
            UnknownOperator(op) => format!("cannot find operator '{op}' in scope"),
            NotPrefixOperator(op) => format!("'{op}' is not a prefix unary operator"),
            NotPostfixOperator(op) => format!("'{op}' is not a postfix unary operator"),
            InconsistentWhitespace(op) => {
                format!("'{op}' must have consistent whitespace on both sides")
            }
            MemoryLimit { subsystem, .. } => format!(
                "memory limit exceeded in {}",
                subsystem.map_or("Lexer", |s| s.name())
            ),
            SourceTooLarge => "source file is larger than 4 GiB".into(),
            Directive(message) => message.clone(),
        }
    }
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for LexError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(kind: LexErrorKind) -> String {
        LexError::new(kind, 0..1).message()
    }

    #[test]
    fn messages_follow_swiftc() {
        assert_eq!(
            msg(LexErrorKind::UnterminatedString),
            "unterminated string literal"
        );
        assert_eq!(
            msg(LexErrorKind::UnterminatedBlockComment),
            "unterminated '/*' comment"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidEscape),
            "invalid escape sequence in literal"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidCharacter),
            "invalid character in source file"
        );
        assert_eq!(
            msg(LexErrorKind::ExpectedDigitAfterPrefix),
            "expected a digit after integer literal prefix"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidUnicodeScalar),
            "invalid unicode scalar"
        );
        assert_eq!(
            msg(LexErrorKind::MultilineIndent(IndentMistake::Insufficient)),
            "insufficient indentation of line in multi-line string literal"
        );
        assert_eq!(
            msg(LexErrorKind::MultilineIndent(IndentMistake::UnexpectedTab)),
            "unexpected tab in indentation of line in multi-line string literal"
        );
        assert_eq!(
            msg(LexErrorKind::MultilineStringStart),
            "multi-line string literal content must begin on a new line"
        );
        assert_eq!(
            msg(LexErrorKind::UnicodeEscapeDigits),
            "\\u{...} escape sequence expects between 1 and 8 hex digits"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidDigit {
                digit: 'a',
                radix: Radix::Decimal
            }),
            "'a' is not a valid digit in integer literal"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidDigit {
                digit: '2',
                radix: Radix::Binary
            }),
            "'2' is not a valid binary digit (0 or 1) in integer literal"
        );
        assert_eq!(
            msg(LexErrorKind::InvalidExponentDigit {
                digit: '_',
                first: true
            }),
            "'_' is not a valid first character in floating point exponent"
        );
        assert_eq!(
            msg(LexErrorKind::UnknownOperator("=-".into())),
            "cannot find operator '=-' in scope"
        );
        assert_eq!(
            msg(LexErrorKind::InconsistentWhitespace("=".into())),
            "'=' must have consistent whitespace on both sides"
        );
        assert_eq!(
            msg(LexErrorKind::NotPostfixOperator("-".into())),
            "'-' is not a postfix unary operator"
        );
        assert_eq!(
            msg(LexErrorKind::NotPrefixOperator("*".into())),
            "'*' is not a prefix unary operator"
        );
    }

    #[test]
    fn display_is_the_message() {
        let e = LexError::new(LexErrorKind::CurlyQuote, 3..6);
        assert_eq!(e.to_string(), e.message());
        assert_eq!(e.span, 3..6);
    }
}
