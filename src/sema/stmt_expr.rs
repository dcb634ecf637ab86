//! `if` and `switch` expressions (Swift 5.9, SE-0380): the value of a `let`/`var`
//! initializer, of a `return`, the right side of `=`, and a function, closure or getter body
//! that is one such statement.
//!
//! Each branch is a single expression (or a nested `if`/`switch` expression); a branch
//! calling `fatalError(...)` produces no value and takes no part in the typing. With a
//! contextual type each branch converts to it; without one each branch is typed on its own
//! and all must agree (swiftc: "branches have mismatching types"). An `if` needs an
//! unconditional `else`; `return`, `break` and `continue` cannot leave a branch.
//!
//! Lowering: a hidden local receives the chosen branch's value; the expression is the
//! `if`/`switch` statement (each branch storing into the local) followed by a read of it.

use super::ir::*;
use super::types::{TypeId, TypeTable};
use super::Checker;
use crate::diag::Diagnostic;
use crate::syntax::ast::*;

/// Where the branches of an `if`/`switch` expression put their values.
pub(super) struct ValueTarget {
    /// The hidden local receiving the value.
    var: VarId,
    /// The contextual type, if any.
    expected: Option<TypeId>,
    /// `if` or `switch` (for messages).
    kind: &'static str,
    /// Each value-producing branch's type and where its expression is.
    branches: Vec<(TypeId, Span)>,
    /// Conversion errors already reported for a branch (reported once).
    reported: Vec<String>,
    /// Where the outermost `if`/`switch` starts (swiftc reports a missing `else` there).
    root: Span,
}

/// The word for a jump statement, if `s` is one.
fn jump_word(s: &StmtKind<'_>) -> Option<&'static str> {
    match s {
        StmtKind::Return(_) => Some("return"),
        StmtKind::Break(_) => Some("break"),
        StmtKind::Continue(_) => Some("continue"),
        _ => None,
    }
}

/// The jump statements (`return`, and `break`/`continue` not caught by a loop or `switch`
/// inside) in `stmts`, not looking into closures or nested functions.
fn jumps<'a>(stmts: &[Stmt<'a>], in_loop: bool, out: &mut Vec<(Span, &'static str)>) {
    for s in stmts {
        if let Some(word) = jump_word(&s.kind) {
            let caught = in_loop && word != "return";
            if !caught {
                out.push((s.span, word));
            }
            continue;
        }
        match s.kind {
            StmtKind::If { then, els, .. } => {
                jumps(then, in_loop, out);
                if let Some(e) = els {
                    jumps(e, in_loop, out);
                }
            }
            StmtKind::Guard { els, .. } => jumps(els, in_loop, out),
            StmtKind::While { body, .. }
            | StmtKind::Repeat { body, .. }
            | StmtKind::For { body, .. } => jumps(body, true, out),
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    jumps(c.body, true, out);
                }
            }
            StmtKind::Do { body, .. } | StmtKind::Defer(body) => jumps(body, in_loop, out),
            _ => {}
        }
    }
}

/// Whether a statement list can be the value of a branch: one expression (not an
/// assignment), or one `if`/`switch` that can itself be an expression.
fn is_single_value_block(stmts: &[Stmt<'_>]) -> bool {
    match stmts {
        [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] => !matches!(e.kind, ExprKind::Assign(..)),
        [s] => is_single_value_stmt(s),
        _ => false,
    }
}

/// Whether an unlabeled `if` (with a final `else`) or `switch` has a single value in every
/// branch, so that as a function or closure body it is that body's value.
pub(super) fn is_single_value_stmt(s: &Stmt<'_>) -> bool {
    match s.kind {
        StmtKind::If {
            label: None,
            then,
            els: Some(els),
            ..
        } => is_single_value_block(then) && is_single_value_block(els),
        StmtKind::Switch {
            label: None, cases, ..
        } => !cases.is_empty() && cases.iter().all(|c| is_single_value_block(c.body)),
        _ => false,
    }
}

impl<'e, 's> Checker<'e, 's> {
    /// An `if`/`switch` expression written where Swift allows one.
    pub(super) fn stmt_expr(
        &mut self,
        se: &StmtExpr<'_>,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        self.single_value(&se.stmt, se.braces, expected, span)
    }

    /// Lowers statement `s` (an `if` or `switch`) as an expression of the `expected` type.
    pub(super) fn single_value(
        &mut self,
        s: &Stmt<'_>,
        braces: &[Span],
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let kind = match s.kind {
            StmtKind::Switch { .. } => "switch",
            _ => "if",
        };
        let var = self.temp(expected.unwrap_or(TypeTable::ERROR));
        let mut target = ValueTarget {
            var,
            expected,
            kind,
            branches: Vec::new(),
            reported: Vec::new(),
            root: s.span,
        };
        let stmt = self.value_stmt(s, braces, &mut target);
        let ty = match expected {
            Some(t) => t,
            None => self.branch_type(&target),
        };
        if let Some(local) = self.cur().ir.locals.get_mut(var.0 as usize) {
            local.ty = ty;
        }
        let stmts = self.slice(vec![stmt]);
        let read = self.mk(ty, TExprKind::Var(VarRef::Local(var)), span);
        let value = self.boxed(read);
        self.mk(ty, TExprKind::Seq(stmts, value), span)
    }

    /// A closure body that is one `if`/`switch` with a value in every branch, its result
    /// type inferred: the branches' common type; branches that disagree make it a statement
    /// (Swift keeps such closures compiling as `Void` ones).
    pub(super) fn closure_single_value(&mut self, s: &Stmt<'_>) -> TExpr<'s> {
        let kind = match s.kind {
            StmtKind::Switch { .. } => "switch",
            _ => "if",
        };
        let var = self.temp(TypeTable::ERROR);
        let mut target = ValueTarget {
            var,
            expected: None,
            kind,
            branches: Vec::new(),
            reported: Vec::new(),
            root: s.span,
        };
        let stmt = self.value_stmt(s, &[], &mut target);
        let first = target.branches.first().map(|b| b.0);
        let agree = target.branches.iter().all(|b| Some(b.0) == first);
        let span = s.span;
        let (Some(ty), true) = (first, agree) else {
            let stmt = self.discard_values(stmt, var);
            let stmts = self.slice(vec![stmt]);
            let void = self.mk(TypeTable::VOID, TExprKind::Void, span);
            let vb = self.boxed(void);
            return self.mk(TypeTable::VOID, TExprKind::Seq(stmts, vb), span);
        };
        if let Some(local) = self.cur().ir.locals.get_mut(var.0 as usize) {
            local.ty = ty;
        }
        let stmts = self.slice(vec![stmt]);
        let read = self.mk(ty, TExprKind::Var(VarRef::Local(var)), span);
        let value = self.boxed(read);
        self.mk(ty, TExprKind::Seq(stmts, value), span)
    }

    /// `stmt` with every store into `var` turned into evaluating the value for effect.
    fn discard_values(&mut self, stmt: TStmt<'s>, var: VarId) -> TStmt<'s> {
        let kind = match stmt.kind {
            TStmtKind::Init(VarRef::Local(v), value) if v == var => TStmtKind::Expr(value),
            TStmtKind::If(conds, then, els) => {
                let then = self.discard_all(then, var);
                let els = self.discard_all(els, var);
                TStmtKind::If(conds, then, els)
            }
            TStmtKind::Switch(id, subject_var, subject, cases, exhaustive) => {
                let mut out = Vec::with_capacity(cases.len());
                for c in cases {
                    let body = self.discard_all(c.body, var);
                    out.push(TCase { body, ..*c });
                }
                let cases = self.slice(out);
                TStmtKind::Switch(id, subject_var, subject, cases, exhaustive)
            }
            other => other,
        };
        TStmt { kind, ..stmt }
    }

    fn discard_all(&mut self, stmts: &'s [TStmt<'s>], var: VarId) -> &'s [TStmt<'s>] {
        let out: Vec<TStmt<'s>> = stmts.iter().map(|s| self.discard_values(*s, var)).collect();
        self.slice(out)
    }

    /// Without a contextual type: the branches' common type (the last one's), every other
    /// branch of another type reported as swiftc reports it.
    fn branch_type(&mut self, target: &ValueTarget) -> TypeId {
        let Some(&(last, _)) = target.branches.last() else {
            return TypeTable::VOID;
        };
        if self.types().is_error(last) {
            return TypeTable::ERROR;
        }
        let mut reported: Vec<(TypeId, TypeId)> = Vec::new();
        for &(t, at) in &target.branches {
            if t == last || self.types().is_error(t) || reported.contains(&(t, last)) {
                continue;
            }
            reported.push((t, last));
            let (a, b) = (self.ty_name(t), self.ty_name(last));
            self.error(
                format!("branches have mismatching types '{a}' and '{b}'"),
                at,
            );
        }
        last
    }

    /// The `if`/`switch` statement `s` with each branch storing its value into the target.
    fn value_stmt(&mut self, s: &Stmt<'_>, braces: &[Span], target: &mut ValueTarget) -> TStmt<'s> {
        let span = s.span;
        let kind = match s.kind {
            StmtKind::If {
                conds, then, els, ..
            } => {
                let Some(els) = els else {
                    let start = target.root.start as usize;
                    let at = Span::new(start, start + 2);
                    self.error(
                        "'if' must have an unconditional 'else' to be used as expression",
                        at,
                    );
                    return TStmt {
                        kind: TStmtKind::Expr(self.error_expr(span)),
                        span,
                    };
                };
                self.push_scope();
                let conds = self.check_conds(conds);
                let then_braces = braces.first().copied();
                let then = self.branch_body(then, then_braces, span, target);
                self.pop_scope();
                let rest = braces.get(1..).unwrap_or(&[]);
                let els = match els {
                    // `else if`: the nested `if` is itself a value.
                    [inner @ Stmt {
                        kind: StmtKind::If { .. },
                        ..
                    }] => {
                        self.push_scope();
                        let nested = self.value_stmt(inner, rest, target);
                        self.pop_scope();
                        self.slice(vec![nested])
                    }
                    _ => self.branch_body(els, rest.first().copied(), span, target),
                };
                TStmtKind::If(conds, then, els)
            }
            StmtKind::Switch {
                label,
                subject,
                cases,
            } => self.check_switch_as(label, subject, cases, span, Some(target)),
            _ => TStmtKind::Expr(self.error_expr(span)),
        };
        TStmt { kind, span }
    }

    /// One branch of an `if`/`switch` expression: its value stored into the target (or, for
    /// a `fatalError(...)` branch, just evaluated). `braces`: the branch's `{ }` when known;
    /// `owner`: the `if`/`case` it belongs to.
    pub(super) fn branch_body(
        &mut self,
        body: &[Stmt<'_>],
        braces: Option<Span>,
        owner: Span,
        target: &mut ValueTarget,
    ) -> &'s [TStmt<'s>] {
        let kind = target.kind;
        match body {
            [] => {
                let at =
                    braces.map_or(owner, |b| Span::new(b.start as usize, b.start as usize + 1));
                self.error(
                    format!("expected expression in branch of '{kind}' expression"),
                    at,
                );
                &[]
            }
            [Stmt {
                kind: StmtKind::Expr(e),
                span,
            }] if !matches!(e.kind, ExprKind::Assign(..)) => {
                // `fatalError(...)` returns `Never`: the branch produces no value.
                let never = matches!(
                    e.kind,
                    ExprKind::Call {
                        callee: Expr {
                            kind: ExprKind::Name("fatalError"),
                            ..
                        },
                        ..
                    }
                ) && self.lookup("fatalError").is_none();
                let kind = if never {
                    TStmtKind::Expr(self.check_expr(e, None))
                } else {
                    let value = match target.expected {
                        Some(t) => {
                            let before = self.errors.len();
                            let v = self.check_expr_as(
                                e,
                                t,
                                "cannot convert value of type '{}' to specified type '{}'",
                            );
                            // swiftc reports one conversion failure once per expression.
                            if self.errors.len() == before + 1 {
                                let message = self.errors[before].message.clone();
                                if target.reported.contains(&message) {
                                    self.errors.truncate(before);
                                } else {
                                    target.reported.push(message);
                                }
                            }
                            v
                        }
                        None => self.check_expr(e, None),
                    };
                    target.branches.push((value.ty, e.span));
                    TStmtKind::Init(VarRef::Local(target.var), value)
                };
                self.slice(vec![TStmt { kind, span: *span }])
            }
            [inner] if is_single_value_stmt(inner) => {
                self.push_scope();
                let nested = self.value_stmt(inner, &[], target);
                self.pop_scope();
                self.slice(vec![nested])
            }
            _ => {
                let mut found = Vec::new();
                jumps(body, false, &mut found);
                if found.is_empty() {
                    let at = braces.map_or(owner, |b| {
                        Span::new((b.end as usize).saturating_sub(1), b.end as usize)
                    });
                    self.error(
                        format!("non-expression branch of '{kind}' expression may only end with a 'throw'"),
                        at,
                    );
                }
                for (at, word) in found {
                    let at = Span::new(at.start as usize, at.start as usize + word.len());
                    self.errors.push(Diagnostic::error(
                        format!("cannot '{word}' in '{kind}' when used as expression"),
                        at,
                    ));
                }
                &[]
            }
        }
    }
}
