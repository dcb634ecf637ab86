//! Parser glue: runs the lexer, marks what LALRPOP cannot decide with one token of lookahead
//! (closure signatures, accessor blocks), rejects constructs outside the subset by name, and
//! gives the grammar's actions a [`Ctx`] that builds nodes in the AST arena.
//!
//! Allocation: the lexer's scratch in the Lexer arena (reset once the file is lexed, so the
//! parse does not hold it), the token buffer in the Parser arena, nodes in the AST arena,
//! LALRPOP's own stacks in the Parser subsystem's scope (the counting global allocator
//! attributes them).

use std::cell::{Cell, RefCell};

use lalrpop_util::ParseError as LalrError;

use super::ast::*;
use super::error::LexErrorKind;
use super::lexer::{self, Token};
use super::strings::{self, StrPart};
use super::token::{BinOp, PrefixOp, Tok};
use crate::alloc::global::SubsystemScope;
use crate::alloc::{allocators_get, registry, Allocator, Subsystem};
use crate::diag::Diagnostic;

mod modifiers;
pub use modifiers::{ModKind, ModWord};

/// An error raised by a grammar action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The message.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// Nesting limit for string interpolation inside interpolation.
const MAX_INTERPOLATION_DEPTH: u32 = 64;

/// Nesting limit for brackets: the checker and compiler recurse over the tree.
const MAX_NESTING: usize = 256;

/// Unused bytes of a list's buffer that [`Ctx::slice`] gives back before copying the list.
const SHRINK_BEFORE_COPY: usize = 64 << 10;

/// What grammar actions build nodes with.
pub struct Ctx<'a> {
    /// The AST arena.
    arena: &'a dyn Allocator,
    /// The whole source file.
    source: &'a str,
    /// Errors found so far (lexical, syntax, subset).
    errors: RefCell<Vec<Diagnostic>>,
    /// Warnings found so far.
    warnings: RefCell<Vec<Diagnostic>>,
    /// Set once an arena refused an allocation (a budget): reported once.
    out_of_memory: Cell<bool>,
    /// Current interpolation nesting.
    depth: Cell<u32>,
}

/// A parsed file and the warnings its syntax drew.
pub struct Parsed<'a> {
    /// The top-level statements.
    pub program: &'a [Stmt<'a>],
    /// Warnings (the file still compiles).
    pub warnings: Vec<Diagnostic>,
}

/// Parses a whole file into the AST arena `ast`. On failure every error found is returned
/// (recovery continues at the next statement where it can), with the warnings.
///
/// Uses the Lexer and Parser arenas as scratch, and resets the Lexer arena once the file is
/// lexed; nothing in either outlives the call, so the caller may reset the Parser arena too.
pub fn parse_program<'a>(
    source: &'a str,
    ast: &'a dyn Allocator,
) -> Result<Parsed<'a>, Vec<Diagnostic>> {
    let ctx = Ctx {
        arena: ast,
        source,
        errors: RefCell::new(Vec::new()),
        warnings: RefCell::new(Vec::new()),
        out_of_memory: Cell::new(false),
        depth: Cell::new(0),
    };
    let program = ctx.parse_range(0, source.len());
    let mut errors = ctx.errors.into_inner();
    // Found in two passes (the token glue, then the parse): reported in source order.
    errors.sort_by_key(|d| d.span.start);
    let warnings = ctx.warnings.into_inner();
    match program {
        Some(program) if errors.is_empty() => Ok(Parsed { program, warnings }),
        _ => {
            crate::diag::merge_in_source_order(&mut errors, warnings);
            Err(errors)
        }
    }
}

impl<'a> Ctx<'a> {
    fn error(&self, message: impl Into<String>, span: Span) {
        self.diagnostic(Diagnostic::error(message, span));
    }

    fn diagnostic(&self, d: Diagnostic) {
        self.errors.borrow_mut().push(d);
    }

    /// Lexes and parses `source[start..end]` as a statement list.
    fn parse_range(&self, start: usize, end: usize) -> Option<&'a [Stmt<'a>]> {
        let text = self.source.get(start..end)?;
        // The token buffer is the parser's: the lexer writes it straight into the Parser
        // arena, and the parser marks and edits it in place.
        let parser_arena = allocators_get(Subsystem::Parser);
        let mut lex_warnings = Vec::new();
        let lexed = {
            let _scope = SubsystemScope::enter(Subsystem::Lexer);
            let lexer_arena = allocators_get(Subsystem::Lexer);
            lexer::tokenize_file(text, &*lexer_arena, &*parser_arena, &mut lex_warnings)
        };
        for w in lex_warnings {
            let span = Span::new(w.span.start + start, w.span.end + start);
            self.warnings
                .borrow_mut()
                .push(Diagnostic::warning(w.message(), span));
        }
        if self.depth.get() == 0 {
            // The file is lexed: the raw tokens and the rest of the lexer's scratch are dead.
            // (Interpolations are lexed again during the parse, from a small reused chunk.)
            let _ = registry::reset(Subsystem::Lexer);
        }
        let mut toks = match lexed {
            Ok(t) => t,
            Err(errors) => {
                for e in errors {
                    let span = Span::new(e.span.start + start, e.span.end + start);
                    match e.kind {
                        LexErrorKind::MemoryLimit {
                            subsystem: Some(subsystem),
                            requested,
                        } => self.note_oom_in(subsystem, requested, span),
                        _ => self.error(e.message(), span),
                    }
                }
                return None;
            }
        };
        if start != 0 {
            for t in toks.iter_mut() {
                *t = t.shifted(start);
            }
        }
        if !self.check_nesting(&toks) {
            return None;
        }
        self.prepare(&mut toks);
        let _scope = SubsystemScope::enter(Subsystem::Parser);
        let result = crate::syntax::grammar::ProgramParser::new()
            .parse(self, toks.iter().map(|t| t.triple()));
        drop(toks);
        match result {
            Ok(p) => Some(p),
            Err(e) => {
                self.report(e);
                None
            }
        }
    }

    /// Records an error the parser recovered from.
    pub fn recover(&self, e: lalrpop_util::ErrorRecovery<usize, Tok<'a>, ParseError>) {
        self.report(e.error);
    }

    fn report(&self, e: LalrError<usize, Tok<'a>, ParseError>) {
        let (message, span) = match e {
            LalrError::InvalidToken { location } => (
                "invalid token".to_string(),
                Span::new(location, location + 1),
            ),
            LalrError::UnrecognizedEof { location, expected } => (
                format!("expected {}", describe_expected(&expected, None)),
                Span::new(location, location),
            ),
            LalrError::UnrecognizedToken {
                token: (l, tok, r),
                expected,
            } => (unexpected_message(tok, &expected), Span::new(l, r)),
            LalrError::ExtraToken { token: (l, tok, r) } => (
                format!(
                    "consecutive statements on a line must be separated by ';' (found '{tok}')"
                ),
                Span::new(l, r),
            ),
            LalrError::User { error } => (error.message, error.span),
        };
        // A second error at the same place adds nothing.
        let dup = self
            .errors
            .borrow()
            .iter()
            .any(|d| d.span.start == span.start);
        if !dup {
            self.error(message, span);
        }
    }

    /// Refuses input nested deeper than the later phases (which recurse over the tree) can
    /// handle on the host stack.
    fn check_nesting(&self, toks: &[Token<'a>]) -> bool {
        let mut depth = 0usize;
        for &token in toks {
            let (l, t, r) = token.triple();
            match t {
                Tok::LParen
                | Tok::LBracket
                | Tok::LBrace
                | Tok::LBraceSig
                | Tok::LBraceAccessor => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        self.error(format!("expression or block nested too deeply (more than {MAX_NESTING} levels)"), Span::new(l, r));
                        return false;
                    }
                }
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        true
    }

    /// Marks closure signatures and accessor blocks; rejects Tier-2 constructs by name.
    fn prepare(&self, toks: &mut lexer::Tokens<'a, '_>) {
        let mut i = 0;
        while i < toks.len() {
            let (l, tok, r) = toks[i].triple();
            let next = toks.get(i + 1).map(|t| t.tok);
            match tok {
                Tok::LBrace => {
                    if matches!(next, Some(Tok::Get | Tok::Set | Tok::WillSet | Tok::DidSet)) {
                        toks[i].tok = Tok::LBraceAccessor;
                    } else if has_closure_signature(&toks[i + 1..]) {
                        toks[i].tok = Tok::LBraceSig;
                    }
                }
                Tok::Init if matches!(next, Some(Tok::Question)) => {
                    toks[i + 1].tok = Tok::PostfixQuestion;
                }
                Tok::Unsupported(word) => {
                    self.error(unsupported_word(word), Span::new(l, r));
                    toks.remove(i);
                    continue;
                }
                Tok::Protocol | Tok::Extension => {
                    let what = if tok == Tok::Protocol {
                        "protocols"
                    } else {
                        "extensions"
                    };
                    self.error(format!("{what} are not supported yet"), Span::new(l, r));
                    let end = skip_braced_declaration(toks, i);
                    toks.drain(i..end);
                    continue;
                }
                Tok::Func => {
                    if let (Some(Tok::Ident(_)), Some(&generic)) = (next, toks.get(i + 2)) {
                        if generic.tok == Tok::GenericOpen {
                            let span = Span::new(generic.start(), generic.end());
                            self.error("generic functions are not supported yet", span);
                        }
                    }
                }
                Tok::Let | Tok::Var
                    if matches!(
                        next,
                        Some(Tok::Binary(crate::syntax::token::BinOp::Assign) | Tok::Colon)
                    ) =>
                {
                    // `let = 5`: swiftc's wording.
                    if let Some(n) = toks.get(i + 1) {
                        self.error("expected pattern", Span::new(n.start(), n.end()));
                    }
                }
                Tok::At => self.attribute_arguments(toks, i),
                // `open`, `public`, ... are contextual: a modifier only before a declaration.
                Tok::Access(word) if !starts_declaration(&toks[i + 1..]) => {
                    toks[i].tok = Tok::Ident(word);
                }
                Tok::Hash
                    if matches!(
                        next,
                        Some(Tok::Ident(
                            "file" | "fileID" | "filePath" | "line" | "column" | "function"
                        ))
                    ) => {}
                Tok::Hash => {
                    self.error(
                        "compiler directives ('#') are not supported",
                        Span::new(l, r),
                    );
                }
                _ => {}
            }
            i += 1;
        }
    }

    // ------------------------------------------------------------ allocation

    /// Moves `value` into the AST arena.
    pub fn alloc<T: Copy>(&self, value: T) -> &'a T {
        match self.arena.alloc_value(value) {
            Ok(v) => v,
            Err(_) => self.oom(value),
        }
    }

    /// Copies `v` into the AST arena.
    pub fn slice<T: Copy>(&self, mut v: Vec<T>) -> &'a [T] {
        if v.is_empty() {
            return &[];
        }
        // A long list (a big file's top-level statements) gives back the unused half of its
        // doubled buffer before the copy, which the parse's peak would otherwise include.
        if (v.capacity() - v.len()) * std::mem::size_of::<T>() >= SHRINK_BEFORE_COPY {
            v.shrink_to_fit();
        }
        match self.arena.alloc_slice(&v) {
            Ok(s) => s,
            Err(_) => {
                self.note_oom();
                // The run ends with the memory-limit error; keep the tree well-formed meanwhile.
                Box::leak(v.into_boxed_slice())
            }
        }
    }

    fn oom<T: Copy>(&self, value: T) -> &'a T {
        self.note_oom();
        Box::leak(Box::new(value))
    }

    fn note_oom(&self) {
        self.note_oom_in(Subsystem::Ast, 0, Span::default());
    }

    /// Reports (once) that `subsystem`'s budget refused `requested` bytes (0: not known).
    fn note_oom_in(&self, subsystem: Subsystem, requested: u64, span: Span) {
        if !self.out_of_memory.replace(true) {
            self.errors
                .borrow_mut()
                .push(Diagnostic::memory_limit(subsystem, requested, span));
        }
    }

    fn text(&self, s: &str) -> &'a str {
        match self.arena.alloc_text(s) {
            Ok(t) => t,
            Err(_) => {
                self.note_oom();
                Box::leak(s.to_string().into_boxed_str())
            }
        }
    }

    // ------------------------------------------------------------ node builders

    /// An expression node.
    pub fn expr(&self, kind: ExprKind<'a>, l: usize, r: usize) -> &'a Expr<'a> {
        self.alloc(Expr {
            kind,
            span: Span::new(l, r),
        })
    }

    /// `return` with its value, warning as swiftc does when the value sits on a later line
    /// at the `return`'s own indentation (it looks like the next statement but is returned).
    pub fn return_stmt(&self, value: Option<&'a Expr<'a>>, l: usize, r: usize) -> Stmt<'a> {
        if let Some(e) = value {
            let start = e.span.start as usize;
            let between = self.source.get(l..start).unwrap_or("");
            if between.contains('\n') && column(self.source, l) == column(self.source, start) {
                let at = Span::new(start, start);
                self.warnings.borrow_mut().push(
                    Diagnostic::warning(
                        "expression following 'return' is treated as an argument of the 'return'",
                        at,
                    )
                    .with_note("indent the expression to silence this warning", at),
                );
            }
        }
        self.stmt(StmtKind::Return(value), l, r)
    }

    /// `#file`, `#fileID`, `#filePath`, `#line`, `#column` (the only `#` names `prepare`
    /// lets through).
    pub fn magic(&self, name: &str, l: usize, r: usize) -> &'a Expr<'a> {
        let before = self.source.get(..l).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let magic = match name {
            "file" | "filePath" => Magic::File,
            "fileID" => Magic::FileId,
            "function" => Magic::Function,
            "line" => Magic::Line(
                u32::try_from(before.bytes().filter(|&b| b == b'\n').count() + 1)
                    .unwrap_or(u32::MAX),
            ),
            _ => Magic::Column(
                u32::try_from(before[line_start..].chars().count() + 1).unwrap_or(u32::MAX),
            ),
        };
        self.expr(ExprKind::Magic(magic), l, r)
    }

    /// A statement.
    pub fn stmt(&self, kind: StmtKind<'a>, l: usize, r: usize) -> Stmt<'a> {
        Stmt {
            kind,
            span: Span::new(l, r),
        }
    }

    /// An `if` or `switch` used as an expression; `braces`: an `if`'s branch blocks.
    pub fn stmt_expr(
        &self,
        kind: StmtKind<'a>,
        braces: Vec<Span>,
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        let se = self.alloc(StmtExpr {
            stmt: self.stmt(kind, l, r),
            braces: self.slice(braces),
        });
        self.expr(ExprKind::StmtExpr(se), l, r)
    }

    /// `if c { } else if ...` as an expression: the else-if nested as the `else` branch.
    #[allow(clippy::too_many_arguments)]
    pub fn else_if_expr(
        &self,
        conds: &'a [Cond<'a>],
        then: &'a [Stmt<'a>],
        then_braces: Span,
        inner: (StmtKind<'a>, Vec<Span>),
        l: usize,
        r: usize,
    ) -> (StmtKind<'a>, Vec<Span>) {
        let nested = self.stmt(inner.0, l, r);
        let mut braces = vec![then_braces];
        braces.extend(inner.1);
        (
            StmtKind::If {
                label: None,
                conds,
                then,
                els: Some(self.slice(vec![nested])),
            },
            braces,
        )
    }

    /// A binary expression.
    pub fn binary(
        &self,
        op: BinOp,
        a: &'a Expr<'a>,
        b: &'a Expr<'a>,
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        self.expr(ExprKind::Binary(op, a, b), l, r)
    }

    /// A prefix expression (`&x` becomes an inout marker).
    pub fn prefix(&self, op: PrefixOp, e: &'a Expr<'a>) -> ExprKind<'a> {
        match op {
            PrefixOp::InOut => ExprKind::InOut(e),
            _ => ExprKind::Prefix(op, e),
        }
    }

    /// Attaches a label to a loop, `if`, `switch` or `do`.
    pub fn labeled(
        &self,
        label: Option<Ident<'a>>,
        kind: StmtKind<'a>,
        l: usize,
        r: usize,
    ) -> Stmt<'a> {
        let label = label.map(|name| self.alloc(name));
        let kind = match kind {
            StmtKind::If {
                conds, then, els, ..
            } => StmtKind::If {
                label,
                conds,
                then,
                els,
            },
            StmtKind::While { conds, body, .. } => StmtKind::While { label, conds, body },
            StmtKind::Repeat { body, cond, .. } => StmtKind::Repeat { label, body, cond },
            StmtKind::For {
                pattern,
                refutable,
                seq,
                filter,
                body,
                ..
            } => StmtKind::For {
                label,
                pattern,
                refutable,
                seq,
                filter,
                body,
            },
            StmtKind::Switch { subject, cases, .. } => StmtKind::Switch {
                label,
                subject,
                cases,
            },
            StmtKind::Do { body, .. } => StmtKind::Do { label, body },
            other => other,
        };
        self.stmt(kind, l, r)
    }

    /// A type node.
    pub fn ty(&self, kind: TypeKind<'a>, l: usize, r: usize) -> &'a TypeExpr<'a> {
        self.alloc(TypeExpr {
            kind,
            span: Span::new(l, r),
        })
    }

    /// `(T)` is `T`; otherwise a tuple type.
    pub fn tuple_type(
        &self,
        elems: &'a [TupleTypeElem<'a>],
        l: usize,
        r: usize,
    ) -> &'a TypeExpr<'a> {
        if let [only] = elems {
            if only.label.is_none() {
                return self.alloc(only.ty);
            }
        }
        self.ty(TypeKind::Tuple(elems), l, r)
    }

    /// `(A, inout B) -> C`.
    pub fn function_type(
        &self,
        params: &'a [TupleTypeElem<'a>],
        result: &'a TypeExpr<'a>,
        escaping: bool,
        l: usize,
        r: usize,
    ) -> &'a TypeExpr<'a> {
        let params: Vec<FuncTypeParam<'a>> = params
            .iter()
            .map(|p| match p.ty.kind {
                // `inout` is carried as a marker tuple (see `inout_type_elem`).
                TypeKind::Named {
                    path: [Ident { name: "inout", .. }],
                    args: [inner],
                } => FuncTypeParam {
                    inout: true,
                    ty: *inner,
                },
                _ => FuncTypeParam {
                    inout: false,
                    ty: p.ty,
                },
            })
            .collect();
        self.ty(
            TypeKind::Function {
                params: self.slice(params),
                result,
                escaping,
            },
            l,
            r,
        )
    }

    /// `inout T` inside a function type's parameter list.
    pub fn inout_type_elem(&self, t: &'a TypeExpr<'a>, l: usize, r: usize) -> TupleTypeElem<'a> {
        let path = self.slice(vec![Ident {
            name: "inout",
            span: Span::new(l, l + 5),
        }]);
        let args = self.slice(vec![*t]);
        TupleTypeElem {
            label: None,
            ty: TypeExpr {
                kind: TypeKind::Named { path, args },
                span: Span::new(l, r),
            },
        }
    }

    /// The accessor block of a property.
    pub fn accessors(
        &self,
        list: Vec<(&'a str, Option<Ident<'a>>, &'a [Stmt<'a>], usize)>,
    ) -> &'a Accessors<'a> {
        let mut get = None;
        let mut set = None;
        let mut will_set = None;
        let mut did_set = None;
        for (kind, name, body, at) in list {
            let slot = match kind {
                "get" => {
                    if get.replace(body).is_some() {
                        self.error("variable already has a getter", Span::new(at, at + 3));
                    }
                    continue;
                }
                "set" => &mut set,
                "willSet" => &mut will_set,
                _ => &mut did_set,
            };
            if slot.replace((name, body)).is_some() {
                self.error(
                    format!("variable already has a {kind}"),
                    Span::new(at, at + kind.len()),
                );
            }
        }
        let acc = if let Some(get) = get {
            if will_set.is_some() || did_set.is_some() {
                self.error(
                    "'willSet' cannot be provided together with a getter",
                    Span::default(),
                );
            }
            Accessors::GetSet { get, set }
        } else if let Some((_, body)) = set {
            self.error(
                "variable with a setter must also have a getter",
                Span::new(0, 0),
            );
            Accessors::GetSet { get: body, set }
        } else {
            Accessors::Observers { will_set, did_set }
        };
        self.alloc(acc)
    }

    /// `(a)`, `(a, b)`, `(x: a)`, `()`.
    pub fn tuple(&self, args: Vec<Arg<'a>>, l: usize, r: usize) -> &'a Expr<'a> {
        if let [only] = args.as_slice() {
            if only.label.is_none() {
                return self.expr(ExprKind::Paren(only.value), l, r);
            }
        }
        self.expr(ExprKind::Tuple(self.slice(args)), l, r)
    }

    /// A call; a trailing-closure call of a plain call merges into it (`f(x) { }`).
    pub fn call(
        &self,
        callee: &'a Expr<'a>,
        mut args: Vec<Arg<'a>>,
        trailing: Vec<(Option<Ident<'a>>, &'a Expr<'a>)>,
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        let mut callee = callee;
        if !trailing.is_empty() {
            if let ExprKind::Call {
                callee: inner,
                args: inner_args,
                trailing: 0,
            } = callee.kind
            {
                callee = inner;
                args = inner_args.to_vec();
            }
        }
        let n = u32::try_from(trailing.len()).unwrap_or(u32::MAX);
        args.extend(
            trailing
                .into_iter()
                .map(|(label, value)| Arg { label, value }),
        );
        self.expr(
            ExprKind::Call {
                callee,
                args: self.slice(args),
                trailing: n,
            },
            l,
            r,
        )
    }

    /// `t.0`
    pub fn tuple_index(
        &self,
        base: &'a Expr<'a>,
        digits: &'a str,
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        match digits.parse::<u32>() {
            Ok(i) => self.expr(
                ExprKind::TupleIndex(base, i, Span::new(r - digits.len(), r)),
                l,
                r,
            ),
            Err(_) => {
                self.error(
                    format!("value has no member '{digits}'"),
                    Span::new(r - digits.len(), r),
                );
                self.expr(ExprKind::Error, l, r)
            }
        }
    }

    /// `t.0.1`, which the lexer reads as `t` `.` `0.1`.
    pub fn tuple_index_pair(
        &self,
        base: &'a Expr<'a>,
        text: &'a str,
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        match text.split_once('.') {
            Some((a, b))
                if !a.is_empty()
                    && !b.is_empty()
                    && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit()) =>
            {
                let mid = r - text.len() + a.len();
                let first = self.tuple_index(base, a, l, mid);
                self.tuple_index(first, b, l, r)
            }
            _ => {
                self.error(
                    format!("value has no member '{text}'"),
                    Span::new(r - text.len(), r),
                );
                self.expr(ExprKind::Error, l, r)
            }
        }
    }

    /// `$0`
    pub fn dollar(&self, digits: &'a str, l: usize, r: usize) -> &'a Expr<'a> {
        match digits.parse::<u32>() {
            Ok(i) => self.expr(ExprKind::Dollar(i), l, r),
            Err(_) => {
                self.error(format!("cannot find '${digits}' in scope"), Span::new(l, r));
                self.expr(ExprKind::Error, l, r)
            }
        }
    }

    /// `Set<Int>` used as a value.
    pub fn generic_type_ref(
        &self,
        name: &'a str,
        args: &'a [TypeExpr<'a>],
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        let path = self.slice(vec![Ident {
            name,
            span: Span::new(l, l + name.len()),
        }]);
        let ty = self.ty(TypeKind::Named { path, args }, l, r);
        self.expr(ExprKind::TypeRef(ty), l, r)
    }

    /// A closure expression.
    pub fn closure(
        &self,
        captures: &'a [Capture<'a>],
        params: Option<&'a [ClosureParam<'a>]>,
        result: Option<&'a TypeExpr<'a>>,
        body: &'a [Stmt<'a>],
        l: usize,
        r: usize,
    ) -> &'a Expr<'a> {
        let c = self.alloc(Closure {
            captures,
            params,
            result,
            body,
            span: Span::new(l, r),
        });
        self.expr(ExprKind::Closure(c), l, r)
    }

    /// A string literal: decodes escapes and parses each interpolation.
    pub fn string(&self, raw: &'a str, l: usize, r: usize) -> &'a Expr<'a> {
        let parts = match strings::decode(raw, l) {
            Ok(p) => p,
            Err(errors) => {
                for e in errors {
                    self.error(e.message(), Span::new(e.span.start, e.span.end));
                }
                return self.expr(ExprKind::Error, l, r);
            }
        };
        let mut segments = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                StrPart::Text(t) => segments.push(StrSegment::Text(self.text(&t))),
                StrPart::Interp(range) => {
                    segments.push(StrSegment::Interp(self.interpolation(range)))
                }
            }
        }
        self.expr(ExprKind::Str(self.slice(segments)), l, r)
    }

    fn interpolation(&self, range: std::ops::Range<usize>) -> &'a Expr<'a> {
        let span = Span::new(range.start, range.end);
        if self.depth.get() >= MAX_INTERPOLATION_DEPTH {
            self.error("string interpolation is nested too deeply", span);
            return self.expr(ExprKind::Error, range.start, range.end);
        }
        self.depth.set(self.depth.get() + 1);
        let stmts = self.parse_range(range.start, range.end);
        self.depth.set(self.depth.get() - 1);
        match stmts {
            Some(
                [Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                }],
            ) => e,
            Some([]) => {
                self.error("expected expression in string interpolation", span);
                self.expr(ExprKind::Error, range.start, range.end)
            }
            Some(_) => {
                self.error("string interpolation must be a single expression", span);
                self.expr(ExprKind::Error, range.start, range.end)
            }
            None => self.expr(ExprKind::Error, range.start, range.end),
        }
    }

    // ------------------------------------------------------------ patterns

    /// `let p` / `var p` inside a pattern.
    pub fn pattern_marker(&self, word: &str, e: &'a Expr<'a>, l: usize, r: usize) -> &'a Expr<'a> {
        self.expr(ExprKind::PatternBinding(word == "var", e), l, r)
    }

    /// `is T` as a pattern.
    pub fn is_pattern(&self, t: &'a TypeExpr<'a>, l: usize, r: usize) -> &'a Expr<'a> {
        self.expr(ExprKind::PatternIs(t), l, r)
    }

    /// Converts a pattern-chain expression into a pattern. `binds`: bare names bind (in `for`
    /// and declarations, or inside `let`/`var`).
    pub fn pattern(&self, e: &'a Expr<'a>, binds: bool) -> &'a Pattern<'a> {
        let kind = self.pattern_kind(e, binds);
        self.alloc(Pattern { kind, span: e.span })
    }

    fn pattern_kind(&self, e: &'a Expr<'a>, binds: bool) -> PatternKind<'a> {
        match e.kind {
            ExprKind::Name("_") => PatternKind::Wildcard,
            ExprKind::Name(n) if binds => PatternKind::Bind(Ident {
                name: n,
                span: e.span,
            }),
            ExprKind::PatternBinding(mutable, inner) => {
                if binds {
                    self.error(
                        "'let' cannot appear nested inside another 'var' or 'let' pattern",
                        e.span,
                    );
                }
                PatternKind::Binding {
                    mutable,
                    inner: self.pattern(inner, true),
                }
            }
            ExprKind::PatternIs(t) => PatternKind::Is(t),
            ExprKind::Paren(inner) => self.pattern_kind(inner, binds),
            ExprKind::Tuple(args) => {
                let elems: Vec<Pattern<'a>> =
                    args.iter().map(|a| *self.pattern(a.value, binds)).collect();
                PatternKind::Tuple(self.slice(elems))
            }
            ExprKind::OptionalChain(inner) => PatternKind::Optional(self.pattern(inner, binds)),
            ExprKind::Cast(CastKind::As, inner, t) => {
                PatternKind::As(self.pattern(inner, binds), t)
            }
            ExprKind::ImplicitMember(case) => PatternKind::EnumCase {
                ty: None,
                case,
                payload: None,
            },
            ExprKind::Call {
                callee,
                args,
                trailing: 0,
            } => {
                let payload: Vec<Pattern<'a>> =
                    args.iter().map(|a| *self.pattern(a.value, binds)).collect();
                match callee.kind {
                    ExprKind::ImplicitMember(case) => PatternKind::EnumCase {
                        ty: None,
                        case,
                        payload: Some(self.slice(payload)),
                    },
                    ExprKind::Member(base, case) => match self.type_of_expr(base) {
                        Some(ty) => PatternKind::EnumCase {
                            ty: Some(ty),
                            case,
                            payload: Some(self.slice(payload)),
                        },
                        None => PatternKind::Expr(e),
                    },
                    _ => PatternKind::Expr(e),
                }
            }
            _ => PatternKind::Expr(e),
        }
    }

    /// `Outer.Inner` written as an expression, read as a type.
    fn type_of_expr(&self, e: &'a Expr<'a>) -> Option<&'a TypeExpr<'a>> {
        let mut path = Vec::new();
        let mut cur = e;
        loop {
            match cur.kind {
                ExprKind::Name(n) => {
                    path.push(Ident {
                        name: n,
                        span: cur.span,
                    });
                    break;
                }
                ExprKind::Member(base, n) => {
                    path.push(n);
                    cur = base;
                }
                _ => return None,
            }
        }
        path.reverse();
        Some(self.ty(
            TypeKind::Named {
                path: self.slice(path),
                args: &[],
            },
            e.span.start as usize,
            e.span.end as usize,
        ))
    }
}

/// Whether the tokens after a `{` start a closure signature ending in `in`.
fn has_closure_signature(toks: &[Token<'_>]) -> bool {
    let mut depth = 0usize;
    for t in toks.iter().take(256).map(|t| t.tok) {
        match t {
            Tok::In if depth == 0 => return true,
            Tok::LParen | Tok::LBracket | Tok::GenericOpen => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::GenericClose => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            Tok::Ident(_)
            | Tok::Underscore
            | Tok::Comma
            | Tok::Colon
            | Tok::Arrow
            | Tok::PostfixQuestion
            | Tok::PostfixBang
            | Tok::PostfixDots
            | Tok::Weak
            | Tok::Unowned
            | Tok::SelfValue
            | Tok::SelfType
            | Tok::Inout
            | Tok::At
            | Tok::Dot
            | Tok::Int(_)
            | Tok::Str(_)
            | Tok::Binary(BinOp::Assign) => {}
            _ => return false,
        }
    }
    false
}

/// Whether the tokens after an access-level word continue a declaration (so the word is
/// its modifier, not a name): a declaration keyword, another modifier, an attribute, or
/// `(set)`.
fn starts_declaration(rest: &[Token<'_>]) -> bool {
    match rest.first().map(|t| t.tok) {
        Some(
            Tok::Class
            | Tok::Struct
            | Tok::Enum
            | Tok::Protocol
            | Tok::Extension
            | Tok::Func
            | Tok::Var
            | Tok::Let
            | Tok::Init
            | Tok::Deinit
            | Tok::Case
            | Tok::Static
            | Tok::Override
            | Tok::Final
            | Tok::Mutating
            | Tok::Lazy
            | Tok::Weak
            | Tok::Unowned
            | Tok::Convenience
            | Tok::Required
            | Tok::Indirect
            | Tok::Typealias
            | Tok::Import
            | Tok::Access(_)
            | Tok::At
            | Tok::Newline,
        ) => true,
        Some(Tok::Ident(word)) => {
            matches!(word, "subscript" | "operator" | "dynamic" | "nonisolated")
        }
        Some(Tok::LParen) => matches!(
            rest.get(1..3).map(|r| [r[0].tok, r[1].tok]),
            Some([Tok::Ident(_), Tok::RParen])
        ),
        _ => false,
    }
}

/// The index after the `}` closing the declaration starting at `start` (or the end).
fn skip_braced_declaration(toks: &[Token<'_>], start: usize) -> usize {
    // Tier-2 declarations are dropped up to their closing brace.
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().skip(start) {
        match t.tok {
            Tok::LBrace | Tok::LBraceSig | Tok::LBraceAccessor => depth += 1,
            Tok::RBrace => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

fn unsupported_word(word: &str) -> String {
    match word {
        "throws" | "throw" | "try" | "catch" | "rethrows" => {
            format!("error handling ('{word}') is not supported yet")
        }
        "async" | "await" => format!("concurrency ('{word}') is not supported"),
        other => format!("'{other}' is not supported"),
    }
}

fn describe_expected(expected: &[String], _found: Option<&str>) -> String {
    let wants = |s: &str| expected.iter().any(|e| e == s);
    if wants("\"}\"") && expected.len() <= 3 {
        return "'}' in block".into();
    }
    if wants("\")\"") && expected.len() <= 2 {
        return "')' in expression list".into();
    }
    if wants("\"]\"") && expected.len() <= 2 {
        return "']' in expression list".into();
    }
    if wants("IDENT") && wants("INT") {
        return "expression".into();
    }
    if wants("IDENT") {
        return "identifier".into();
    }
    match expected {
        [one] => format!("'{}'", one.trim_matches('"')),
        _ => "expression".into(),
    }
}

fn unexpected_message(tok: Tok<'_>, expected: &[String]) -> String {
    match tok {
        Tok::Newline | Tok::RBrace | Tok::RParen | Tok::RBracket | Tok::Semi => {
            format!("expected {}", describe_expected(expected, None))
        }
        Tok::Binary(BinOp::Assign) if expected.iter().any(|e| e == "\"==\"") => {
            "expected expression; use '==' to compare".to_string()
        }
        _ if expected.iter().any(|e| e == "\"NL\"") && expected.iter().any(|e| e == "\";\"") => {
            "consecutive statements on a line must be separated by ';'".to_string()
        }
        other => format!(
            "expected {} before '{other}'",
            describe_expected(expected, None)
        ),
    }
}

/// The column (in characters) of a byte offset, found from the start of its line only.
fn column(source: &str, offset: usize) -> usize {
    let before = source.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before[line_start..].chars().count()
}
