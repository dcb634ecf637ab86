//! Conditional compilation: `#if` / `#elseif` / `#else` / `#endif`, resolved on the raw
//! tokens before the layout stage, as `swift script.swift` resolves them.
//!
//! Each clause's condition is parsed and checked as swiftc's `ValidateIfConfigCondition`
//! does (only `&&`, `||`, `!`, parentheses, `true`/`false`, flags and the platform
//! conditions), and evaluated for this host: no flag is defined (`DEBUG` is false),
//! `os(Linux)`, `arch(...)` of the host, `swift(...)` / `compiler(...)` against language
//! version 5.10, `canImport(...)` true for `Foundation`, `Swift` and `Glibc`,
//! `targetEnvironment(...)` false. Inactive clauses are dropped token by token: they are
//! lexed (lexical errors count) but never parsed or type-checked, so code outside the subset
//! may sit in them. The directives' own tokens go too; the layout stage then sees the active
//! code as if it had been written alone.
//!
//! A clause must be balanced: a `}` that would close a brace opened before the directive is
//! swiftc's "unexpected '}' in conditional compilation block", a brace left open at the
//! clause's end "expected '}' at end of brace statement".
//!
//! Allocation: a keep-mask and the clause and bracket stacks on the global allocator
//! (scratch of the Lexer phase's scope); only files with a `#` token pay for any of it.

#![forbid(unsafe_code)]

use std::ops::Range;

use super::error::{LexError, LexErrorKind};
use super::lexer::{RawKind, RawToken, RawTokens};
use super::token::Tok;

/// The language version `swift(...)` and `compiler(...)` compare with.
const LANGUAGE_VERSION: [u64; 2] = [5, 10];

/// Modules `canImport` finds.
const IMPORTABLE: [&str; 3] = ["Foundation", "Swift", "Glibc"];

/// Attributes `hasAttribute` knows (the ones SwiftLang accepts).
pub(crate) const KNOWN_ATTRIBUTES: [&str; 8] = [
    "available",
    "discardableResult",
    "frozen",
    "inlinable",
    "inline",
    "usableFromInline",
    "escaping",
    "unknown",
];

/// Resolves the conditional compilation blocks of `raw` in place: inactive clauses and the
/// directives themselves are removed. Errors and warnings (swiftc's wording) are appended.
pub(crate) fn resolve<'src>(
    source: &'src str,
    raw: &mut RawTokens<'src, '_>,
    errors: &mut Vec<LexError>,
    warnings: &mut Vec<LexError>,
) {
    if !raw.iter().any(|t| t.kind == RawKind::Tok(Tok::Hash)) {
        return;
    }
    let keep = {
        let mut pass = Pass {
            source,
            toks: raw,
            keep: vec![true; raw.len()],
            clauses: Vec::new(),
            brackets: Vec::new(),
            errors,
            warnings,
        };
        pass.run();
        pass.keep
    };
    let mut i = 0;
    raw.retain(|_| {
        let k = keep.get(i).copied().unwrap_or(true);
        i += 1;
        k
    });
}

/// Which directive a `#` starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Directive {
    If,
    ElseIf,
    Else,
    EndIf,
}

/// One open `#if` block.
#[derive(Clone, Debug)]
struct Clause {
    /// Every enclosing clause is active.
    parent_active: bool,
    /// Some clause of this block was (or is) active.
    taken: bool,
    /// The current clause is active.
    active: bool,
    /// `#else` was seen.
    seen_else: bool,
    /// The bracket depth when the current clause started.
    base: usize,
}

/// A condition's value, or `None` after an error in it (the clause is then inactive).
type Value = Option<bool>;

struct Pass<'p, 'src, 'a> {
    source: &'src str,
    toks: &'p RawTokens<'src, 'a>,
    keep: Vec<bool>,
    clauses: Vec<Clause>,
    /// Open brackets: the byte (`(`, `[`, `{`) and the token index.
    brackets: Vec<(u8, usize)>,
    errors: &'p mut Vec<LexError>,
    warnings: &'p mut Vec<LexError>,
}

impl<'src> Pass<'_, 'src, '_> {
    fn error(&mut self, message: impl Into<String>, span: Range<usize>) {
        self.errors
            .push(LexError::new(LexErrorKind::Directive(message.into()), span));
    }

    fn warning(&mut self, message: impl Into<String>, span: Range<usize>) {
        self.warnings
            .push(LexError::new(LexErrorKind::Directive(message.into()), span));
    }

    fn active(&self) -> bool {
        self.clauses.last().is_none_or(|c| c.active)
    }

    fn tok(&self, i: usize) -> Option<&RawToken<'src>> {
        self.toks.get(i)
    }

    /// The directive starting at `i` (a `#` with the keyword right after it).
    fn directive_at(&self, i: usize) -> Option<Directive> {
        let hash = self.tok(i)?;
        if hash.kind != RawKind::Tok(Tok::Hash) {
            return None;
        }
        let word = self.tok(i + 1).filter(|w| w.start() == hash.end())?;
        match word.kind {
            RawKind::Tok(Tok::If) => Some(Directive::If),
            RawKind::Tok(Tok::Else) => Some(Directive::Else),
            RawKind::Word("elseif") => Some(Directive::ElseIf),
            RawKind::Word("endif") => Some(Directive::EndIf),
            _ => None,
        }
    }

    /// Whether the token at `i` starts a line (or is past the end).
    fn at_line_start(&self, i: usize) -> bool {
        self.tok(i).is_none_or(|t| t.newline_before().is_some())
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(d) = self.directive_at(i) {
                i = self.directive(d, i);
                continue;
            }
            let t = self.toks[i];
            if !self.active() {
                self.keep[i] = false;
            }
            self.bracket(t, i);
            i += 1;
        }
        if !self.clauses.is_empty() {
            let end = self.toks.last().map_or(0, RawToken::end);
            self.error(
                "expected #else or #endif at end of conditional compilation block",
                end..end,
            );
        }
    }

    /// Tracks brackets; a closer of a bracket opened outside the current clause is dropped
    /// with swiftc's error.
    fn bracket(&mut self, t: RawToken<'src>, i: usize) {
        let RawKind::Tok(tok) = t.kind else { return };
        let open = match tok {
            Tok::LParen => Some(b'('),
            Tok::LBracket => Some(b'['),
            Tok::LBrace => Some(b'{'),
            _ => None,
        };
        if let Some(b) = open {
            self.brackets.push((b, i));
            return;
        }
        if !matches!(tok, Tok::RParen | Tok::RBracket | Tok::RBrace) {
            return;
        }
        let base = self.clauses.last().map_or(0, |c| c.base);
        if self.brackets.len() > base {
            self.brackets.pop();
        } else if !self.clauses.is_empty() {
            let c = &self.source[t.start()..t.end()];
            self.error(
                format!("unexpected '{c}' in conditional compilation block"),
                t.start()..t.end(),
            );
            self.keep[i] = false;
        }
    }

    /// Ends the current clause: brackets it left open are reported and forgotten.
    fn close_clause(&mut self, at: usize) {
        let base = self.clauses.last().map_or(0, |c| c.base);
        if self.brackets.len() > base {
            let (b, _) = self.brackets[base];
            let (close, what) = match b {
                b'(' => (')', "in expression list"),
                b'[' => (']', "in expression list"),
                _ => ('}', "at end of brace statement"),
            };
            let end = self.end_before(at);
            self.error(format!("expected '{close}' {what}"), end..end);
            self.brackets.truncate(base);
        }
    }

    /// The end of the token before index `i` (or 0).
    fn end_before(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|p| self.tok(p))
            .map_or(0, RawToken::end)
    }

    /// Handles the directive whose `#` is at `i`; returns the index after its line.
    fn directive(&mut self, d: Directive, i: usize) -> usize {
        let hash = self.toks[i];
        let word = self.toks[i + 1];
        let span = hash.start()..word.end();
        self.keep[i] = false;
        self.keep[i + 1] = false;
        let mut next = i + 2;
        match d {
            Directive::If => {
                if let Some(&(b, _)) = self.brackets.last() {
                    if b != b'{' {
                        let what = if b == b'(' {
                            "expected expression in list of expressions"
                        } else {
                            "expected expression in container literal"
                        };
                        self.error(what, span.clone());
                    }
                }
                let parent_active = self.active();
                let (value, after) = self.condition(next, span.end);
                next = after;
                let active = parent_active && value == Some(true);
                self.clauses.push(Clause {
                    parent_active,
                    taken: active,
                    active,
                    seen_else: false,
                    base: self.brackets.len(),
                });
            }
            Directive::ElseIf | Directive::Else => {
                if self.clauses.is_empty() {
                    self.error(
                        "unexpected conditional compilation block terminator",
                        span.clone(),
                    );
                    return self.skip_line(next);
                }
                self.close_clause(i);
                let mut d = d;
                // `#else if`: swiftc reads it as `#elseif`, with an error.
                if d == Directive::Else && !self.at_line_start(next) {
                    if let Some(t) = self.tok(next).filter(|t| t.kind == RawKind::Tok(Tok::If)) {
                        let at = t.start()..t.end();
                        self.error(
                            "unexpected 'if' keyword following '#else' conditional compilation directive; did you mean '#elseif'?",
                            at,
                        );
                        self.keep[next] = false;
                        next += 1;
                        d = Directive::ElseIf;
                    }
                }
                let seen_else = self.clauses.last().is_some_and(|c| c.seen_else);
                if seen_else {
                    self.error(
                        "further conditions after #else are unreachable",
                        span.clone(),
                    );
                }
                let value = if d == Directive::ElseIf {
                    let (value, after) = self.condition(next, span.end);
                    next = after;
                    value
                } else {
                    Some(true)
                };
                if let Some(c) = self.clauses.last_mut() {
                    c.active = c.parent_active && !c.taken && value == Some(true);
                    c.taken |= c.active;
                    c.seen_else |= d == Directive::Else;
                }
            }
            Directive::EndIf => {
                if self.clauses.is_empty() {
                    self.error(
                        "unexpected conditional compilation block terminator",
                        span.clone(),
                    );
                    return self.skip_line(next);
                }
                self.close_clause(i);
                self.clauses.pop();
            }
        }
        if let Some(t) = self.tok(next).filter(|_| !self.at_line_start(next)) {
            let at = t.start()..t.end();
            self.error(
                "extra tokens following conditional compilation directive",
                at,
            );
        }
        self.skip_line(next)
    }

    /// Drops the tokens from `i` to the end of its line; returns the index after them.
    fn skip_line(&mut self, mut i: usize) -> usize {
        while i < self.toks.len() && !self.at_line_start(i) {
            self.keep[i] = false;
            i += 1;
        }
        i
    }

    /// Parses, checks and evaluates the condition starting at token `start`; `after` is the
    /// end of the directive keyword. Returns the value and the index after the condition
    /// (its tokens are marked dropped).
    fn condition(&mut self, start: usize, after: usize) -> (Value, usize) {
        // The condition ends at the first line break outside parentheses.
        let mut end = start;
        let mut depth = 0usize;
        while let Some(t) = self.tok(end) {
            if end > start && depth == 0 && t.newline_before().is_some() {
                break;
            }
            if end == start && t.newline_before().is_some() {
                break;
            }
            // Unbalanced parentheses do not swallow the next directive.
            if t.newline_before().is_some() && self.directive_at(end).is_some() {
                break;
            }
            match t.kind {
                RawKind::Tok(Tok::LParen) => depth += 1,
                RawKind::Tok(Tok::RParen) => depth = depth.saturating_sub(1),
                _ => {}
            }
            end += 1;
        }
        for k in start..end {
            self.keep[k] = false;
        }
        if start == end {
            self.error(
                "incomplete condition in conditional compilation directive",
                after..after,
            );
            return (None, end);
        }
        let mut parser = CondParser {
            pass: self,
            i: start,
            end,
            failed: false,
        };
        let value = parser.sequence();
        let (i, failed) = (parser.i, parser.failed);
        if i < end {
            let t = self.toks[i];
            self.error(
                "extra tokens following conditional compilation directive",
                t.start()..t.end(),
            );
        }
        (if failed { None } else { Some(value) }, end)
    }
}

/// A recursive-descent parser over one condition's tokens (`pass.toks[i..end]`).
struct CondParser<'c, 'p, 'src, 'a> {
    pass: &'c mut Pass<'p, 'src, 'a>,
    i: usize,
    end: usize,
    /// An error was reported: the condition counts as false.
    failed: bool,
}

impl<'src> CondParser<'_, '_, 'src, '_> {
    fn peek(&self) -> Option<RawToken<'src>> {
        (self.i < self.end).then(|| self.pass.toks[self.i])
    }

    fn fail(&mut self, message: impl Into<String>, span: Range<usize>) {
        self.failed = true;
        self.pass.error(message, span);
    }

    fn prev_end(&self) -> usize {
        self.pass.end_before(self.i)
    }

    /// `operand (op operand)*`, folded with `&&` binding tighter than `||`.
    fn sequence(&mut self) -> bool {
        // Disjunction of conjunctions: `or` accumulates, `and` is the current conjunction.
        let mut or = false;
        let mut and = self.operand();
        while let Some(t) = self.peek() {
            let RawKind::Op(op) = t.kind else { break };
            self.i += 1;
            if self.peek().is_none() {
                let at = self.prev_end();
                self.fail(
                    "incomplete condition in conditional compilation directive",
                    at..at,
                );
                break;
            }
            let before = self.pass.errors.len();
            let rhs = self.operand();
            match op {
                "&&" => and = and && rhs,
                "||" => {
                    or = or || and;
                    and = rhs;
                }
                _ => {
                    // swiftc drops the operator with its right operand, unchecked.
                    self.pass.errors.truncate(before);
                    self.fail("expected '&&' or '||' expression", t.start()..t.end());
                }
            }
        }
        or || and
    }

    fn operand(&mut self) -> bool {
        let Some(t) = self.peek() else {
            let at = self.prev_end();
            self.fail(
                "incomplete condition in conditional compilation directive",
                at..at,
            );
            return false;
        };
        let span = t.start()..t.end();
        self.i += 1;
        match t.kind {
            RawKind::Op(op) => {
                if op != "!" {
                    self.fail("expected unary '!' expression", span);
                }
                !self.operand()
            }
            RawKind::Tok(Tok::True) => true,
            RawKind::Tok(Tok::False) => false,
            RawKind::Tok(Tok::Int(digits)) => {
                if digits == "0" || digits == "1" {
                    let use_ = if digits == "0" { "false" } else { "true" };
                    self.fail(
                        format!(
                            "'{digits}' is not a valid conditional compilation expression, use '{use_}'"
                        ),
                        span,
                    );
                    digits == "1"
                } else {
                    self.fail("invalid conditional compilation expression", span);
                    false
                }
            }
            RawKind::Tok(Tok::LParen) => {
                let value = self.sequence();
                match self.peek() {
                    Some(c) if c.kind == RawKind::Tok(Tok::RParen) => self.i += 1,
                    _ => {
                        let at = self.prev_end();
                        self.fail("expected ')' in expression list", at..at);
                    }
                }
                value
            }
            RawKind::Word(name) | RawKind::Tok(Tok::Ident(name)) => {
                match self.peek() {
                    Some(p) if p.kind == RawKind::Tok(Tok::LParen) => self.call(name, span),
                    // A custom flag: `swift script.swift` defines none.
                    _ => false,
                }
            }
            _ => {
                self.fail("invalid conditional compilation expression", span);
                false
            }
        }
    }

    /// `name(arguments)`, the `(` next. The arguments are the tokens up to the matching `)`,
    /// split at top-level commas.
    fn call(&mut self, name: &str, name_span: Range<usize>) -> bool {
        self.i += 1;
        let mut args: Vec<Range<usize>> = vec![self.i..self.i];
        let mut depth = 0usize;
        let mut closed = false;
        while let Some(t) = self.peek() {
            self.i += 1;
            match t.kind {
                RawKind::Tok(Tok::LParen) => depth += 1,
                RawKind::Tok(Tok::RParen) if depth == 0 => {
                    closed = true;
                    break;
                }
                RawKind::Tok(Tok::RParen) => depth -= 1,
                RawKind::Tok(Tok::Comma) if depth == 0 => {
                    args.push(self.i..self.i);
                    continue;
                }
                _ => {}
            }
            if let Some(a) = args.last_mut() {
                a.end = self.i;
            }
        }
        if !closed {
            let at = self.prev_end();
            self.fail("expected ')' in expression list", at..at);
            return false;
        }
        let call_span = name_span.start..self.prev_end();
        let known = [
            "os",
            "arch",
            "_endian",
            "_pointerBitWidth",
            "_runtime",
            "canImport",
            "targetEnvironment",
            "swift",
            "compiler",
            "_compiler_version",
            "hasFeature",
            "hasAttribute",
            "_ptrauth",
        ];
        if !known.contains(&name) {
            self.fail(
                "unexpected platform condition (expected 'os', 'arch', or 'swift')",
                name_span,
            );
            return false;
        }
        let arg = match args.as_slice() {
            [only] if !only.is_empty() => only.clone(),
            [first, ..] if name == "canImport" && !first.is_empty() => first.clone(),
            _ => {
                self.fail(
                    "expected only one argument to platform condition",
                    call_span,
                );
                return false;
            }
        };
        let toks: Vec<RawToken<'src>> = self.pass.toks[arg].to_vec();
        let toks = toks.as_slice();
        let arg_span =
            toks.first().map_or(0, RawToken::start)..toks.last().map_or(0, RawToken::end);
        match name {
            "swift" | "compiler" | "_compiler_version" => self.version(toks, arg_span),
            "canImport" => {
                let path_ok = toks.iter().enumerate().all(|(k, t)| {
                    if k % 2 == 0 {
                        matches!(t.kind, RawKind::Word(_) | RawKind::Tok(Tok::Ident(_)))
                    } else {
                        t.kind == RawKind::Tok(Tok::Dot)
                    }
                }) && toks.len() % 2 == 1;
                if !path_ok {
                    self.fail(
                        "unexpected platform condition argument: expected module name",
                        call_span,
                    );
                    return false;
                }
                let module = match toks[0].kind {
                    RawKind::Word(w) | RawKind::Tok(Tok::Ident(w)) => w,
                    _ => "",
                };
                toks.len() == 1 && IMPORTABLE.contains(&module)
            }
            _ => {
                let word = match toks {
                    [t] => match t.kind {
                        RawKind::Word(w) | RawKind::Tok(Tok::Ident(w)) => Some(w),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(word) = word else {
                    let what = match name {
                        "hasFeature" => "feature name",
                        "hasAttribute" => "attribute name",
                        _ => "identifier",
                    };
                    self.fail(
                        format!("unexpected platform condition argument: expected {what}"),
                        call_span,
                    );
                    return false;
                };
                self.platform(name, word, arg_span)
            }
        }
    }

    /// `swift(>=5.9)`, `compiler(<6)`.
    fn version(&mut self, toks: &[RawToken<'src>], arg_span: Range<usize>) -> bool {
        let op = match toks.first().map(|t| t.kind) {
            Some(RawKind::Op(op @ (">=" | "<"))) if toks.len() > 1 => op,
            _ => {
                self.fail(
                    "unexpected platform condition argument: expected a unary comparison '>=' or '<'; for example, '>=2.2' or '<2.2'",
                    arg_span,
                );
                return false;
            }
        };
        let text_start = toks[1].start();
        let text = &self.pass.source[text_start..arg_span.end];
        let mut version = Vec::new();
        let mut at = text_start;
        for component in text.split('.') {
            let span = at..at + component.len();
            at += component.len() + 1;
            if component.is_empty() {
                self.fail("found empty version component", span);
                return false;
            }
            match component.parse::<u64>() {
                Ok(n) if component.bytes().all(|b| b.is_ascii_digit()) => version.push(n),
                _ => {
                    self.fail("version component contains non-numeric characters", span);
                    return false;
                }
            }
        }
        let ours: Vec<u64> = LANGUAGE_VERSION.to_vec();
        let at_least = compare_versions(&ours, &version) != std::cmp::Ordering::Less;
        if op == ">=" {
            at_least
        } else {
            !at_least
        }
    }

    /// `os(Linux)`, `arch(x86_64)`, ...: the value for this host; an unknown argument warns.
    fn platform(&mut self, kind: &str, value: &str, span: Range<usize>) -> bool {
        let (known, what): (&[&str], &str) = match kind {
            "os" => (
                &[
                    "macOS", "OSX", "iOS", "tvOS", "watchOS", "visionOS", "xrOS", "Linux",
                    "FreeBSD", "OpenBSD", "Windows", "Android", "PS4", "Cygwin", "Haiku", "WASI",
                    "none",
                ],
                "operating system",
            ),
            "arch" => (
                &[
                    "arm",
                    "arm64",
                    "arm64_32",
                    "i386",
                    "x86_64",
                    "powerpc",
                    "powerpc64",
                    "powerpc64le",
                    "s390x",
                    "wasm32",
                    "riscv64",
                    "avr",
                ],
                "architecture",
            ),
            "_endian" => (&["little", "big"], "endianness"),
            "_pointerBitWidth" => (&["_32", "_64"], "pointer bit width"),
            "targetEnvironment" => (&["simulator", "macabi"], "target environment"),
            "_ptrauth" => (&["_none", "_arm64e"], "pointer authentication scheme"),
            "_runtime" => (&["_Native", "_ObjC"], ""),
            _ => (&[], ""),
        };
        if kind == "_runtime" && !known.contains(&value) {
            self.fail(
                "unexpected argument for the '_runtime' condition; expected '_Native' or '_ObjC'",
                span,
            );
            return false;
        }
        if !what.is_empty() && !known.contains(&value) {
            self.pass.warning(
                format!("unknown {what} for build configuration '{kind}'"),
                span,
            );
        }
        match kind {
            "os" => value == "Linux",
            "arch" => value == host_arch(),
            "_endian" => {
                value
                    == if cfg!(target_endian = "little") {
                        "little"
                    } else {
                        "big"
                    }
            }
            "_pointerBitWidth" => {
                value
                    == if cfg!(target_pointer_width = "64") {
                        "_64"
                    } else {
                        "_32"
                    }
            }
            "_runtime" => value == "_Native",
            "_ptrauth" => value == "_none",
            "hasAttribute" => KNOWN_ATTRIBUTES.contains(&value),
            // `targetEnvironment`, `hasFeature`: none here.
            _ => false,
        }
    }
}

/// Compares dotted versions, missing components counting as 0.
fn compare_versions(a: &[u64], b: &[u64]) -> std::cmp::Ordering {
    let n = a.len().max(b.len());
    for k in 0..n {
        let (x, y) = (
            a.get(k).copied().unwrap_or(0),
            b.get(k).copied().unwrap_or(0),
        );
        match x.cmp(&y) {
            std::cmp::Ordering::Equal => {}
            other => return other,
        }
    }
    std::cmp::Ordering::Equal
}

/// Swift's name for the host architecture.
fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "arm64",
        "x86" => "i386",
        "powerpc64" if cfg!(target_endian = "little") => "powerpc64le",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_component() {
        use std::cmp::Ordering::*;
        assert_eq!(compare_versions(&[5, 10], &[5, 9]), Greater);
        assert_eq!(compare_versions(&[5, 10], &[5, 10, 0]), Equal);
        assert_eq!(compare_versions(&[5, 10], &[6]), Less);
    }
}
