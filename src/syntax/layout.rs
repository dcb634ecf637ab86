//! The layout filter: raw tokens to parser tokens, deciding what Swift decides from
//! whitespace and context.
//!
//! - Operators (swiftc's rule): whitespace on both sides or on neither → binary (`?` → the
//!   ternary [`Tok::Question`]); only on the left → prefix; only on the right → postfix.
//!   "Whitespace on the left" includes the start of the input and `( [ { , ; :`; "on the
//!   right" includes the end of the input and `) ] } , ; :`; a following `.` counts as
//!   whitespace exactly when the operator is bound on the left (`x!.y` postfix, `!.y` prefix),
//!   as swiftc's `isRightBound` has it. `->` is always [`Tok::Arrow`].
//! - Newlines: a line break becomes one [`Tok::Newline`] when the innermost open bracket is
//!   `{` (or none), the previous token can end a statement, and the next token cannot
//!   continue one (see [`no_newline_after`], [`no_newline_before`]).
//! - Generic argument lists: `Name<...>` where a bounded look-ahead finds the matching `>`
//!   over type-like tokens, followed by a token that can follow a type.
//! - Accessors: `get`/`set`/`willSet`/`didSet` at the start of an accessor block entry,
//!   followed by `{` (or `(name) {`).
//!
//! Allocates the output buffer and the bracket stack in the Lexer arena; no recursion.

#![forbid(unsafe_code)]

use allocator_api2::vec::Vec as ArenaVec;

use super::error::{LexError, LexErrorKind};
use super::lexer::{
    ends_operand, growth, out_of_memory, OutOfMemory, RawKind, RawToken, Token, Tokens,
};
use super::token::{BinOp, CompoundOp, PrefixOp, Tok};
use crate::alloc::Allocator;

/// How many tokens the generic-argument look-ahead examines at most (keeps the filter
/// linear on inputs like `a<b<c<d...`).
const GENERIC_SCAN_LIMIT: usize = 128;

/// Runs the layout filter over the raw tokens of one input, appending to `out` (reserved
/// by the caller); the bracket stack goes in `scratch`.
pub(crate) fn layout<'src, 'a>(
    raw: &[RawToken<'src>],
    out: Tokens<'src, 'a>,
    scratch: &dyn Allocator,
    errors: &mut Vec<LexError>,
) -> Result<Tokens<'src, 'a>, OutOfMemory> {
    let mut layout = Layout {
        raw,
        out,
        brackets: ArenaVec::new_in(scratch),
        errors,
    };
    let mut i = 0;
    while i < raw.len() {
        i = layout.token(i)?;
    }
    Ok(layout.out)
}

/// The filter's state.
struct Layout<'r, 'src, 'a, 's> {
    raw: &'r [RawToken<'src>],
    out: Tokens<'src, 'a>,
    /// The open brackets: `b'('`, `b'['`, `b'{'`. A closer pops whatever is on top (the parser
    /// reports mismatches).
    brackets: ArenaVec<u8, &'s dyn Allocator>,
    errors: &'r mut Vec<LexError>,
}

impl<'src> Layout<'_, 'src, '_, '_> {
    /// Handles the raw token at `i`; returns the index of the next one to handle.
    fn token(&mut self, i: usize) -> Result<usize, OutOfMemory> {
        let t = self.raw[i];
        match t.kind {
            RawKind::Tok(tok) => {
                self.newline(i, tok)?;
                self.push(tok, t.start(), t.end())?;
            }
            RawKind::Word(word) => {
                self.newline(i, Tok::Ident(word))?;
                let tok = self.accessor(i, word).unwrap_or(Tok::Ident(word));
                self.push(tok, t.start(), t.end())?;
            }
            RawKind::Op(text) => {
                if text == "<" {
                    if let Some(close) = self.generic_close(i) {
                        return self.generic(i, close);
                    }
                }
                if let Some(tok) = self.operator(i, text) {
                    self.newline(i, tok)?;
                    self.push(tok, t.start(), t.end())?;
                }
            }
        }
        Ok(i + 1)
    }

    /// Appends a token, keeping the bracket stack.
    fn push(&mut self, tok: Tok<'src>, start: usize, end: usize) -> Result<(), OutOfMemory> {
        let bracket = match tok {
            Tok::LParen => Some(b'('),
            Tok::LBracket => Some(b'['),
            Tok::LBrace | Tok::LBraceSig | Tok::LBraceAccessor => Some(b'{'),
            _ => None,
        };
        if let Some(b) = bracket {
            if self.brackets.try_reserve(1).is_err() {
                let (arena, wanted) =
                    (*self.brackets.allocator(), growth(self.brackets.capacity()));
                return Err(out_of_memory::<u8>(self.errors, start, arena, wanted));
            }
            self.brackets.push(b);
        } else if matches!(tok, Tok::RParen | Tok::RBracket | Tok::RBrace) {
            self.brackets.pop();
        }
        if self.out.try_reserve(1).is_err() {
            let (arena, wanted) = (*self.out.allocator(), growth(self.out.capacity()));
            return Err(out_of_memory::<Token<'_>>(
                self.errors,
                start,
                arena,
                wanted,
            ));
        }
        self.out.push(Token::new(start, tok, end));
        Ok(())
    }

    fn error(&mut self, kind: LexErrorKind, i: usize) {
        let t = self.raw[i];
        self.errors.push(LexError::new(kind, t.start()..t.end()));
    }

    // -----------------------------------------------------------------------------------
    // Newlines

    /// Emits a `Newline` before raw token `i` (which becomes `next`) if the rules say so.
    fn newline(&mut self, i: usize, next: Tok<'_>) -> Result<(), OutOfMemory> {
        let Some(at) = self.raw[i].newline_before() else {
            return Ok(());
        };
        if matches!(self.brackets.last(), Some(b'(' | b'[')) || no_newline_before(&next) {
            return Ok(());
        }
        let n = self.out.len();
        let Some(&Token { tok: prev, .. }) = self.out.last() else {
            return Ok(());
        };
        if no_newline_after(&prev) {
            return Ok(());
        }
        // `return` and a value on the next line: the value is returned (swiftc parses an
        // expression after `return` wherever it is, unless a statement starts there).
        // Since Swift 5.9 that includes an `if` or `switch` expression.
        let value = starts_expression(&next) || matches!(next, Tok::If | Tok::Switch);
        if prev == Tok::Return && value && !self.starts_label(i) {
            return Ok(());
        }
        // `@discardableResult` on its own line belongs to the declaration below it.
        if matches!(prev, Tok::Ident(_)) && n >= 2 && matches!(self.out[n - 2].tok, Tok::At) {
            return Ok(());
        }
        self.push(Tok::Newline, at, at + 1)
    }

    /// Whether raw token `i` is a statement label (`name:`).
    fn starts_label(&self, i: usize) -> bool {
        matches!(self.raw[i].kind, RawKind::Word(_))
            && matches!(
                self.raw.get(i + 1).map(|t| t.kind),
                Some(RawKind::Tok(Tok::Colon))
            )
    }

    // -----------------------------------------------------------------------------------
    // Operators

    /// Whether the operator at `i` is bound on the left (no whitespace before it).
    fn left_bound(&self, i: usize) -> bool {
        let t = &self.raw[i];
        i > 0
            && !t.space_before
            && !matches!(
                self.raw[i - 1].kind,
                RawKind::Tok(
                    Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::Comma | Tok::Semi | Tok::Colon
                )
            )
    }

    /// Whether the operator at `i` is bound on the right (no whitespace after it).
    fn right_bound(&self, i: usize, left_bound: bool) -> bool {
        let Some(next) = self.raw.get(i + 1) else {
            return false;
        };
        !next.space_before
            && match next.kind {
                RawKind::Tok(
                    Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::Comma | Tok::Semi | Tok::Colon,
                ) => false,
                RawKind::Tok(Tok::Dot) => !left_bound,
                _ => true,
            }
    }

    /// Classifies the operator run `text` at raw index `i`, or records why it cannot be.
    fn operator(&mut self, i: usize, text: &str) -> Option<Tok<'src>> {
        if text == "->" {
            return Some(Tok::Arrow);
        }
        let left = self.left_bound(i);
        let right = self.right_bound(i, left);
        let binary = if text == "?" {
            Some(Tok::Question)
        } else {
            binary_op(text).map(Tok::Binary)
        };
        let kind = if left == right {
            match binary {
                Some(tok) => return Some(tok),
                None => LexErrorKind::UnknownOperator(text.into()),
            }
        } else if !left {
            // Prefix position.
            if let Some(op) = prefix_op(text) {
                return Some(Tok::Prefix(op));
            }
            let after_operand = i > 0 && ends_operand(&self.raw[i - 1].kind);
            match binary {
                Some(_) if text == "=" || after_operand => {
                    LexErrorKind::InconsistentWhitespace(text.into())
                }
                Some(_) => LexErrorKind::NotPrefixOperator(text.into()),
                None => LexErrorKind::UnknownOperator(text.into()),
            }
        } else {
            // Postfix position.
            match text {
                "!" => return Some(Tok::PostfixBang),
                "?" => return Some(Tok::PostfixQuestion),
                "..." => return Some(Tok::PostfixDots),
                _ => {}
            }
            if prefix_op(text).is_some() {
                LexErrorKind::NotPostfixOperator(text.into())
            } else if binary.is_some() {
                LexErrorKind::InconsistentWhitespace(text.into())
            } else {
                LexErrorKind::UnknownOperator(text.into())
            }
        };
        self.error(kind, i);
        None
    }

    // -----------------------------------------------------------------------------------
    // Generic argument lists

    /// If the `<` at raw index `i` opens a generic argument list, the raw index of the token
    /// holding the matching `>` and that `>`'s byte offset in it.
    fn generic_close(&self, i: usize) -> Option<(usize, usize)> {
        let raw = self.raw;
        if i == 0 || raw[i].space_before {
            return None;
        }
        if !matches!(
            raw[i - 1].kind,
            RawKind::Word(_) | RawKind::Tok(Tok::Ident(_) | Tok::SelfType)
        ) {
            return None;
        }
        let mut depth = 1usize;
        let mut nest = [0u8; GENERIC_SCAN_LIMIT];
        let mut nest_len = 0usize;
        let last = raw.len().min(i + 1 + GENERIC_SCAN_LIMIT);
        for (k, t) in raw.iter().enumerate().take(last).skip(i + 1) {
            if t.newline_before().is_some() {
                return None;
            }
            match t.kind {
                RawKind::Word(_)
                | RawKind::Tok(
                    Tok::Ident(_)
                    | Tok::SelfType
                    | Tok::Dot
                    | Tok::Comma
                    | Tok::Colon
                    | Tok::PostfixBang
                    | Tok::PostfixQuestion,
                ) => {}
                RawKind::Tok(Tok::LParen | Tok::LBracket) => {
                    // At most one push per scanned token, so this always finds a slot.
                    let slot = nest.get_mut(nest_len)?;
                    *slot = if t.kind == RawKind::Tok(Tok::LParen) {
                        b'('
                    } else {
                        b'['
                    };
                    nest_len += 1;
                }
                RawKind::Tok(Tok::RParen | Tok::RBracket) => {
                    let want = if t.kind == RawKind::Tok(Tok::RParen) {
                        b'('
                    } else {
                        b'['
                    };
                    if nest_len == 0 || nest[nest_len - 1] != want {
                        return None;
                    }
                    nest_len -= 1;
                }
                RawKind::Op("->") => {}
                RawKind::Op(text) => {
                    for (off, c) in text.char_indices() {
                        match c {
                            '<' => depth += 1,
                            '>' => {
                                depth -= 1;
                                if depth == 0 {
                                    return self.generic_end(k, text, off, nest_len);
                                }
                            }
                            '?' | '!' => {}
                            _ => return None,
                        }
                    }
                }
                RawKind::Tok(_) => return None,
            }
        }
        None
    }

    /// Checks what follows the `>` at byte `off` of operator run `text` (raw index `k`)
    /// that closes a generic argument list.
    fn generic_end(
        &self,
        k: usize,
        text: &str,
        off: usize,
        nest_len: usize,
    ) -> Option<(usize, usize)> {
        if nest_len != 0 {
            return None;
        }
        let rest = &text[off + 1..];
        if !rest.is_empty() {
            // `Set<Int>?`, `Array<Int>!`
            return rest
                .bytes()
                .all(|c| c == b'?' || c == b'!')
                .then_some((k, off));
        }
        let follows = match self.raw.get(k + 1) {
            None => true,
            Some(t) if t.newline_before().is_some() => true,
            Some(t) => matches!(
                t.kind,
                RawKind::Tok(
                    Tok::LParen
                        | Tok::Dot
                        | Tok::RParen
                        | Tok::RBracket
                        | Tok::RBrace
                        | Tok::Comma
                        | Tok::Colon
                        | Tok::LBrace
                        | Tok::Semi
                        | Tok::PostfixBang
                        | Tok::PostfixQuestion
                ) | RawKind::Op("=")
            ),
        };
        follows.then_some((k, off))
    }

    /// Emits the generic argument list from the `<` at raw index `i` to the `>` at byte
    /// `off` of raw token `j`; returns the index after `j`.
    fn generic(&mut self, i: usize, (j, off): (usize, usize)) -> Result<usize, OutOfMemory> {
        for k in i..=j {
            let t = self.raw[k];
            match t.kind {
                RawKind::Op("->") => self.push(Tok::Arrow, t.start(), t.end())?,
                RawKind::Op(text) => {
                    for (o, c) in text.char_indices() {
                        let tok = match c {
                            '<' => Tok::GenericOpen,
                            '>' if k != j || o <= off => Tok::GenericClose,
                            '?' => Tok::PostfixQuestion,
                            '!' => Tok::PostfixBang,
                            // The scan admitted nothing else.
                            _ => continue,
                        };
                        self.push(tok, t.start() + o, t.start() + o + c.len_utf8())?;
                    }
                }
                RawKind::Word(word) => self.push(Tok::Ident(word), t.start(), t.end())?,
                RawKind::Tok(tok) => self.push(tok, t.start(), t.end())?,
            }
        }
        Ok(j + 1)
    }

    // -----------------------------------------------------------------------------------
    // Accessors

    /// `get`/`set`/`willSet`/`didSet` as the contextual keyword, when the identifier at raw
    /// index `i` starts an accessor: after `{`, `}`, a newline, `;` or an access modifier,
    /// and before `{` (or, except `get`, before `( name ) {`).
    fn accessor(&self, i: usize, word: &str) -> Option<Tok<'src>> {
        let tok = match word {
            "get" => Tok::Get,
            "set" => Tok::Set,
            "willSet" => Tok::WillSet,
            "didSet" => Tok::DidSet,
            _ => return None,
        };
        let after = matches!(
            self.out.last().map(|t| t.tok),
            Some(Tok::LBrace | Tok::RBrace | Tok::Newline | Tok::Semi | Tok::Access(_))
        );
        if !after {
            return None;
        }
        let kind = |k: usize| self.raw.get(k).map(|t| t.kind);
        let brace = Some(RawKind::Tok(Tok::LBrace));
        if kind(i + 1) == brace {
            return Some(tok);
        }
        let named = tok != Tok::Get
            && kind(i + 1) == Some(RawKind::Tok(Tok::LParen))
            && matches!(
                kind(i + 2),
                Some(RawKind::Word(_) | RawKind::Tok(Tok::Ident(_)))
            )
            && kind(i + 3) == Some(RawKind::Tok(Tok::RParen))
            && kind(i + 4) == brace;
        named.then_some(tok)
    }
}

/// Tokens after which a line break never ends a statement.
pub(crate) fn no_newline_after(prev: &Tok<'_>) -> bool {
    matches!(
        prev,
        Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::LBraceSig
            | Tok::LBraceAccessor
            | Tok::Comma
            | Tok::Colon
            | Tok::Newline
            | Tok::Semi
            | Tok::Binary(_)
            | Tok::Question
            | Tok::Prefix(_)
            | Tok::Arrow
            | Tok::Dot
            | Tok::At
            | Tok::GenericOpen
    )
}

/// Tokens that begin an expression and cannot begin a statement or declaration: after
/// `return` on the previous line, such a token begins the returned value.
fn starts_expression(next: &Tok<'_>) -> bool {
    next.is_atom() || matches!(next, Tok::LParen | Tok::LBracket | Tok::Prefix(_))
}

/// Tokens that continue the previous line when they start one.
pub(crate) fn no_newline_before(next: &Tok<'_>) -> bool {
    matches!(
        next,
        Tok::Binary(_)
            | Tok::Question
            | Tok::Dot
            | Tok::Else
            | Tok::LBrace
            | Tok::LBraceSig
            | Tok::LBraceAccessor
            | Tok::RParen
            | Tok::RBracket
            | Tok::RBrace
            | Tok::Comma
            | Tok::Colon
            | Tok::Arrow
            | Tok::Where
    )
}

/// The binary operator spelled `text`.
fn binary_op(text: &str) -> Option<BinOp> {
    Some(match text {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "%" => BinOp::Rem,
        "&+" => BinOp::AddWrap,
        "&-" => BinOp::SubWrap,
        "&*" => BinOp::MulWrap,
        "&" => BinOp::BitAnd,
        "|" => BinOp::BitOr,
        "^" => BinOp::BitXor,
        "<<" => BinOp::Shl,
        ">>" => BinOp::Shr,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "===" => BinOp::Ident,
        "!==" => BinOp::NotIdent,
        "&&" => BinOp::And,
        "||" => BinOp::Or,
        "??" => BinOp::Coalesce,
        "..<" => BinOp::HalfOpen,
        "..." => BinOp::Closed,
        "=" => BinOp::Assign,
        "~=" => BinOp::Match,
        "+=" => BinOp::Compound(CompoundOp::Add),
        "-=" => BinOp::Compound(CompoundOp::Sub),
        "*=" => BinOp::Compound(CompoundOp::Mul),
        "/=" => BinOp::Compound(CompoundOp::Div),
        "%=" => BinOp::Compound(CompoundOp::Rem),
        "&=" => BinOp::Compound(CompoundOp::BitAnd),
        "|=" => BinOp::Compound(CompoundOp::BitOr),
        "^=" => BinOp::Compound(CompoundOp::BitXor),
        "<<=" => BinOp::Compound(CompoundOp::Shl),
        ">>=" => BinOp::Compound(CompoundOp::Shr),
        "&+=" => BinOp::Compound(CompoundOp::AddWrap),
        "&-=" => BinOp::Compound(CompoundOp::SubWrap),
        "&*=" => BinOp::Compound(CompoundOp::MulWrap),
        _ => return None,
    })
}

/// The prefix operator spelled `text` (`&` is the inout-argument marker `&x`).
fn prefix_op(text: &str) -> Option<PrefixOp> {
    Some(match text {
        "-" => PrefixOp::Neg,
        "+" => PrefixOp::Plus,
        "!" => PrefixOp::Not,
        "~" => PrefixOp::BitNot,
        "..<" => PrefixOp::UpTo,
        "..." => PrefixOp::Through,
        "&" => PrefixOp::InOut,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tests::{errs, spanned, toks};
    use super::*;
    use Tok::*;

    fn id(s: &str) -> Tok<'_> {
        Ident(s)
    }

    fn newlines(src: &str) -> usize {
        toks(src).iter().filter(|t| **t == Newline).count()
    }

    #[test]
    fn newline_ends_statements() {
        assert_eq!(
            toks("let x = 1\nlet y = 2"),
            vec![
                Let,
                id("x"),
                Binary(BinOp::Assign),
                Int("1"),
                Newline,
                Let,
                id("y"),
                Binary(BinOp::Assign),
                Int("2")
            ]
        );
        // At most one in a row, none at the start or the end.
        assert_eq!(
            toks("\n\na\n\n\n// c\n\nb\n\n"),
            vec![id("a"), Newline, id("b")]
        );
        assert_eq!(toks("a;\nb"), vec![id("a"), Semi, id("b")]);
        assert_eq!(
            toks("a\n-b"),
            vec![id("a"), Newline, Prefix(PrefixOp::Neg), id("b")]
        );
        assert_eq!(
            toks("a\n(b)"),
            vec![id("a"), Newline, LParen, id("b"), RParen]
        );
        assert_eq!(
            toks("a\n[b]"),
            vec![id("a"), Newline, LBracket, id("b"), RBracket]
        );
        assert_eq!(toks("x!\ny"), vec![id("x"), PostfixBang, Newline, id("y")]);
        assert_eq!(
            toks("{ x in\n x + 1 }"),
            vec![
                LBrace,
                id("x"),
                In,
                Newline,
                id("x"),
                Binary(BinOp::Add),
                Int("1"),
                RBrace
            ]
        );
        assert_eq!(
            toks("{ a\n b }"),
            vec![LBrace, id("a"), Newline, id("b"), RBrace]
        );
    }

    #[test]
    fn newline_continues_expressions() {
        assert_eq!(newlines("let x = 1 +\n 2"), 0);
        assert_eq!(newlines("let x = 1\n + 2"), 0);
        assert_eq!(newlines("x =\n 1"), 0);
        assert_eq!(newlines("x\n = 1"), 0);
        assert_eq!(newlines("foo\n.bar()"), 0);
        assert_eq!(newlines("xs\n  .map { $0 * 2 }\n  .filter { $0 > 1 }"), 0);
        assert_eq!(newlines("if a {\n} else {\n}"), 0);
        assert_eq!(newlines("if a {\n}\nelse {\n}"), 0);
        assert_eq!(newlines("[1,\n2]"), 0);
        assert_eq!(newlines("[1\n,2]"), 0);
        assert_eq!(newlines("foo(\n1,\n2\n)"), 0);
        assert_eq!(newlines("let d = [\n\"a\": 1,\n\"b\": 2\n]"), 0);
        assert_eq!(newlines("let x = c\n  ? a\n  : b"), 0);
        assert_eq!(newlines("func f()\n{\n}"), 0);
        assert_eq!(newlines("func f()\n  -> Int {\n 1\n}"), 0);
        assert_eq!(newlines("for x in xs\n where x > 1 {\n}"), 0);
        assert_eq!(newlines("f(a,\n b)"), 0);
        assert_eq!(newlines("let x:\n Int"), 0);
        assert_eq!(newlines("a.\nb"), 0);
        assert_eq!(newlines("return\n}"), 0);
        assert_eq!(newlines("@discardableResult\nfunc f() {}"), 0);
        assert_eq!(newlines("@available\n(x)"), 0);
    }

    #[test]
    fn newline_inside_brackets() {
        // Inside `(`/`[` never; inside a closure in them again.
        assert_eq!(
            toks("f({\na\nb\n})"),
            vec![
                id("f"),
                LParen,
                LBrace,
                id("a"),
                Newline,
                id("b"),
                RBrace,
                RParen
            ]
        );
        assert_eq!(
            toks("[\n{ x\n y }\n]"),
            vec![
                LBracket,
                LBrace,
                id("x"),
                Newline,
                id("y"),
                RBrace,
                RBracket
            ]
        );
        let src = "switch x {\ncase 1:\n a\n b\ndefault:\n c\n}";
        assert_eq!(
            toks(src),
            vec![
                Switch,
                id("x"),
                LBrace,
                Case,
                Int("1"),
                Colon,
                id("a"),
                Newline,
                id("b"),
                Newline,
                Default,
                Colon,
                id("c"),
                RBrace
            ]
        );
        // Unbalanced closers do not panic.
        assert_eq!(
            toks(")\n)\na\nb"),
            vec![RParen, RParen, Newline, id("a"), Newline, id("b")]
        );
    }

    #[test]
    fn newline_span_is_the_line_break() {
        assert_eq!(
            spanned("a  \n  b"),
            vec![(0, id("a"), 1), (3, Newline, 4), (6, id("b"), 7)]
        );
        assert_eq!(spanned("a\r\nb")[1], (1, Newline, 2));
    }

    #[test]
    fn operator_classification() {
        assert_eq!(toks("a - b"), vec![id("a"), Binary(BinOp::Sub), id("b")]);
        assert_eq!(toks("-b"), vec![Prefix(PrefixOp::Neg), id("b")]);
        assert_eq!(toks("a-b"), vec![id("a"), Binary(BinOp::Sub), id("b")]);
        // Two expressions: the grammar sees the prefix minus (no newline is inserted).
        assert_eq!(toks("a -b"), vec![id("a"), Prefix(PrefixOp::Neg), id("b")]);
        assert_eq!(
            errs("a- b"),
            vec![(LexErrorKind::NotPostfixOperator("-".into()), 1..2)]
        );
        assert_eq!(
            toks("f(-1, +2, !x, ~y)"),
            vec![
                id("f"),
                LParen,
                Prefix(PrefixOp::Neg),
                Int("1"),
                Comma,
                Prefix(PrefixOp::Plus),
                Int("2"),
                Comma,
                Prefix(PrefixOp::Not),
                id("x"),
                Comma,
                Prefix(PrefixOp::BitNot),
                id("y"),
                RParen
            ]
        );
        assert_eq!(
            toks("swap(&a, &b)"),
            vec![
                id("swap"),
                LParen,
                Prefix(PrefixOp::InOut),
                id("a"),
                Comma,
                Prefix(PrefixOp::InOut),
                id("b"),
                RParen
            ]
        );
        assert_eq!(toks("a & b"), vec![id("a"), Binary(BinOp::BitAnd), id("b")]);
        assert_eq!(
            toks("x = -1"),
            vec![
                id("x"),
                Binary(BinOp::Assign),
                Prefix(PrefixOp::Neg),
                Int("1")
            ]
        );
        assert_eq!(
            toks("-x.y"),
            vec![Prefix(PrefixOp::Neg), id("x"), Dot, id("y")]
        );
        assert_eq!(
            toks("a[..<5]"),
            vec![
                id("a"),
                LBracket,
                Prefix(PrefixOp::UpTo),
                Int("5"),
                RBracket
            ]
        );
        assert_eq!(
            toks("a[...5]"),
            vec![
                id("a"),
                LBracket,
                Prefix(PrefixOp::Through),
                Int("5"),
                RBracket
            ]
        );
        assert_eq!(
            toks("a[2...]"),
            vec![id("a"), LBracket, Int("2"), PostfixDots, RBracket]
        );
        assert_eq!(
            toks("0 ... 5"),
            vec![Int("0"), Binary(BinOp::Closed), Int("5")]
        );
        assert_eq!(
            toks("1..<n"),
            vec![Int("1"), Binary(BinOp::HalfOpen), id("n")]
        );
        // `?` with binary spacing is the ternary.
        assert_eq!(
            toks("a ? b : c"),
            vec![id("a"), Question, id("b"), Colon, id("c")]
        );
        assert_eq!(
            toks("(a) ? 1 : 2"),
            vec![LParen, id("a"), RParen, Question, Int("1"), Colon, Int("2")]
        );
        assert_eq!(toks("x = y"), vec![id("x"), Binary(BinOp::Assign), id("y")]);
    }

    #[test]
    fn operator_spacing_errors() {
        let inconsistent = |op: &str| LexErrorKind::InconsistentWhitespace(op.into());
        assert_eq!(errs("x =1"), vec![(inconsistent("="), 2..3)]);
        assert_eq!(errs("x= 1"), vec![(inconsistent("="), 1..2)]);
        assert_eq!(errs("(=1)"), vec![(inconsistent("="), 1..2)]);
        assert_eq!(errs("a ==b"), vec![(inconsistent("=="), 2..4)]);
        assert_eq!(errs("a+= 1"), vec![(inconsistent("+="), 1..3)]);
        assert_eq!(errs("a &&b"), vec![(inconsistent("&&"), 2..4)]);
        assert_eq!(errs("a ??b"), vec![(inconsistent("??"), 2..4)]);
        assert_eq!(errs("a* b"), vec![(inconsistent("*"), 1..2)]);
        assert_eq!(errs("c ?a : b"), vec![(inconsistent("?"), 2..3)]);
        assert_eq!(
            errs("(*x)"),
            vec![(LexErrorKind::NotPrefixOperator("*".into()), 1..2)]
        );
        assert_eq!(
            errs("f(a, ==b)"),
            vec![(LexErrorKind::NotPrefixOperator("==".into()), 5..7)]
        );
        assert_eq!(
            errs("x~ y"),
            vec![(LexErrorKind::NotPostfixOperator("~".into()), 1..2)]
        );
        assert_eq!(
            errs("a..< b"),
            vec![(LexErrorKind::NotPostfixOperator("..<".into()), 1..4)]
        );
        assert_eq!(
            errs("a +-b"),
            vec![(LexErrorKind::UnknownOperator("+-".into()), 2..4)]
        );
    }

    #[test]
    fn generic_argument_lists() {
        assert_eq!(
            toks("Set<Int>()"),
            vec![
                id("Set"),
                GenericOpen,
                id("Int"),
                GenericClose,
                LParen,
                RParen
            ]
        );
        assert_eq!(
            toks("var s: Set<String> = []"),
            vec![
                Var,
                id("s"),
                Colon,
                id("Set"),
                GenericOpen,
                id("String"),
                GenericClose,
                Binary(BinOp::Assign),
                LBracket,
                RBracket
            ]
        );
        assert_eq!(
            spanned("Array<Set<Int>>()"),
            vec![
                (0, id("Array"), 5),
                (5, GenericOpen, 6),
                (6, id("Set"), 9),
                (9, GenericOpen, 10),
                (10, id("Int"), 13),
                (13, GenericClose, 14),
                (14, GenericClose, 15),
                (15, LParen, 16),
                (16, RParen, 17)
            ]
        );
        assert_eq!(
            toks("Dictionary<String, [Int]>()"),
            vec![
                id("Dictionary"),
                GenericOpen,
                id("String"),
                Comma,
                LBracket,
                id("Int"),
                RBracket,
                GenericClose,
                LParen,
                RParen
            ]
        );
        assert_eq!(
            toks("let x: Set<Int>? = nil"),
            vec![
                Let,
                id("x"),
                Colon,
                id("Set"),
                GenericOpen,
                id("Int"),
                GenericClose,
                PostfixQuestion,
                Binary(BinOp::Assign),
                Nil
            ]
        );
        assert_eq!(
            toks("Array<Int?>()"),
            vec![
                id("Array"),
                GenericOpen,
                id("Int"),
                PostfixQuestion,
                GenericClose,
                LParen,
                RParen
            ]
        );
        assert_eq!(
            toks("Array<Set<Int>?>()"),
            vec![
                id("Array"),
                GenericOpen,
                id("Set"),
                GenericOpen,
                id("Int"),
                GenericClose,
                PostfixQuestion,
                GenericClose,
                LParen,
                RParen
            ]
        );
        assert_eq!(
            toks("Optional<Int>.none"),
            vec![
                id("Optional"),
                GenericOpen,
                id("Int"),
                GenericClose,
                Dot,
                id("none")
            ]
        );
        assert_eq!(
            toks("let f: Array<(Int) -> Int> = []"),
            vec![
                Let,
                id("f"),
                Colon,
                id("Array"),
                GenericOpen,
                LParen,
                id("Int"),
                RParen,
                Arrow,
                id("Int"),
                GenericClose,
                Binary(BinOp::Assign),
                LBracket,
                RBracket
            ]
        );
        assert_eq!(
            toks("[Set<Int>]()"),
            vec![
                LBracket,
                id("Set"),
                GenericOpen,
                id("Int"),
                GenericClose,
                RBracket,
                LParen,
                RParen
            ]
        );
        assert_eq!(
            toks("x as! Array<Int>\ny"),
            vec![
                id("x"),
                As,
                PostfixBang,
                id("Array"),
                GenericOpen,
                id("Int"),
                GenericClose,
                Newline,
                id("y")
            ]
        );
        assert_eq!(toks("f(Set<Int>(), 1)")[2], id("Set"));
        assert_eq!(toks("f(Set<Int>(), 1)")[3], GenericOpen);
        // As in Swift, `f(a<b, c>(d))` is a generic call.
        assert!(toks("f(a<b, c>(d))").contains(&GenericOpen));
    }

    #[test]
    fn comparisons_stay_comparisons() {
        assert_eq!(toks("x < y"), vec![id("x"), Binary(BinOp::Lt), id("y")]);
        assert_eq!(toks("a<b"), vec![id("a"), Binary(BinOp::Lt), id("b")]);
        assert_eq!(
            toks("if a < b && c > d {"),
            vec![
                If,
                id("a"),
                Binary(BinOp::Lt),
                id("b"),
                Binary(BinOp::And),
                id("c"),
                Binary(BinOp::Gt),
                id("d"),
                LBrace
            ]
        );
        assert_eq!(toks("if a<b && c>d {")[2], Binary(BinOp::Lt));
        assert_eq!(toks("if a<b, c>d {")[2], Binary(BinOp::Lt));
        assert_eq!(toks("while i<n {")[2], Binary(BinOp::Lt));
        assert_eq!(toks("x = a<b ? 1 : 2")[3], Binary(BinOp::Lt));
        assert_eq!(toks("a<b>c")[1], Binary(BinOp::Lt));
        // A generic scan never crosses a line.
        assert_eq!(toks("a<b\nc>(d)")[1], Binary(BinOp::Lt));
        assert_eq!(toks("a < b > (c)")[1], Binary(BinOp::Lt));
    }

    #[test]
    fn accessors() {
        let src = "var x: Int {\n  get { return 1 }\n  set { y = newValue }\n}";
        let t = toks(src);
        assert!(t.contains(&Get) && t.contains(&Set), "{t:?}");
        let src = "var x: Int { get { 1 } set(v) { } }";
        let t = toks(src);
        assert_eq!(&t[4..7], &[LBrace, Get, LBrace]);
        assert!(t.contains(&Set), "{t:?}");
        let src = "var y = 0 {\n  willSet(n) { }\n  didSet { print(oldValue) }\n}";
        let t = toks(src);
        assert!(t.contains(&WillSet) && t.contains(&DidSet), "{t:?}");
        let src = "var z = 0 { willSet { }; didSet { } }";
        let t = toks(src);
        assert!(t.contains(&WillSet) && t.contains(&DidSet), "{t:?}");
        assert!(toks("var q: Int { get { 1 } private set { } }").contains(&Set));
        // Elsewhere they are identifiers.
        assert_eq!(
            toks("let get = 1"),
            vec![Let, id("get"), Binary(BinOp::Assign), Int("1")]
        );
        assert_eq!(toks("get()"), vec![id("get"), LParen, RParen]);
        assert_eq!(
            toks("x.set(1)"),
            vec![id("x"), Dot, id("set"), LParen, Int("1"), RParen]
        );
        assert_eq!(toks("{ get }"), vec![LBrace, id("get"), RBrace]);
        assert_eq!(toks("{ get(x) { } }")[1], id("get"));
        assert_eq!(toks("{ set(a, b) { } }")[1], id("set"));
        assert_eq!(toks("private(set) var a = 1")[2], id("set"));
    }
}
