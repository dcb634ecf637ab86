//! The lexer: source text to [`Tok`]s, in two stages.
//!
//! 1. The raw stage (this file): a logos-derived `RawTok` dispatches on the first
//!    character; callbacks scan what regular expressions cannot (nested `/* */` comments,
//!    string literals with nested interpolations, Swift's number forms, operator runs by
//!    maximal munch). The driver turns them into `RawToken`s that remember whether
//!    whitespace or a line break came before them, and splits a postfix `?` / `!` off an
//!    operator run when it directly follows an operand (`a?.b`, `x!+1`, `Int??`), unless
//!    the run is an unspaced `!=`, `!==` or `??` (`x!=y`).
//! 2. The layout stage (`layout.rs`) decides from that whitespace what Swift decides:
//!    prefix/postfix/binary operators, statement-ending newlines, generic `<`...`>`, and
//!    contextual `get`/`set`/`willSet`/`didSet`.
//!
//! [`tokenize`] also decodes every string literal (`strings::decode`) and lexes every
//! interpolated expression, nested ones included, so that all lexical errors of a file are
//! reported at once. That work uses a worklist, and nothing here recurses per nesting level
//! of the input; interpolation nesting is capped by `strings::MAX_INTERPOLATION_DEPTH`.
//!
//! Allocation: the raw tokens and every other buffer that dies with the lexing go in the
//! scratch arena (the Lexer's), the finished token buffer in the `out` arena (the parser's,
//! which owns it from then on), so the scratch arena can be reset as soon as a file is
//! lexed. The buffers are reserved from the input's size and grow only if a guess was
//! short (a growing vector leaves every smaller buffer behind in a bump arena). An exhausted
//! arena is a `MemoryLimit` error naming it, never a panic; error lists and the string
//! decoder's scratch use the global allocator. Never panics on any input.

#![forbid(unsafe_code)]

use std::ops::Range;

use allocator_api2::vec::Vec as ArenaVec;
use logos::{FilterResult, Logos};

use super::directives;
use super::error::{LexError, LexErrorKind, Radix};
use super::layout;
use super::strings::{self, StrPart};
use super::token::Tok;
use crate::alloc::Allocator;
#[cfg(test)]
use crate::alloc::ArenaAllocator;

/// One token of the buffer with its byte offsets into the source: 32 bytes, where the
/// `(start, token, end)` triple that LALRPOP's external lexer interface takes is 40
/// ([`Token::triple`] makes it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token<'src> {
    /// The token.
    pub tok: Tok<'src>,
    start: u32,
    end: u32,
}

impl<'src> Token<'src> {
    /// A token at `start..end` (offsets past `u32::MAX` are never made: the lexer refuses
    /// such inputs, and they would saturate).
    pub fn new(start: usize, tok: Tok<'src>, end: usize) -> Token<'src> {
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        Token {
            tok,
            start: offset(start),
            end: offset(end),
        }
    }

    /// Byte offset of its first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset after its last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The same token `by` bytes further on.
    pub fn shifted(self, by: usize) -> Token<'src> {
        Token::new(
            self.start().saturating_add(by),
            self.tok,
            self.end().saturating_add(by),
        )
    }

    /// `(start, token, end)`, as the parser takes it.
    pub fn triple(self) -> (usize, Tok<'src>, usize) {
        (self.start(), self.tok, self.end())
    }
}

/// The token buffer, in the arena it was lexed into.
pub type Tokens<'src, 'a> = ArenaVec<Token<'src>, &'a dyn Allocator>;

/// Lexes a whole source file into a token buffer in `out`, with `scratch` for everything
/// else (nothing in it is needed afterwards). On failure returns every lexical error found,
/// in source order.
pub fn tokenize<'src, 'a>(
    source: &'src str,
    scratch: &dyn Allocator,
    out: &'a dyn Allocator,
) -> Result<Tokens<'src, 'a>, Vec<LexError>> {
    tokenize_file(source, scratch, out, &mut Vec::new())
}

/// [`tokenize`], appending the warnings lexing gives (conditional compilation's) to
/// `warnings`.
pub fn tokenize_file<'src, 'a>(
    source: &'src str,
    scratch: &dyn Allocator,
    out: &'a dyn Allocator,
    warnings: &mut Vec<LexError>,
) -> Result<Tokens<'src, 'a>, Vec<LexError>> {
    let mut errors = Vec::new();
    let lexed = lex_range(source, 0..source.len(), scratch, out, &mut errors, warnings);
    let Ok(tokens) = lexed else {
        return Err(errors);
    };
    if validate_strings(source, &tokens, scratch, &mut errors).is_err() {
        return Err(errors);
    }
    finish(tokens, errors)
}

/// Lexes `source[range]`, with spans that stay absolute (offsets into `source`). For the
/// parser to lex an interpolated expression (a range from [`strings::decode`]) of a file
/// that [`tokenize`] accepted. The range is lexed as if it were a file of its own, except
/// that a `#!` line is skipped only at offset 0; string literals in it are delimited but not
/// decoded (decode them when parsing).
pub fn tokenize_range<'src, 'a>(
    source: &'src str,
    range: Range<usize>,
    scratch: &dyn Allocator,
    out: &'a dyn Allocator,
) -> Result<Tokens<'src, 'a>, Vec<LexError>> {
    let mut errors = Vec::new();
    let Ok(tokens) = lex_range(source, range, scratch, out, &mut errors, &mut Vec::new()) else {
        return Err(errors);
    };
    finish(tokens, errors)
}

fn finish<'src, 'a>(
    tokens: Tokens<'src, 'a>,
    mut errors: Vec<LexError>,
) -> Result<Tokens<'src, 'a>, Vec<LexError>> {
    if errors.is_empty() {
        Ok(tokens)
    } else {
        errors.sort_by_key(|e| e.span.start);
        Err(errors)
    }
}

/// The arena refused to grow a buffer; the `MemoryLimit` error is already recorded.
#[derive(Debug)]
pub(crate) struct OutOfMemory;

/// Records a `MemoryLimit` error at `at`: `arena` refused room for `count` more `T`s.
pub(crate) fn out_of_memory<T>(
    errors: &mut Vec<LexError>,
    at: usize,
    arena: &dyn Allocator,
    count: usize,
) -> OutOfMemory {
    let requested = std::mem::size_of::<T>().saturating_mul(count) as u64;
    let subsystem = arena.accounting().subsystem();
    errors.push(LexError::new(
        LexErrorKind::MemoryLimit {
            subsystem,
            requested,
        },
        at..at,
    ));
    OutOfMemory
}

/// The capacity a full vector of `capacity` elements asks for when it grows (doubling).
pub(crate) fn growth(capacity: usize) -> usize {
    capacity.saturating_mul(2).max(4)
}

/// Offsets up to this fit the 32-bit offsets of [`RawToken`].
const MAX_OFFSET: usize = u32::MAX as usize;

/// Raw lexing, conditional compilation and layout of `source[range]`: the raw tokens in
/// `scratch`, the result in `out`.
fn lex_range<'src, 'a>(
    source: &'src str,
    range: Range<usize>,
    scratch: &dyn Allocator,
    out: &'a dyn Allocator,
    errors: &mut Vec<LexError>,
    warnings: &mut Vec<LexError>,
) -> Result<Tokens<'src, 'a>, OutOfMemory> {
    let mut raw = raw_lex(source, range.clone(), scratch, errors)?;
    directives::resolve(source, &mut raw, errors, warnings);
    // Layout adds a `Newline` before some tokens that follow a line break (and splits a few
    // operator runs): this is room for all of them but the splits.
    let newlines = raw.iter().filter(|t| t.newline_before().is_some()).count();
    let room = raw.len() + newlines;
    let mut tokens = Tokens::new_in(out);
    if tokens.try_reserve_exact(room).is_err() {
        let at = range.start.min(source.len());
        return Err(out_of_memory::<Token<'_>>(errors, at, out, room));
    }
    layout::layout(&raw, tokens, scratch, errors)
}

/// Decodes every string literal in `tokens` and lexes their interpolations (and theirs),
/// collecting errors. Iterative: a worklist of interpolation ranges.
fn validate_strings(
    source: &str,
    tokens: &Tokens<'_, '_>,
    scratch: &dyn Allocator,
    errors: &mut Vec<LexError>,
) -> Result<(), OutOfMemory> {
    let mut work: Vec<Range<usize>> = Vec::new();
    let decode_all = |tokens: &Tokens<'_, '_>, errors: &mut Vec<LexError>, work: &mut Vec<_>| {
        for &Token { tok, start, .. } in tokens.iter() {
            let start = start as usize;
            if let Tok::Str(raw) = tok {
                let (parts, es) = strings::decode_lenient(raw, start);
                errors.extend(es);
                work.extend(parts.into_iter().filter_map(|p| match p {
                    StrPart::Interp(r) => Some(r),
                    StrPart::Text(_) => None,
                }));
            }
        }
    };
    decode_all(tokens, errors, &mut work);
    while let Some(range) = work.pop() {
        let nested = lex_range(source, range, scratch, scratch, errors, &mut Vec::new())?;
        decode_all(&nested, errors, &mut work);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Raw tokens

/// A token of the raw stage, with the whitespace facts the layout stage needs.
///
/// Offsets are 32-bit (40 bytes a token instead of 64: the raw buffer of a big file is
/// the largest thing lexing holds); [`raw_lex`] refuses inputs past them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RawToken<'src> {
    /// What it is.
    pub kind: RawKind<'src>,
    /// Byte offset of its first byte in the source.
    start: u32,
    /// Byte offset after its last byte.
    end: u32,
    /// The position of the first line break between the previous token and this one, or
    /// [`NO_NEWLINE`].
    newline_before: u32,
    /// Whitespace or a comment comes right before it, or it starts the input.
    pub space_before: bool,
}

/// [`RawToken::newline_before`]: no line break.
const NO_NEWLINE: u32 = u32::MAX;

// The sizes the buffers are planned with (a 1 MB script's compile peak depends on them).
const _: () = assert!(std::mem::size_of::<RawToken<'_>>() <= 40);
const _: () = assert!(std::mem::size_of::<Token<'_>>() <= 32);

impl RawToken<'_> {
    /// Byte offset of its first byte in the source.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset after its last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The position of the first line break between the previous token and this one.
    pub fn newline_before(&self) -> Option<usize> {
        (self.newline_before != NO_NEWLINE).then_some(self.newline_before as usize)
    }
}

/// The raw token kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RawKind<'src> {
    /// A token needing no further decision: keywords, literals, punctuation, backquoted
    /// identifiers, and postfix `?`/`!` split off an operator run.
    Tok(Tok<'src>),
    /// A plain identifier (it may be a contextual `get`, `set`, `willSet`, `didSet`).
    Word(&'src str),
    /// An operator run, to be classified by its whitespace.
    Op(&'src str),
}

/// The raw token buffer, in the Lexer arena.
pub(crate) type RawTokens<'src, 'a> = ArenaVec<RawToken<'src>, &'a dyn Allocator>;

/// Whether a token ends an operand, so that a `?` or `!` right after it is postfix (and an
/// operator with a space only after such a token looks like a misspaced binary operator).
pub(crate) fn ends_operand(kind: &RawKind<'_>) -> bool {
    match kind {
        RawKind::Word(_) => true,
        RawKind::Op(_) => false,
        RawKind::Tok(tok) => {
            tok.is_atom()
                || matches!(
                    tok,
                    Tok::As
                        | Tok::Init
                        | Tok::Unsupported("try")
                        | Tok::RParen
                        | Tok::RBracket
                        | Tok::RBrace
                        | Tok::PostfixBang
                        | Tok::PostfixQuestion
                )
        }
    }
}

/// The keyword spelled `word`, if it is one (`get`/`set`/... are contextual: not here).
fn keyword(word: &str) -> Option<Tok<'_>> {
    Some(match word {
        "let" => Tok::Let,
        "var" => Tok::Var,
        "func" => Tok::Func,
        "return" => Tok::Return,
        "if" => Tok::If,
        "else" => Tok::Else,
        "guard" => Tok::Guard,
        "while" => Tok::While,
        "repeat" => Tok::Repeat,
        "for" => Tok::For,
        "in" => Tok::In,
        "break" => Tok::Break,
        "continue" => Tok::Continue,
        "switch" => Tok::Switch,
        "case" => Tok::Case,
        "default" => Tok::Default,
        "fallthrough" => Tok::Fallthrough,
        "where" => Tok::Where,
        "true" => Tok::True,
        "false" => Tok::False,
        "nil" => Tok::Nil,
        "class" => Tok::Class,
        "struct" => Tok::Struct,
        "enum" => Tok::Enum,
        "protocol" => Tok::Protocol,
        "extension" => Tok::Extension,
        "init" => Tok::Init,
        "deinit" => Tok::Deinit,
        "self" => Tok::SelfValue,
        "Self" => Tok::SelfType,
        "super" => Tok::Super,
        "static" => Tok::Static,
        "override" => Tok::Override,
        "final" => Tok::Final,
        "mutating" => Tok::Mutating,
        "inout" => Tok::Inout,
        "typealias" => Tok::Typealias,
        "import" => Tok::Import,
        "is" => Tok::Is,
        "as" => Tok::As,
        "defer" => Tok::Defer,
        "do" => Tok::Do,
        "lazy" => Tok::Lazy,
        "weak" => Tok::Weak,
        "unowned" => Tok::Unowned,
        "convenience" => Tok::Convenience,
        "required" => Tok::Required,
        "indirect" => Tok::Indirect,
        "_" => Tok::Underscore,
        "private" | "fileprivate" | "internal" | "public" | "open" => Tok::Access(word),
        "throws" | "throw" | "try" | "catch" | "rethrows" | "async" | "await" => {
            Tok::Unsupported(word)
        }
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Character classes (Swift's, from "Lexical Structure" in The Swift Programming Language)

/// The ASCII operator characters.
fn is_ascii_op(c: char) -> bool {
    matches!(
        c,
        '/' | '=' | '-' | '+' | '!' | '*' | '%' | '<' | '>' | '&' | '|' | '^' | '~' | '?'
    )
}

/// Non-ASCII characters that may start an operator.
fn is_unicode_op_head(c: char) -> bool {
    matches!(c as u32,
        0xA1..=0xA7 | 0xA9 | 0xAB | 0xAC | 0xAE | 0xB0..=0xB1 | 0xB6 | 0xBB | 0xBF | 0xD7
        | 0xF7 | 0x2016..=0x2017 | 0x2020..=0x2027 | 0x2030..=0x203E | 0x2041..=0x2053
        | 0x2055..=0x205E | 0x2190..=0x23FF | 0x2500..=0x2775 | 0x2794..=0x2BFF
        | 0x2E00..=0x2E7F | 0x3001..=0x3003 | 0x3008..=0x3020 | 0x3030)
}

/// Combining marks: they continue an identifier or an operator, never start one.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xE0100..=0xE01EF)
}

/// A character that continues an operator (other than `.`).
fn is_op_continue(c: char) -> bool {
    is_ascii_op(c) || (!c.is_ascii() && (is_unicode_op_head(c) || is_combining(c)))
}

/// `“` and `”`.
fn is_curly_quote(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201D}')
}

/// A non-ASCII character that may start an identifier (letters, emoji, most symbols;
/// an approximation of Swift's list that errs on the side of accepting).
fn is_unicode_ident_start(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !c.is_control()
        && !is_unicode_op_head(c)
        && !is_combining(c)
        && !is_curly_quote(c)
        && c != '\u{FEFF}'
}

/// A character that may start an identifier.
pub(crate) fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || is_unicode_ident_start(c)
}

/// A character that may continue an identifier.
pub(crate) fn is_ident_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || is_unicode_ident_start(c) || is_combining(c)
}

/// The end of the identifier characters starting at `i`.
fn scan_ident_continue(src: &str, i: usize) -> usize {
    let Some(rest) = src.get(i..) else {
        return i;
    };
    let len: usize = rest
        .chars()
        .take_while(|&c| is_ident_continue(c))
        .map(char::len_utf8)
        .sum();
    i + len
}

/// The end of the operator run starting at `start` (maximal munch; a `//` or `/*` ends it;
/// dots only in a run that starts with a dot).
fn scan_operator(src: &str, start: usize) -> usize {
    let Some(rest) = src.get(start..) else {
        return start;
    };
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return start;
    };
    let dotted = first == '.';
    let b = src.as_bytes();
    let mut end = start + first.len_utf8();
    for (off, c) in chars {
        let i = start + off;
        let comment = c == '/' && matches!(b.get(i + 1), Some(b'/' | b'*'));
        let continues = if c == '.' { dotted } else { is_op_continue(c) };
        if comment || !continues {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// The character at byte `i`, if `i` is a character boundary inside `src`.
fn char_at(src: &str, i: usize) -> Option<char> {
    src.get(i..).and_then(|s| s.chars().next())
}

// ---------------------------------------------------------------------------------------
// The logos lexer

/// The logos error: a kind, and a span (relative to the lexed text) when it is not the
/// whole token.
#[derive(Clone, Debug, PartialEq)]
struct RawError {
    kind: LexErrorKind,
    span: Option<Range<usize>>,
}

impl Default for RawError {
    /// Input no pattern matches.
    fn default() -> Self {
        RawError {
            kind: LexErrorKind::InvalidCharacter,
            span: None,
        }
    }
}

impl RawError {
    fn at(kind: LexErrorKind, span: Range<usize>) -> RawError {
        RawError {
            kind,
            span: Some(span),
        }
    }
}

/// Integer or floating literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumKind {
    Int,
    Float,
}

/// A `.`: member access, or the start of a dot operator (`...`, `..<`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DotKind {
    Member,
    Operator,
}

/// What a token starting with `#` turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HashKind {
    /// A `#` of its own (`#if`, `#line`).
    Pound,
    /// A string literal with an extended delimiter.
    Str,
}

/// What a token starting with a non-ASCII character turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnicodeKind {
    Word,
    Op,
}

/// The raw tokens logos recognizes. Most callbacks scan by hand and `bump` the lexer.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(error = RawError)]
#[logos(skip r"[ \t\r\n\x0B\x0C]+")]
enum RawTok {
    #[regex(r"//[^\r\n]*", logos::skip)]
    LineComment,
    #[token("/*", block_comment)]
    BlockComment,
    #[regex("[A-Za-z_]", word)]
    Word,
    #[regex(r"[^\x00-\x7F]", unicode)]
    Unicode(UnicodeKind),
    #[token("`", backquoted)]
    Backquoted,
    #[token("$", dollar)]
    Dollar,
    #[regex("[0-9]", number)]
    Number(NumKind),
    #[token("\"", string)]
    Str,
    #[token("'", single_quoted)]
    SingleQuoted,
    #[regex(r"[/=\-+!*%<>&|^~?]", operator)]
    Op,
    #[token(".", dot)]
    Dot(DotKind),
    #[token("#", hash)]
    Hash(HashKind),
    #[token("@")]
    At,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
}

type Lex<'s> = logos::Lexer<'s, RawTok>;

/// Extends the current token to end at `pos` (never backwards, never inside a character).
fn bump_to(lex: &mut Lex<'_>, pos: usize) {
    let src = lex.source();
    let mut pos = pos.min(src.len());
    while !src.is_char_boundary(pos) {
        pos += 1;
    }
    let cur = lex.span().end;
    if pos > cur {
        lex.bump(pos - cur);
    }
}

fn block_comment(lex: &mut Lex<'_>) -> FilterResult<(), RawError> {
    let src = lex.source();
    let b = src.as_bytes();
    let start = lex.span().start;
    let mut depth = 1usize;
    let mut i = start + 2;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                bump_to(lex, i);
                return FilterResult::Skip;
            }
        } else {
            i += 1;
        }
    }
    bump_to(lex, b.len());
    FilterResult::Error(RawError::at(
        LexErrorKind::UnterminatedBlockComment,
        start..start + 2,
    ))
}

fn word(lex: &mut Lex<'_>) {
    let end = scan_ident_continue(lex.source(), lex.span().end);
    bump_to(lex, end);
}

fn unicode(lex: &mut Lex<'_>) -> FilterResult<UnicodeKind, RawError> {
    let src = lex.source();
    let span = lex.span();
    let Some(c) = char_at(src, span.start) else {
        return FilterResult::Error(RawError::default());
    };
    if c.is_whitespace() {
        FilterResult::Skip
    } else if is_curly_quote(c) {
        // Swallow the rest of a curly-quoted literal on this line, as swiftc does.
        let rest = &src[span.end..];
        let line = rest.find(['\n', '\r']).unwrap_or(rest.len());
        if let Some(close) = rest[..line].find(['"', '\u{201D}']) {
            let close_len = char_at(rest, close).map_or(1, char::len_utf8);
            bump_to(lex, span.end + close + close_len);
        }
        FilterResult::Error(RawError::at(LexErrorKind::CurlyQuote, span))
    } else if is_unicode_op_head(c) {
        bump_to(lex, scan_operator(src, span.start));
        FilterResult::Emit(UnicodeKind::Op)
    } else if is_unicode_ident_start(c) {
        bump_to(lex, scan_ident_continue(src, span.end));
        FilterResult::Emit(UnicodeKind::Word)
    } else if is_combining(c) {
        FilterResult::Error(RawError::at(LexErrorKind::InvalidIdentifierStart, span))
    } else {
        FilterResult::Error(RawError::default())
    }
}

fn backquoted(lex: &mut Lex<'_>) -> Result<(), RawError> {
    let src = lex.source();
    let start = lex.span().start;
    if let Some(c) = char_at(src, start + 1).filter(|&c| is_ident_start(c)) {
        let end = scan_ident_continue(src, start + 1 + c.len_utf8());
        if src.as_bytes().get(end) == Some(&b'`') {
            bump_to(lex, end + 1);
            return Ok(());
        }
    }
    Err(RawError::at(LexErrorKind::BadBackquote, start..start + 1))
}

fn dollar(lex: &mut Lex<'_>) -> Result<(), RawError> {
    let src = lex.source();
    let start = lex.span().start;
    let digits = src.as_bytes()[start + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let end = scan_ident_continue(src, start + 1);
    bump_to(lex, end);
    if is_result_name(&src[start..end]) {
        return Ok(());
    }
    if digits == 0 || end != start + 1 + digits {
        return Err(RawError::at(LexErrorKind::ExpectedDollarNumber, start..end));
    }
    Ok(())
}

/// `$R0`, `$R1`, ...: the REPL's result names, lexed as identifiers (as swiftc lexes any
/// `$`-prefixed name; outside the REPL they are simply not in scope).
fn is_result_name(text: &str) -> bool {
    text.strip_prefix("$R")
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()))
}

fn number(lex: &mut Lex<'_>) -> Result<NumKind, RawError> {
    let (end, result) = scan_number(lex.source(), lex.span().start);
    bump_to(lex, end);
    result
}

/// Scans a number literal starting at the digit `src[start]`: its end, and its kind or the
/// error (after an error the end covers the following identifier characters, as swiftc
/// skips them).
fn scan_number(src: &str, start: usize) -> (usize, Result<NumKind, RawError>) {
    let b = src.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let run = |mut i: usize, digit: fn(u8) -> bool| {
        while digit(at(i)) || at(i) == b'_' {
            i += 1;
        }
        i
    };
    // An identifier character right after the literal: the error swiftc gives.
    let trailing = |i: usize, kind: &dyn Fn(char) -> LexErrorKind| {
        let c = char_at(src, i).filter(|&c| is_ident_continue(c))?;
        let end = scan_ident_continue(src, i);
        Some((end, Err(RawError::at(kind(c), i..i + c.len_utf8()))))
    };
    let int_digit = |radix| move |digit| LexErrorKind::InvalidDigit { digit, radix };
    let exp_digit = |digit| LexErrorKind::InvalidExponentDigit {
        digit,
        first: false,
    };
    let exponent = |i: usize| -> (usize, Result<NumKind, RawError>) {
        // `i` is just after `e` / `p`.
        let j = if matches!(at(i), b'+' | b'-') {
            i + 1
        } else {
            i
        };
        if !at(j).is_ascii_digit() {
            return match char_at(src, j).filter(|&c| is_ident_continue(c)) {
                Some(c) => {
                    let kind = LexErrorKind::InvalidExponentDigit {
                        digit: c,
                        first: c == '_',
                    };
                    (
                        scan_ident_continue(src, j),
                        Err(RawError::at(kind, j..j + c.len_utf8())),
                    )
                }
                None => (
                    j,
                    Err(RawError::at(LexErrorKind::ExpectedExponentDigit, start..j)),
                ),
            };
        }
        let end = run(j, |c| c.is_ascii_digit());
        trailing(end, &exp_digit).unwrap_or((end, Ok(NumKind::Float)))
    };

    let radix = match (at(start), at(start + 1)) {
        (b'0', b'x') => Some((
            Radix::Hex,
            (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool,
        )),
        (b'0', b'o') => Some((
            Radix::Octal,
            (|c: u8| (b'0'..=b'7').contains(&c)) as fn(u8) -> bool,
        )),
        (b'0', b'b') => Some((
            Radix::Binary,
            (|c: u8| c == b'0' || c == b'1') as fn(u8) -> bool,
        )),
        _ => None,
    };
    if let Some((radix, digit)) = radix {
        let p = start + 2;
        if !digit(at(p)) {
            let end = scan_ident_continue(src, p);
            return (
                end,
                Err(RawError::at(
                    LexErrorKind::ExpectedDigitAfterPrefix,
                    start..end,
                )),
            );
        }
        let i = run(p, digit);
        if radix != Radix::Hex || !matches!(at(i), b'.' | b'p' | b'P') {
            return trailing(i, &int_digit(radix)).unwrap_or((i, Ok(NumKind::Int)));
        }
        // Hexadecimal floating point: (\.[0-9A-Fa-f][0-9A-Fa-f_]*)?[pP][+-]?[0-9][0-9_]*
        let mut i = i;
        let mut dot = None;
        if at(i) == b'.' {
            if !at(i + 1).is_ascii_hexdigit() {
                return (i, Ok(NumKind::Int));
            }
            let d = i;
            dot = Some(d);
            i = run(d + 1, digit);
            if !matches!(at(i), b'p' | b'P') {
                if !at(d + 1).is_ascii_digit() {
                    // `0xff.description`
                    return (d, Ok(NumKind::Int));
                }
                let end = scan_ident_continue(src, i);
                let error = RawError::at(LexErrorKind::HexFloatNeedsExponent, start..end);
                return (end, Err(error));
            }
        }
        if let Some(d) = dot {
            // `0xff.fp`: not an exponent after all.
            let after_p = at(i + 1);
            let exponent_follows = matches!(after_p, b'+' | b'-') || after_p.is_ascii_digit();
            if !exponent_follows && !at(d + 1).is_ascii_digit() {
                return (d, Ok(NumKind::Int));
            }
        }
        return exponent(i + 1);
    }

    let mut i = run(start, |c| c.is_ascii_digit());
    let mut float = false;
    if at(i) == b'.' && at(i + 1).is_ascii_digit() {
        i = run(i + 1, |c| c.is_ascii_digit());
        float = true;
    }
    if matches!(at(i), b'e' | b'E') {
        return exponent(i + 1);
    }
    let kind = if float { NumKind::Float } else { NumKind::Int };
    trailing(i, &int_digit(Radix::Decimal)).unwrap_or((i, Ok(kind)))
}

fn string(lex: &mut Lex<'_>) -> Result<(), RawError> {
    match strings::scan_literal(lex.source(), lex.span().start) {
        Ok(end) => {
            bump_to(lex, end);
            Ok(())
        }
        Err(e) => {
            bump_to(lex, e.resume);
            Err(RawError::at(e.error.kind, e.error.span))
        }
    }
}

fn single_quoted(lex: &mut Lex<'_>) -> Result<(), RawError> {
    let src = lex.source();
    let b = src.as_bytes();
    let start = lex.span().start;
    let mut i = start + 1;
    let end = loop {
        match b.get(i) {
            None => break b.len(),
            Some(b'\\') => i += 2,
            Some(b'\'') => break i + 1,
            Some(b'\n' | b'\r') => break i,
            Some(_) => i += 1,
        }
    };
    bump_to(lex, end);
    Err(RawError::at(
        LexErrorKind::SingleQuotedString,
        start..end.min(b.len()),
    ))
}

fn operator(lex: &mut Lex<'_>) {
    let end = scan_operator(lex.source(), lex.span().start);
    bump_to(lex, end);
}

fn dot(lex: &mut Lex<'_>) -> DotKind {
    let src = lex.source();
    let start = lex.span().start;
    if src.as_bytes().get(start + 1) == Some(&b'.') {
        bump_to(lex, scan_operator(src, start));
        DotKind::Operator
    } else {
        DotKind::Member
    }
}

/// `#`, or a string literal with an extended delimiter (`#"..."#`, `##"""`...`"""##`).
fn hash(lex: &mut Lex<'_>) -> Result<HashKind, RawError> {
    let src = lex.source();
    let b = src.as_bytes();
    let start = lex.span().start;
    let hashes = b[start..].iter().take_while(|&&c| c == b'#').count();
    if b.get(start + hashes) != Some(&b'"') {
        return Ok(HashKind::Pound);
    }
    match strings::scan_literal(src, start) {
        Ok(end) => {
            let extra = b[end..].iter().take_while(|&&c| c == b'#').count();
            if extra > 0 {
                bump_to(lex, end + extra);
                return Err(RawError::at(
                    LexErrorKind::ClosingDelimiter,
                    end..end + extra,
                ));
            }
            bump_to(lex, end);
            Ok(HashKind::Str)
        }
        Err(e) => {
            bump_to(lex, e.resume);
            Err(RawError::at(e.error.kind, e.error.span))
        }
    }
}

// ---------------------------------------------------------------------------------------
// The raw driver

/// The raw stage over `source[range]`: tokens with their whitespace facts. Errors are
/// collected; consecutive invalid characters make one error.
pub(crate) fn raw_lex<'src, 'a>(
    source: &'src str,
    range: Range<usize>,
    arena: &'a dyn Allocator,
    errors: &mut Vec<LexError>,
) -> Result<RawTokens<'src, 'a>, OutOfMemory> {
    let mut out = RawTokens::new_in(arena);
    let valid = range.start <= range.end && source.get(range.clone()).is_some();
    if !valid {
        let at = range.start.min(source.len());
        errors.push(LexError::new(LexErrorKind::InvalidCharacter, at..at));
        return Ok(out);
    }
    if range.end > MAX_OFFSET {
        errors.push(LexError::new(LexErrorKind::SourceTooLarge, 0..0));
        return Ok(out);
    }
    // Dense code has a token per three bytes or so (whitespace and longer names make it
    // fewer): reserving that up front keeps the vector from growing, which in a bump arena
    // leaves every smaller buffer behind. A failure here is not fatal: the pushes retry.
    let _ = out.try_reserve_exact(range.len() / 3 + 8);
    // A first line starting with `#!` is skipped, as Swift does for scripts.
    let mut base = range.start;
    if base == 0 && source.starts_with("#!") {
        base = source
            .find(['\n', '\r'])
            .unwrap_or(source.len())
            .min(range.end);
    }
    let text = &source[base..range.end];
    let mut lexer = RawTok::lexer(text);
    let mut driver = Driver {
        source,
        limit: range.end,
        out: &mut out,
        prev_end: range.start,
        errors,
    };
    while let Some(result) = lexer.next() {
        let span = lexer.span();
        let (start, end) = (base + span.start, base + span.end);
        match result {
            Ok(tok) => driver.token(tok, start, end)?,
            Err(e) => {
                let span = e.span.map_or(start..end, |s| base + s.start..base + s.end);
                push_error(driver.errors, e.kind, span);
                driver.prev_end = end;
            }
        }
    }
    Ok(out)
}

/// Records an error, merging a run of invalid characters into one.
fn push_error(errors: &mut Vec<LexError>, kind: LexErrorKind, span: Range<usize>) {
    if kind == LexErrorKind::InvalidCharacter {
        if let Some(last) = errors.last_mut() {
            if last.kind == kind && last.span.end == span.start {
                last.span.end = span.end;
                return;
            }
        }
    }
    errors.push(LexError::new(kind, span));
}

/// State of the raw driver.
struct Driver<'src, 'o, 'a> {
    source: &'src str,
    errors: &'o mut Vec<LexError>,
    /// The end of the lexed range: nothing after it counts.
    limit: usize,
    out: &'o mut RawTokens<'src, 'a>,
    /// The end of the previous token (or error), for the whitespace facts.
    prev_end: usize,
}

impl<'src> Driver<'src, '_, '_> {
    fn token(&mut self, tok: RawTok, start: usize, end: usize) -> Result<(), OutOfMemory> {
        let text = &self.source[start..end];
        let kind = match tok {
            // Skipped by their callbacks; listed for completeness.
            RawTok::LineComment | RawTok::BlockComment => return Ok(()),
            RawTok::Word | RawTok::Unicode(UnicodeKind::Word) => {
                keyword(text).map_or(RawKind::Word(text), RawKind::Tok)
            }
            RawTok::Unicode(UnicodeKind::Op) | RawTok::Op | RawTok::Dot(DotKind::Operator) => {
                return self.operator(text, start, end);
            }
            RawTok::Backquoted => RawKind::Tok(Tok::Ident(&text[1..text.len() - 1])),
            RawTok::Dollar if is_result_name(text) => RawKind::Tok(Tok::Ident(text)),
            RawTok::Dollar => RawKind::Tok(Tok::Dollar(&text[1..])),
            RawTok::Number(NumKind::Int) => RawKind::Tok(Tok::Int(text)),
            RawTok::Number(NumKind::Float) => {
                if let Some(dot) = self.tuple_index_dot(text, start) {
                    // `t.0.1`: two tuple indices, not the literal `0.1` (as swiftc does).
                    self.push(RawKind::Tok(Tok::Int(&text[..dot])), start, start + dot)?;
                    self.push(RawKind::Tok(Tok::Dot), start + dot, start + dot + 1)?;
                    let rest = &text[dot + 1..];
                    return self.push(RawKind::Tok(Tok::Int(rest)), start + dot + 1, end);
                }
                RawKind::Tok(Tok::Float(text))
            }
            RawTok::Str => RawKind::Tok(Tok::Str(text)),
            // Its callback always reports an error.
            RawTok::SingleQuoted => return Ok(()),
            RawTok::Dot(DotKind::Member) => RawKind::Tok(Tok::Dot),
            RawTok::Hash(HashKind::Pound) => RawKind::Tok(Tok::Hash),
            RawTok::Hash(HashKind::Str) => RawKind::Tok(Tok::Str(text)),
            RawTok::At => RawKind::Tok(Tok::At),
            RawTok::LParen => RawKind::Tok(Tok::LParen),
            RawTok::RParen => RawKind::Tok(Tok::RParen),
            RawTok::LBracket => RawKind::Tok(Tok::LBracket),
            RawTok::RBracket => RawKind::Tok(Tok::RBracket),
            RawTok::LBrace => RawKind::Tok(Tok::LBrace),
            RawTok::RBrace => RawKind::Tok(Tok::RBrace),
            RawTok::Comma => RawKind::Tok(Tok::Comma),
            RawTok::Colon => RawKind::Tok(Tok::Colon),
            RawTok::Semi => RawKind::Tok(Tok::Semi),
        };
        self.push(kind, start, end)
    }

    /// If the floating literal `text` at `start` directly follows a member `.` and is
    /// `digits.digits`, the position of its dot.
    fn tuple_index_dot(&self, text: &str, start: usize) -> Option<usize> {
        let after_dot = self.prev_end == start
            && self
                .out
                .last()
                .is_some_and(|t| t.end() == start && t.kind == RawKind::Tok(Tok::Dot));
        let dot = text.find('.')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit() || c == b'_');
        (after_dot && digits(&text[..dot]) && digits(&text[dot + 1..])).then_some(dot)
    }

    /// Pushes a token, computing its whitespace facts from the gap before it.
    fn push(&mut self, kind: RawKind<'src>, start: usize, end: usize) -> Result<(), OutOfMemory> {
        let gap = self.source.get(self.prev_end..start).unwrap_or("");
        let space_before = self.out.is_empty() || !gap.is_empty();
        let newline_before = gap.find(['\n', '\r']).map(|p| self.prev_end + p);
        self.prev_end = end;
        // `raw_lex` refused offsets past `MAX_OFFSET`, so these conversions are exact.
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        let token = RawToken {
            kind,
            start: offset(start),
            end: offset(end),
            newline_before: newline_before.map_or(NO_NEWLINE, offset),
            space_before,
        };
        if self.out.try_reserve(1).is_err() {
            let arena = *self.out.allocator();
            let wanted = growth(self.out.capacity());
            return Err(out_of_memory::<RawToken<'_>>(
                self.errors,
                start,
                arena,
                wanted,
            ));
        }
        self.out.push(token);
        Ok(())
    }

    /// An operator run: splits off postfix `?`/`!` that directly follow an operand.
    fn operator(&mut self, text: &'src str, start: usize, end: usize) -> Result<(), OutOfMemory> {
        if let Some(p) = text.find("*/") {
            let at = start + p;
            self.errors.push(LexError::new(
                LexErrorKind::UnexpectedBlockCommentEnd,
                at..at + 2,
            ));
            self.prev_end = end;
            return Ok(());
        }
        let mut pos = start;
        while pos < end {
            let rest = &self.source[pos..end];
            let postfix = match rest.as_bytes()[0] {
                b'?' => Tok::PostfixQuestion,
                b'!' => Tok::PostfixBang,
                _ => break,
            };
            let operand_before = self
                .out
                .last()
                .is_some_and(|t| t.end() == pos && self.prev_end == pos && ends_operand(&t.kind));
            if !operand_before {
                break;
            }
            let binary = matches!(rest, "!=" | "!==" | "??") && self.right_bound_after(end);
            if binary {
                break;
            }
            self.push(RawKind::Tok(postfix), pos, pos + 1)?;
            pos += 1;
        }
        if pos < end {
            self.push(RawKind::Op(&self.source[pos..end]), pos, end)?;
        }
        Ok(())
    }

    /// Whether what follows a left-bound operator ending at `end` binds it on the right
    /// (swiftc's `isRightBound`).
    fn right_bound_after(&self, end: usize) -> bool {
        if end >= self.limit {
            return false;
        }
        let b = self.source.as_bytes();
        match char_at(self.source, end) {
            None => false,
            Some(' ' | '\t' | '\n' | '\r' | '\u{B}' | '\u{C}') => false,
            Some(')' | ']' | '}' | ',' | ';' | ':' | '.') => false,
            Some('/') => !matches!(b.get(end + 1), Some(b'/' | b'*')),
            Some(c) => !c.is_whitespace(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::syntax::error::{IndentMistake, Radix};
    use crate::syntax::token::{BinOp, CompoundOp, PrefixOp};
    use proptest::prelude::*;

    /// The tokens of `src`, or a panic with the errors.
    pub(crate) fn toks(src: &str) -> Vec<Tok<'_>> {
        let arena = ArenaAllocator::new();
        let result = tokenize(src, &arena, &arena);
        let out = match result {
            Ok(t) => t.iter().map(|t| t.tok).collect(),
            Err(e) => panic!("tokenize({src:?}) failed: {e:?}"),
        };
        out
    }

    /// The tokens of `src` with their spans.
    pub(crate) fn spanned(src: &str) -> Vec<(usize, Tok<'_>, usize)> {
        let arena = ArenaAllocator::new();
        let result = tokenize(src, &arena, &arena);
        let out = match result {
            Ok(t) => t.iter().map(|t| t.triple()).collect(),
            Err(e) => panic!("tokenize({src:?}) failed: {e:?}"),
        };
        out
    }

    /// The errors of `src`, or a panic with the tokens.
    pub(crate) fn errs(src: &str) -> Vec<(LexErrorKind, Range<usize>)> {
        let arena = ArenaAllocator::new();
        let result = tokenize(src, &arena, &arena);
        let out = match result {
            Ok(t) => panic!(
                "tokenize({src:?}) succeeded: {:?}",
                t.iter().collect::<Vec<_>>()
            ),
            Err(e) => e.into_iter().map(|e| (e.kind, e.span)).collect(),
        };
        out
    }

    fn one_err(src: &str) -> (LexErrorKind, Range<usize>) {
        let e = errs(src);
        assert_eq!(e.len(), 1, "{src:?}: {e:?}");
        e.into_iter().next().unwrap()
    }

    use Tok::*;

    fn id(s: &str) -> Tok<'_> {
        Ident(s)
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(toks(""), vec![]);
        assert_eq!(toks("  \n\t\n  // only a comment\n/* and this */"), vec![]);
    }

    #[test]
    fn comments() {
        assert_eq!(toks("a // comment\nb"), vec![id("a"), Newline, id("b")]);
        assert_eq!(toks("/* a /* b */ c */ x"), vec![id("x")]);
        assert_eq!(toks("x /* a /* b /* c */ */ */ y"), vec![id("x"), id("y")]);
        assert_eq!(
            toks("a/**/+/**/b"),
            vec![id("a"), Binary(BinOp::Add), id("b")]
        );
        // A comment is whitespace: `a /**/-b` is a prefix minus, `a-/**/b` a postfix one.
        assert_eq!(
            toks("a /**/-b"),
            vec![id("a"), Prefix(PrefixOp::Neg), id("b")]
        );
        assert_eq!(
            one_err("a-/**/b").0,
            LexErrorKind::NotPostfixOperator("-".into())
        );
        // A multi-line block comment ends a statement like a newline.
        assert_eq!(toks("a /*\n*/ b"), vec![id("a"), Newline, id("b")]);
        assert_eq!(
            one_err("x /* a /* b */"),
            (LexErrorKind::UnterminatedBlockComment, 2..4)
        );
        assert_eq!(
            one_err("a */ b"),
            (LexErrorKind::UnexpectedBlockCommentEnd, 2..4)
        );
        // `//` and `/*` end an operator run.
        assert_eq!(
            toks("a +// c\n b"),
            vec![id("a"), Binary(BinOp::Add), id("b")]
        );
    }

    #[test]
    fn shebang_line_is_skipped() {
        assert_eq!(
            toks("#!/usr/bin/env swift\nprint(1)"),
            vec![id("print"), LParen, Int("1"), RParen]
        );
        assert_eq!(toks("#!"), vec![]);
        // Only on the first line.
        assert_eq!(
            toks("a\n# !b"),
            vec![id("a"), Newline, Hash, Prefix(PrefixOp::Not), id("b")]
        );
        assert!(!errs("a\n#!b").is_empty());
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            toks("abc _x x1 café π 😀 naïve"),
            vec![
                id("abc"),
                id("_x"),
                id("x1"),
                id("café"),
                id("π"),
                id("😀"),
                id("naïve")
            ]
        );
        // A combining mark continues an identifier.
        assert_eq!(toks("e\u{301}x"), vec![id("e\u{301}x")]);
        assert_eq!(toks("_"), vec![Underscore]);
        assert_eq!(toks("`class` `x`"), vec![id("class"), id("x")]);
        assert_eq!(toks("`get` {"), vec![id("get"), LBrace]);
        assert_eq!(toks("$0 $12"), vec![Dollar("0"), Dollar("12")]);
        assert_eq!(one_err("$x"), (LexErrorKind::ExpectedDollarNumber, 0..2));
        assert_eq!(one_err("$"), (LexErrorKind::ExpectedDollarNumber, 0..1));
        assert_eq!(one_err("$1a"), (LexErrorKind::ExpectedDollarNumber, 0..3));
        // The REPL's result names are identifiers; other `$` names are still errors.
        assert_eq!(
            toks("$R0 + $R12"),
            vec![id("$R0"), Binary(BinOp::Add), id("$R12")]
        );
        assert_eq!(one_err("$R"), (LexErrorKind::ExpectedDollarNumber, 0..2));
        assert_eq!(one_err("$Rx"), (LexErrorKind::ExpectedDollarNumber, 0..3));
        assert_eq!(one_err("$R1a"), (LexErrorKind::ExpectedDollarNumber, 0..4));
        assert_eq!(one_err("`class"), (LexErrorKind::BadBackquote, 0..1));
        assert_eq!(
            one_err("\u{301}x"),
            (LexErrorKind::InvalidIdentifierStart, 0..2)
        );
    }

    #[test]
    fn keywords() {
        let src = "let var func return if else guard while repeat for in break continue switch \
                   case default fallthrough where true false nil class struct enum protocol \
                   extension init deinit self Self super static override final mutating inout \
                   typealias import is as defer do lazy weak unowned convenience required indirect";
        assert_eq!(
            toks(src),
            vec![
                Let,
                Var,
                Func,
                Return,
                If,
                Else,
                Guard,
                While,
                Repeat,
                For,
                In,
                Break,
                Continue,
                Switch,
                Case,
                Default,
                Fallthrough,
                Where,
                True,
                False,
                Nil,
                Class,
                Struct,
                Enum,
                Protocol,
                Extension,
                Init,
                Deinit,
                SelfValue,
                SelfType,
                Super,
                Static,
                Override,
                Final,
                Mutating,
                Inout,
                Typealias,
                Import,
                Is,
                As,
                Defer,
                Do,
                Lazy,
                Weak,
                Unowned,
                Convenience,
                Required,
                Indirect
            ]
        );
        assert_eq!(
            toks("private fileprivate internal public open"),
            vec![
                Access("private"),
                Access("fileprivate"),
                Access("internal"),
                Access("public"),
                Access("open")
            ]
        );
        assert_eq!(
            toks("throws throw try catch rethrows async await"),
            vec![
                Unsupported("throws"),
                Unsupported("throw"),
                Unsupported("try"),
                Unsupported("catch"),
                Unsupported("rethrows"),
                Unsupported("async"),
                Unsupported("await")
            ]
        );
        // Contextual words stay identifiers outside accessor position.
        assert_eq!(
            toks("get set willSet didSet letter"),
            vec![
                id("get"),
                id("set"),
                id("willSet"),
                id("didSet"),
                id("letter")
            ]
        );
    }

    #[test]
    fn integer_literals() {
        assert_eq!(
            toks("0 42 1_000 0x1F 0xff_ff 0o17 0b1010 0b1_0"),
            vec![
                Int("0"),
                Int("42"),
                Int("1_000"),
                Int("0x1F"),
                Int("0xff_ff"),
                Int("0o17"),
                Int("0b1010"),
                Int("0b1_0")
            ]
        );
        assert_eq!(toks("007"), vec![Int("007")]);
    }

    #[test]
    fn float_literals() {
        assert_eq!(
            toks("1.5 1e-3 2.5e10 1_000.5 1E5 1e+3 0.0 3.14_15"),
            vec![
                Float("1.5"),
                Float("1e-3"),
                Float("2.5e10"),
                Float("1_000.5"),
                Float("1E5"),
                Float("1e+3"),
                Float("0.0"),
                Float("3.14_15")
            ]
        );
        assert_eq!(
            toks("0x1p4 0x1.8p3 0xAp-2 0x1P+1"),
            vec![
                Float("0x1p4"),
                Float("0x1.8p3"),
                Float("0xAp-2"),
                Float("0x1P+1")
            ]
        );
    }

    #[test]
    fn number_followed_by_member_access() {
        assert_eq!(
            toks("1.description"),
            vec![Int("1"), Dot, id("description")]
        );
        assert_eq!(
            toks("0xff.description"),
            vec![Int("0xff"), Dot, id("description")]
        );
        assert_eq!(toks("0xff.fp"), vec![Int("0xff"), Dot, id("fp")]);
        assert_eq!(
            toks("1.5.description"),
            vec![Float("1.5"), Dot, id("description")]
        );
        assert_eq!(toks("t.0.1"), vec![id("t"), Dot, Int("0"), Dot, Int("1")]);
        assert_eq!(
            toks("t.0.1.2"),
            vec![id("t"), Dot, Int("0"), Dot, Int("1"), Dot, Int("2")]
        );
        assert_eq!(toks("t . 0.1"), vec![id("t"), Dot, Float("0.1")]);
        assert_eq!(
            toks("x = 0.1"),
            vec![id("x"), Binary(BinOp::Assign), Float("0.1")]
        );
        assert_eq!(
            toks("1...5"),
            vec![Int("1"), Binary(BinOp::Closed), Int("5")]
        );
        assert_eq!(
            toks("0..<n"),
            vec![Int("0"), Binary(BinOp::HalfOpen), id("n")]
        );
        assert_eq!(toks("1.e5"), vec![Int("1"), Dot, id("e5")]);
    }

    #[test]
    fn number_errors() {
        let digit = |digit, radix| LexErrorKind::InvalidDigit { digit, radix };
        assert_eq!(one_err("12abc"), (digit('a', Radix::Decimal), 2..3));
        assert_eq!(one_err("x = 12abc + 1"), (digit('a', Radix::Decimal), 6..7));
        assert_eq!(one_err("0b102"), (digit('2', Radix::Binary), 4..5));
        assert_eq!(one_err("0o78"), (digit('8', Radix::Octal), 3..4));
        assert_eq!(one_err("0xfg"), (digit('g', Radix::Hex), 3..4));
        assert_eq!(
            one_err("0x"),
            (LexErrorKind::ExpectedDigitAfterPrefix, 0..2)
        );
        assert_eq!(
            one_err("0xg1 "),
            (LexErrorKind::ExpectedDigitAfterPrefix, 0..4)
        );
        assert_eq!(
            one_err("0b2"),
            (LexErrorKind::ExpectedDigitAfterPrefix, 0..3)
        );
        assert_eq!(
            one_err("0o"),
            (LexErrorKind::ExpectedDigitAfterPrefix, 0..2)
        );
        assert_eq!(
            one_err("0x_1"),
            (LexErrorKind::ExpectedDigitAfterPrefix, 0..4)
        );
        assert_eq!(one_err("1e"), (LexErrorKind::ExpectedExponentDigit, 0..2));
        assert_eq!(one_err("1e+ "), (LexErrorKind::ExpectedExponentDigit, 0..3));
        assert_eq!(
            one_err("1e_3"),
            (
                LexErrorKind::InvalidExponentDigit {
                    digit: '_',
                    first: true
                },
                2..3
            )
        );
        assert_eq!(
            one_err("1e3x"),
            (
                LexErrorKind::InvalidExponentDigit {
                    digit: 'x',
                    first: false
                },
                3..4
            )
        );
        assert_eq!(
            one_err("0x1.8"),
            (LexErrorKind::HexFloatNeedsExponent, 0..5)
        );
        assert_eq!(one_err("1.5abc"), (digit('a', Radix::Decimal), 3..4));
        assert_eq!(one_err("1é"), (digit('é', Radix::Decimal), 1..3));
        // Lexing continues after the bad literal.
        assert_eq!(errs("12abc + 0x").len(), 2);
    }

    #[test]
    fn string_literals() {
        assert_eq!(toks(r#""abc""#), vec![Str(r#""abc""#)]);
        assert_eq!(toks(r#""""#), vec![Str(r#""""#)]);
        assert_eq!(
            toks(r#"x = "a\"b" + "c""#),
            vec![
                id("x"),
                Binary(BinOp::Assign),
                Str(r#""a\"b""#),
                Binary(BinOp::Add),
                Str(r#""c""#)
            ]
        );
        let src = r#"print("a \("b \(1 + 2)") c")"#;
        assert_eq!(
            toks(src),
            vec![id("print"), LParen, Str(&src[6..src.len() - 1]), RParen]
        );
        let src = r#""\(f(")", (1)))""#;
        assert_eq!(toks(src), vec![Str(src)]);
        let src = "let s = \"\"\"\n    Hello \"there\"\n    \\(name)\n    \"\"\"\nprint(s)";
        let t = toks(src);
        assert_eq!(t.len(), 9, "{t:?}");
        assert_eq!(t[3], Str(&src[8..src.find("\nprint").unwrap()]));
        assert_eq!(t[4], Newline);
        assert_eq!(toks("\"😀\\u{1F600}\""), vec![Str("\"😀\\u{1F600}\"")]);
    }

    #[test]
    fn string_errors() {
        assert_eq!(one_err("\"abc"), (LexErrorKind::UnterminatedString, 0..1));
        // A single-line string ends at the newline; lexing goes on and finds more errors.
        let e = errs("let a = \"abc\nlet b = \"def\nlet c = 1");
        assert_eq!(
            e,
            vec![
                (LexErrorKind::UnterminatedString, 8..9),
                (LexErrorKind::UnterminatedString, 21..22),
            ]
        );
        assert_eq!(
            one_err("x = \"\"\"\nabc"),
            (LexErrorKind::UnterminatedString, 4..7)
        );
        assert_eq!(one_err(r#""a\qb""#), (LexErrorKind::InvalidEscape, 2..4));
        let e = errs("\"a \\(1 +\n2)\"");
        assert_eq!(e[0], (LexErrorKind::UnterminatedString, 0..1));
        // Errors inside interpolations, at any depth, with absolute spans.
        assert_eq!(
            one_err(r#"x("\("\q")")"#),
            (LexErrorKind::InvalidEscape, 6..8)
        );
        // Errors in a literal and in its interpolation are both found.
        assert_eq!(errs(r#""\q \(a =b)""#).len(), 2);
        assert_eq!(
            one_err(r#""\(a =b)""#),
            (LexErrorKind::InconsistentWhitespace("=".into()), 5..6)
        );
        assert_eq!(one_err(r#""\(12abc)""#).1, 5..6);
        assert_eq!(
            one_err(r#""\("\("\u{D800}")")""#),
            (LexErrorKind::InvalidUnicodeScalar, 7..15)
        );
        let src = "\"\"\"\n    a\n  b\n    \"\"\"";
        assert_eq!(
            one_err(src),
            (
                LexErrorKind::MultilineIndent(IndentMistake::Insufficient),
                12..13
            )
        );
        assert_eq!(
            one_err("\"\"\"abc\n\"\"\""),
            (LexErrorKind::MultilineStringStart, 3..4)
        );
        assert_eq!(one_err("'a'"), (LexErrorKind::SingleQuotedString, 0..3));
        assert_eq!(
            one_err("x = 'abc"),
            (LexErrorKind::SingleQuotedString, 4..8)
        );
        assert_eq!(
            one_err("x = \u{201C}hi\u{201D}"),
            (LexErrorKind::CurlyQuote, 4..7)
        );
        assert_eq!(
            one_err("#\"raw\"## + 1"),
            (LexErrorKind::ClosingDelimiter, 7..8)
        );
        assert_eq!(
            one_err("##\"a\"#b"),
            (LexErrorKind::UnterminatedString, 0..3)
        );
        assert_eq!(
            errs("#\"\\##n\"#"),
            vec![
                (LexErrorKind::EscapeDelimiter, 4..5),
                (LexErrorKind::InvalidEscape, 4..5)
            ]
        );
    }

    #[test]
    fn extended_delimiters() {
        assert_eq!(toks("#\"a\"b\"# + 1")[0], Str("#\"a\"b\"#"));
        assert_eq!(toks("##\"a\"#b\"## x")[0], Str("##\"a\"#b\"##"));
        let multi = "#\"\"\"\n  a \"\"\" b\n  \"\"\"#";
        assert_eq!(toks(multi), vec![Str(multi)]);
        // An interpolation holding a raw string.
        let nested = "\"a \\(#\"b\"c\"#) d\"";
        assert_eq!(toks(nested), vec![Str(nested)]);
        let raw_interp = "#\"\\#(\"x\")\"#";
        assert_eq!(toks(raw_interp), vec![Str(raw_interp)]);
    }

    #[test]
    fn invalid_characters() {
        assert_eq!(one_err("a \\ b"), (LexErrorKind::InvalidCharacter, 2..3));
        // A run of them is one error.
        assert_eq!(
            one_err("a \u{1}\u{2}\u{7f} b"),
            (LexErrorKind::InvalidCharacter, 2..5)
        );
        assert_eq!(errs("\u{1} a \u{2}").len(), 2);
        // Unicode whitespace separates tokens.
        assert_eq!(toks("a\u{A0}b"), vec![id("a"), id("b")]);
    }

    #[test]
    fn punctuation() {
        assert_eq!(
            toks("( ) [ ] { } , : ; . @ #"),
            vec![
                LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Colon, Semi, Dot, At,
                Hash
            ]
        );
        assert_eq!(
            toks("f() -> Int"),
            vec![id("f"), LParen, RParen, Arrow, id("Int")]
        );
        assert_eq!(
            toks("f()->Int"),
            vec![id("f"), LParen, RParen, Arrow, id("Int")]
        );
        assert_eq!(toks("@escaping"), vec![At, id("escaping")]);
    }

    #[test]
    fn every_binary_operator() {
        let ops = [
            ("+", BinOp::Add),
            ("-", BinOp::Sub),
            ("*", BinOp::Mul),
            ("/", BinOp::Div),
            ("%", BinOp::Rem),
            ("&+", BinOp::AddWrap),
            ("&-", BinOp::SubWrap),
            ("&*", BinOp::MulWrap),
            ("&", BinOp::BitAnd),
            ("|", BinOp::BitOr),
            ("^", BinOp::BitXor),
            ("<<", BinOp::Shl),
            (">>", BinOp::Shr),
            ("==", BinOp::Eq),
            ("!=", BinOp::Ne),
            ("<", BinOp::Lt),
            ("<=", BinOp::Le),
            (">", BinOp::Gt),
            (">=", BinOp::Ge),
            ("===", BinOp::Ident),
            ("!==", BinOp::NotIdent),
            ("&&", BinOp::And),
            ("||", BinOp::Or),
            ("??", BinOp::Coalesce),
            ("..<", BinOp::HalfOpen),
            ("...", BinOp::Closed),
            ("=", BinOp::Assign),
            ("~=", BinOp::Match),
            ("+=", BinOp::Compound(CompoundOp::Add)),
            ("-=", BinOp::Compound(CompoundOp::Sub)),
            ("*=", BinOp::Compound(CompoundOp::Mul)),
            ("/=", BinOp::Compound(CompoundOp::Div)),
            ("%=", BinOp::Compound(CompoundOp::Rem)),
            ("&=", BinOp::Compound(CompoundOp::BitAnd)),
            ("|=", BinOp::Compound(CompoundOp::BitOr)),
            ("^=", BinOp::Compound(CompoundOp::BitXor)),
            ("<<=", BinOp::Compound(CompoundOp::Shl)),
            (">>=", BinOp::Compound(CompoundOp::Shr)),
            ("&+=", BinOp::Compound(CompoundOp::AddWrap)),
            ("&-=", BinOp::Compound(CompoundOp::SubWrap)),
            ("&*=", BinOp::Compound(CompoundOp::MulWrap)),
        ];
        for (text, op) in ops {
            assert_eq!(op.spelling(), text);
            let spaced = format!("a {text} b");
            assert_eq!(
                toks(&spaced),
                vec![id("a"), Binary(op), id("b")],
                "{spaced}"
            );
            let unspaced = format!("a{text}b");
            assert_eq!(
                toks(&unspaced),
                vec![id("a"), Binary(op), id("b")],
                "{unspaced}"
            );
        }
    }

    #[test]
    fn unknown_operators() {
        assert_eq!(
            one_err("x=-1"),
            (LexErrorKind::UnknownOperator("=-".into()), 1..3)
        );
        assert_eq!(
            one_err("a +- b"),
            (LexErrorKind::UnknownOperator("+-".into()), 2..4)
        );
        assert_eq!(
            one_err("a ** b"),
            (LexErrorKind::UnknownOperator("**".into()), 2..4)
        );
        assert_eq!(
            one_err("a .. b"),
            (LexErrorKind::UnknownOperator("..".into()), 2..4)
        );
        assert_eq!(
            one_err("a × b"),
            (LexErrorKind::UnknownOperator("×".into()), 2..4)
        );
        // `..<-` is one operator, as in Swift.
        assert_eq!(
            one_err("0..<-1").0,
            LexErrorKind::UnknownOperator("..<-".into())
        );
        assert_eq!(errs("a +- b; c =- d").len(), 2);
    }

    #[test]
    fn postfix_bang_and_question() {
        assert_eq!(toks("a!"), vec![id("a"), PostfixBang]);
        assert_eq!(toks("a?.b"), vec![id("a"), PostfixQuestion, Dot, id("b")]);
        assert_eq!(toks("a!.b"), vec![id("a"), PostfixBang, Dot, id("b")]);
        assert_eq!(
            toks("a?.b?.c()"),
            vec![
                id("a"),
                PostfixQuestion,
                Dot,
                id("b"),
                PostfixQuestion,
                Dot,
                id("c"),
                LParen,
                RParen
            ]
        );
        assert_eq!(toks("x != y"), vec![id("x"), Binary(BinOp::Ne), id("y")]);
        assert_eq!(toks("x!=y"), vec![id("x"), Binary(BinOp::Ne), id("y")]);
        assert_eq!(
            toks("x! == y"),
            vec![id("x"), PostfixBang, Binary(BinOp::Eq), id("y")]
        );
        assert_eq!(
            toks("a!==b"),
            vec![id("a"), Binary(BinOp::NotIdent), id("b")]
        );
        assert_eq!(
            toks("a ?? b"),
            vec![id("a"), Binary(BinOp::Coalesce), id("b")]
        );
        assert_eq!(
            toks("a??b"),
            vec![id("a"), Binary(BinOp::Coalesce), id("b")]
        );
        assert_eq!(
            toks("a ? b : c"),
            vec![id("a"), Question, id("b"), Colon, id("c")]
        );
        assert_eq!(toks("f()!"), vec![id("f"), LParen, RParen, PostfixBang]);
        assert_eq!(
            toks(r#"d["k"]!"#),
            vec![id("d"), LBracket, Str(r#""k""#), RBracket, PostfixBang]
        );
        assert_eq!(
            toks("x as? Int"),
            vec![id("x"), As, PostfixQuestion, id("Int")]
        );
        assert_eq!(toks("x as! Int"), vec![id("x"), As, PostfixBang, id("Int")]);
        assert_eq!(
            toks("init?(x: Int)"),
            vec![
                Init,
                PostfixQuestion,
                LParen,
                id("x"),
                Colon,
                id("Int"),
                RParen
            ]
        );
        assert_eq!(
            toks("try? f()"),
            vec![Unsupported("try"), PostfixQuestion, id("f"), LParen, RParen]
        );
        assert_eq!(
            toks("x!+1"),
            vec![id("x"), PostfixBang, Binary(BinOp::Add), Int("1")]
        );
        assert_eq!(
            toks("x! + 1"),
            vec![id("x"), PostfixBang, Binary(BinOp::Add), Int("1")]
        );
        assert_eq!(
            toks("var x: Int??"),
            vec![
                Var,
                id("x"),
                Colon,
                id("Int"),
                PostfixQuestion,
                PostfixQuestion
            ]
        );
        assert_eq!(
            toks("let y: [Int]? = nil"),
            vec![
                Let,
                id("y"),
                Colon,
                LBracket,
                id("Int"),
                RBracket,
                PostfixQuestion,
                Binary(BinOp::Assign),
                Nil
            ]
        );
        assert_eq!(
            toks("self?.x"),
            vec![SelfValue, PostfixQuestion, Dot, id("x")]
        );
        assert_eq!(toks("$0!"), vec![Dollar("0"), PostfixBang]);
        assert_eq!(
            toks("if !a {}"),
            vec![If, Prefix(PrefixOp::Not), id("a"), LBrace, RBrace]
        );
        assert_eq!(toks("x!\ny"), vec![id("x"), PostfixBang, Newline, id("y")]);
    }

    #[test]
    fn spans_are_byte_offsets() {
        assert_eq!(
            spanned("let café = 1"),
            vec![
                (0, Let, 3),
                (4, id("café"), 9),
                (10, Binary(BinOp::Assign), 11),
                (12, Int("1"), 13)
            ]
        );
        assert_eq!(
            spanned("a!.b"),
            vec![
                (0, id("a"), 1),
                (1, PostfixBang, 2),
                (2, Dot, 3),
                (3, id("b"), 4)
            ]
        );
        assert_eq!(
            spanned("a\nb"),
            vec![(0, id("a"), 1), (1, Newline, 2), (2, id("b"), 3)]
        );
        assert_eq!(spanned("`x`"), vec![(0, id("x"), 3)]);
    }

    #[test]
    fn errors_are_collected_in_source_order() {
        let e = errs("let a = 0x\nlet b = \"\\q\"\nlet c = x =-1\n/* open");
        let kinds: Vec<_> = e.iter().map(|e| e.0.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                LexErrorKind::ExpectedDigitAfterPrefix,
                LexErrorKind::InvalidEscape,
                LexErrorKind::UnknownOperator("=-".into()),
                LexErrorKind::UnterminatedBlockComment,
            ]
        );
        let starts: Vec<_> = e.iter().map(|e| e.1.start).collect();
        let mut sorted = starts.clone();
        sorted.sort();
        assert_eq!(starts, sorted);
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn tokenize_range_keeps_absolute_spans() {
        let src = r#"print("sum: \(a + b)!")"#;
        let arena = ArenaAllocator::new();
        let start = src.find("a +").unwrap();
        let t = tokenize_range(src, start..start + 5, &arena, &arena).unwrap();
        let t: Vec<_> = t.iter().map(|t| t.triple()).collect();
        assert_eq!(
            t,
            vec![
                (start, id("a"), start + 1),
                (start + 2, Binary(BinOp::Add), start + 3),
                (start + 4, id("b"), start + 5),
            ]
        );
        // A bad range is an error, not a panic.
        assert!(tokenize_range("é", 1..2, &arena, &arena).is_err());
        assert!(tokenize_range("ab", 2..1, &arena, &arena).is_err());
        assert!(tokenize_range("ab", 0..9, &arena, &arena).is_err());
    }

    #[test]
    fn memory_limit_is_an_error() {
        use crate::alloc::{Allocator as _, Subsystem};
        let src = "let x = 1\n".repeat(1000);
        let limited = ArenaAllocator::for_subsystem(Subsystem::Parser);
        limited.accounting().set_limit(Some(256));
        let unlimited = ArenaAllocator::new();
        // Whichever arena refuses, the error names it: the scratch arena (raw tokens) or the
        // one the token buffer goes in.
        for (scratch, out) in [(&limited, &unlimited), (&unlimited, &limited)] {
            match tokenize(&src, scratch, out) {
                Ok(_) => panic!("a 256-byte arena held the tokens"),
                Err(e) => assert!(
                    e.iter().any(|e| matches!(
                        e.kind,
                        LexErrorKind::MemoryLimit {
                            subsystem: Some(Subsystem::Parser),
                            requested,
                        } if requested > 256
                    )),
                    "{e:?}"
                ),
            };
        }
    }

    #[test]
    fn a_source_past_32_bit_offsets_is_refused() {
        // `raw_lex` looks at the range's end only: no 4 GiB string is needed.
        let mut errors = Vec::new();
        let arena = ArenaAllocator::new();
        let raw = raw_lex("x", 0..MAX_OFFSET + 1, &arena, &mut errors).unwrap();
        assert!(raw.is_empty());
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn buffers_are_reserved_from_the_input_size() {
        // Code as dense as the estimate (a token per three bytes): the raw buffer does not
        // grow; the token buffer has room for every token and the line breaks without
        // growing either, in one chunk of its arena.
        let src = "let total = a + b\n".repeat(1000);
        let scratch = ArenaAllocator::new();
        let out = ArenaAllocator::new();
        let mut errors = Vec::new();
        let raw = raw_lex(&src, 0..src.len(), &scratch, &mut errors).unwrap();
        assert_eq!(raw.len(), 6000);
        assert_eq!(raw.capacity(), src.len() / 3 + 8);
        drop(raw);
        let t = tokenize(&src, &scratch, &out).unwrap();
        assert_eq!((t.len(), t.capacity()), (6999, 6999));
        assert_eq!(out.chunk_count(), 1);
    }

    #[test]
    fn tokens_live_in_the_arena() {
        use crate::alloc::Allocator as _;
        let arena = ArenaAllocator::new();
        let before = arena.stats().total_allocated;
        let t = tokenize("let x = 1 + 2", &arena, &arena).unwrap();
        // Statistics are kept only with the `custom-allocators` feature.
        if cfg!(feature = "custom-allocators") {
            assert!(arena.stats().total_allocated > before);
        }
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 10_000;
        let parens = "(".repeat(n) + &")".repeat(n);
        assert_eq!(toks(&parens).len(), 2 * n);
        let braces = "{\n".repeat(n) + &"}\n".repeat(n);
        assert_eq!(toks(&braces).len(), 2 * n);
        let open_only = "[".repeat(n);
        assert_eq!(toks(&open_only).len(), n);
        let comments = "/*".repeat(n) + &"*/".repeat(n) + "x";
        assert_eq!(toks(&comments), vec![id("x")]);
        let generics = "a<".repeat(n) + &">".repeat(n);
        let _ = tokenize(&generics, &ArenaAllocator::new(), &ArenaAllocator::new());
        let mut strings = String::new();
        for _ in 0..n {
            strings.push_str("\"\\(");
        }
        for _ in 0..n {
            strings.push_str(")\"");
        }
        let e = errs(&strings);
        assert!(
            e.iter().any(|e| e.0 == LexErrorKind::InterpolationTooDeep),
            "{:?}",
            &e[..1]
        );
        // Nesting within the limit lexes, and every level is validated.
        let depth = 50;
        let mut s = String::new();
        for _ in 0..depth {
            s.push_str("\"\\(");
        }
        s.push_str("\"\\q\"");
        for _ in 0..depth {
            s.push_str(")\"");
        }
        assert_eq!(one_err(&s).0, LexErrorKind::InvalidEscape);
    }

    /// Source fragments that exercise every lexer path when concatenated at random.
    const FRAGMENTS: &[&str] = &[
        "let", "var", " ", "\n", "\t", "x", "y1", "_", "`class`", "$0", "0", "12", "1.5", "1e3",
        "0x1F", "0b1", "0o7", "0x1p4", "1.", "e", "\"", "\"\"\"", "\\(", ")", "(", "[", "]", "{",
        "}", ",", ":", ";", ".", "..", "...", "..<", "?", "!", "=", "==", "!=", "+", "-", "*", "/",
        "//", "/*", "*/", "<", ">", ">>", "&", "&&", "|", "^", "~", "->", "@", "#", "#!", "'",
        "\\", "\\u{", "1F600}", "\\n", "get", "set", "didSet", "é", "😀", "\u{301}", "×",
        "\u{201C}", "\r\n", "Set", "Int", "??", "as", "is", "init", "self", "else", "in", "\u{0}",
        "\u{7f}", "\u{A0}", "#\"",
    ];

    /// Everything a caller may do with the result must not panic either.
    fn exercise(src: &str) {
        let arena = ArenaAllocator::new();
        let Ok(tokens) = tokenize(src, &arena, &arena) else {
            return;
        };
        let mut prev_end = 0;
        for &token in tokens.iter() {
            let (start, tok, end) = token.triple();
            assert!(
                start <= end && end <= src.len(),
                "{start}..{end} in {src:?}"
            );
            assert!(start >= prev_end || tok == Newline, "{src:?}");
            assert!(src.is_char_boundary(start) && src.is_char_boundary(end));
            prev_end = end;
            if let Str(raw) = tok {
                let parts = strings::decode(raw, start).expect("validated by tokenize");
                for part in parts {
                    if let StrPart::Interp(r) = part {
                        assert!(src.get(r.clone()).is_some());
                        tokenize_range(src, r, &arena, &arena).expect("validated by tokenize");
                    }
                }
            }
            let _ = tok.to_string();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn arbitrary_strings_never_panic(src in any::<String>()) {
            exercise(&src);
        }

        #[test]
        fn swiftish_fragments_never_panic(
            parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40)
        ) {
            exercise(&parts.concat());
        }

        #[test]
        fn arbitrary_ascii_never_panics(src in "[ -~\n\t]{0,60}") {
            exercise(&src);
        }

        #[test]
        fn decode_never_panics(body in any::<String>()) {
            let _ = strings::decode(&format!("\"{body}\""), 0);
            let _ = strings::decode(&format!("\"\"\"\n{body}\n\"\"\""), 0);
            let _ = strings::decode(&body, 0);
        }
    }
}
