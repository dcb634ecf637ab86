//! Statements: blocks, control flow, `switch` lowering and exhaustiveness.

use super::ir::*;
use super::types::{Type, TypeId, TypeTable};
use super::Checker;
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// Checks statements in a new scope.
    pub(super) fn check_block(&mut self, stmts: &[Stmt<'_>]) -> &'s [TStmt<'s>] {
        self.push_scope();
        let out = self.check_block_stmts(stmts);
        self.pop_scope();
        out
    }

    /// Checks statements in the current scope.
    pub(super) fn check_block_stmts(&mut self, stmts: &[Stmt<'_>]) -> &'s [TStmt<'s>] {
        let mut out = Vec::with_capacity(stmts.len());
        self.hoist_local_functions(stmts);
        // Statements after a `return` are checked but never run: swiftc warns once.
        let (mut dead, mut warned) = (false, false);
        let mut unreachable = Vec::new();
        for s in stmts {
            if dead {
                if !warned {
                    self.warn("code after 'return' will never be executed", s.span);
                    warned = true;
                }
                self.check_stmt(s, &mut unreachable);
                continue;
            }
            let start = out.len();
            self.check_stmt(s, &mut out);
            self.declare_forward_slots(&mut out, start);
            dead = matches!(s.kind, StmtKind::Return(_));
        }
        self.slice(out)
    }

    fn check_stmt(&mut self, s: &Stmt<'_>, out: &mut Vec<TStmt<'s>>) {
        let span = s.span;
        let push = |out: &mut Vec<TStmt<'s>>, kind| out.push(TStmt { kind, span });
        match s.kind {
            StmtKind::Expr(e) => {
                let t = self.check_expr(e, None);
                let k = self.repl_result(t);
                push(out, k);
            }
            StmtKind::Decl(d) => self.check_decl(d, out),
            StmtKind::Return(value) => {
                let k = self.check_return(value, span);
                push(out, k);
            }
            StmtKind::Break(label) => match self.find_loop(label, false, span) {
                Some(id) => push(out, TStmtKind::Break(id)),
                None => {}
            },
            StmtKind::Continue(label) => match self.find_loop(label, true, span) {
                Some(id) => push(out, TStmtKind::Continue(id)),
                None => {}
            },
            StmtKind::Fallthrough => {
                // Handled by the switch lowering; anywhere else it is an error.
                self.error("'fallthrough' is only allowed inside a switch", span);
            }
            StmtKind::If {
                label,
                conds,
                then,
                els,
            } => {
                let id = label.map(|l| self.new_loop(Some(l.name), true, false));
                self.push_scope();
                let conds = self.check_conds(conds);
                let then = self.check_block(then);
                self.pop_scope();
                let els = match els {
                    Some(e) => self.check_block(e),
                    None => &[],
                };
                let k = TStmtKind::If(conds, then, els);
                match id {
                    Some(id) => {
                        self.pop_loop();
                        let inner = self.slice(vec![TStmt { kind: k, span }]);
                        push(out, TStmtKind::Block(id, inner));
                    }
                    None => push(out, k),
                }
            }
            StmtKind::Guard { conds, els } => {
                // Bindings of a guard are visible after it, in the enclosing scope.
                let top = self.is_top_level();
                let conds = self.check_conds(conds);
                let els_checked = self.check_block(els);
                if !always_exits(els_checked) {
                    self.error(
                        "'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope",
                        Span { start: span.start, end: span.start + 5 },
                    );
                }
                push(out, TStmtKind::Guard(conds, els_checked));
                if top {
                    self.promote_guard_bindings(conds, span, out);
                }
            }
            StmtKind::While { label, conds, body } => {
                let id = self.new_loop(label.map(|l| l.name), true, true);
                self.push_scope();
                let conds = self.check_conds(conds);
                let body = self.check_block(body);
                self.pop_scope();
                self.pop_loop();
                push(out, TStmtKind::While(id, conds, body));
            }
            StmtKind::Repeat { label, body, cond } => {
                let id = self.new_loop(label.map(|l| l.name), true, true);
                let body = self.check_block(body);
                self.pop_loop();
                let cond = self.check_expr_as(
                    cond,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected condition type '{}'",
                );
                let cond = self.boxed(cond);
                push(out, TStmtKind::Repeat(id, body, cond));
            }
            StmtKind::For {
                label,
                pattern,
                refutable,
                seq,
                filter,
                body,
            } => {
                let k = self.check_for(label, (pattern, refutable), seq, filter, body, span);
                push(out, k);
            }
            StmtKind::Switch {
                label,
                subject,
                cases,
            } => {
                let k = self.check_switch(label, subject, cases, span);
                push(out, k);
            }
            StmtKind::Defer(body) => {
                let body = self.check_block(body);
                push(out, TStmtKind::Defer(body));
            }
            StmtKind::Do { label, body } => {
                let id = self.new_loop(label.map(|l| l.name), label.is_some(), false);
                let body = self.check_block(body);
                self.pop_loop();
                push(out, TStmtKind::Block(id, body));
            }
            StmtKind::Error => {}
        }
    }

    fn check_decl(&mut self, d: &Decl<'_>, out: &mut Vec<TStmt<'s>>) {
        if !matches!(d.kind, DeclKind::Type(..)) {
            self.check_access_modifiers(d, None);
        }
        match d.kind {
            DeclKind::Var { mutable, bindings } => {
                self.var_decl(mutable, bindings, d.modifiers, out)
            }
            DeclKind::Func(f) => {
                if self.is_top_level()
                    && self
                        .hoisted
                        .contains_key(&(f as *const FuncDecl<'_> as usize))
                {
                    // Checked after the top-level code (`check_program`): its body may use
                    // globals declared further down, as in Swift.
                } else {
                    self.local_function(f, d.span, out);
                }
            }
            DeclKind::Typealias(name, t) => {
                let t = self.resolve_type(t);
                self.env.aliases.insert(name.name.to_string(), t);
            }
            DeclKind::Import(name) => match name.name {
                "Foundation" | "Glibc" | "Darwin" => self.env.foundation = true,
                "Swift" => {}
                other => self.error(format!("no such module '{other}'"), name.span),
            },
            DeclKind::Type(_, t) => {
                if self.is_top_level() {
                    // Checked after the top-level code (`check_program`), like functions.
                } else if self
                    .type_decls
                    .contains_key(&(t as *const TypeDecl<'_> as usize))
                {
                    self.check_type_decl(t);
                } else {
                    self.error("types must be declared at the top level for now (nested and local types are not supported yet)", t.name.span);
                }
            }
            DeclKind::Init(f) => self.error(
                "initializers may only be declared within a type",
                f.name.span,
            ),
            DeclKind::Deinit(_) => {
                self.error("deinitializers may only be declared within a class", d.span)
            }
            DeclKind::EnumCase(_) => {
                self.error("enum 'case' is not allowed outside of an enum", d.span)
            }
            DeclKind::Unsupported(what) => {
                self.error(format!("'{what}' is not supported yet"), d.span)
            }
        }
    }

    fn check_return(&mut self, value: Option<&Expr<'_>>, span: Span) -> TStmtKind<'s> {
        if let Some((self_var, failable)) = self.cur_ref().init_of {
            // `return` in an initializer returns the instance; `return nil` fails it.
            let ty = self.cur_ref().self_type.unwrap_or(TypeTable::ERROR);
            let result = self.cur_ref().ir.result;
            return match value {
                Some(Expr {
                    kind: ExprKind::Nil,
                    ..
                }) if failable => {
                    let opt = self.types().optional(ty);
                    TStmtKind::Return(Some(TExpr {
                        ty: opt,
                        kind: TExprKind::Nil,
                        span,
                    }))
                }
                Some(e) => {
                    self.error(
                        "'nil' is the only return value permitted in an initializer",
                        e.span,
                    );
                    TStmtKind::Unreachable
                }
                None => {
                    let me = TExpr {
                        ty,
                        kind: TExprKind::Var(VarRef::Local(self_var)),
                        span,
                    };
                    if failable {
                        let b = self.alloc(me);
                        let opt = self.types().optional(ty);
                        let _ = result;
                        TStmtKind::Return(Some(TExpr {
                            ty: opt,
                            kind: TExprKind::WrapOptional(b),
                            span,
                        }))
                    } else {
                        TStmtKind::Return(Some(me))
                    }
                }
            };
        }
        let f = self.cur_ref();
        if f.kind == super::FuncKind::TopLevel {
            self.error("return invalid outside of a func", span);
            return TStmtKind::Unreachable;
        }
        match (f.result, value) {
            (Some(r), Some(e)) => {
                if r == TypeTable::VOID {
                    let t = self.check_expr(e, Some(TypeTable::VOID));
                    if t.ty != TypeTable::VOID && !self.types().is_error(t.ty) {
                        self.error("unexpected non-void return value in void function", e.span);
                    }
                    return TStmtKind::Return(Some(t));
                }
                let t = self.check_expr_as(
                    e,
                    r,
                    "cannot convert return expression of type '{}' to return type '{}'",
                );
                TStmtKind::Return(Some(t))
            }
            (Some(r), None) => {
                if r != TypeTable::VOID && !self.types().is_error(r) {
                    let name = self.ty_name(r);
                    self.error(
                        format!("non-void function should return a value of type '{name}'"),
                        span,
                    );
                }
                TStmtKind::Return(None)
            }
            (None, Some(e)) => {
                // A closure whose result type is inferred from its first return.
                let expected = self.cur_ref().inferred_result;
                let t = match expected {
                    Some(r) => self.check_expr_as(
                        e,
                        r,
                        "cannot convert return expression of type '{}' to return type '{}'",
                    ),
                    None => {
                        let t = self.check_expr(e, None);
                        self.cur().inferred_result = Some(t.ty);
                        t
                    }
                };
                TStmtKind::Return(Some(t))
            }
            (None, None) => {
                if self.cur_ref().inferred_result.is_none() {
                    self.cur().inferred_result = Some(TypeTable::VOID);
                }
                TStmtKind::Return(None)
            }
        }
    }

    fn find_loop(
        &mut self,
        label: Option<Ident<'_>>,
        is_continue: bool,
        span: Span,
    ) -> Option<LoopId> {
        let loops = &self.cur_ref().loops;
        let found = match label {
            Some(l) => loops
                .iter()
                .rev()
                .find(|c| c.label.as_deref() == Some(l.name))
                .map(|c| (c.id, c.continuable)),
            None => loops
                .iter()
                .rev()
                .find(|c| {
                    if is_continue {
                        c.continuable
                    } else {
                        // An unlabeled `break` leaves the innermost loop or `switch`, not a
                        // labeled `if` or `do`.
                        is_plain_break_target(c)
                    }
                })
                .map(|c| (c.id, c.continuable)),
        };
        match (found, label) {
            (Some((id, continuable)), _) => {
                if is_continue && !continuable {
                    let name = label.map_or("", |l| l.name);
                    self.error(format!("'continue' cannot be used with the labeled statement '{name}'; use 'break'"), span);
                    return None;
                }
                Some(id)
            }
            (None, Some(l)) => {
                self.error(format!("cannot find label '{}' in scope", l.name), l.span);
                None
            }
            (None, None) => {
                let msg = if is_continue {
                    "'continue' is only allowed inside a loop"
                } else {
                    "'break' is only allowed inside a loop, if, do, or switch"
                };
                self.error(msg, span);
                None
            }
        }
    }

    /// A condition list: Bool expressions, `let` bindings, `case` patterns.
    /// A top-level `guard`'s bindings are globals of the script (functions declared at top
    /// level may read them), as top-level `let`s are: each is copied from the condition's
    /// local into a new global of its name, which then replaces the local in scope.
    fn promote_guard_bindings(
        &mut self,
        conds: &[TCond<'s>],
        span: Span,
        out: &mut Vec<TStmt<'s>>,
    ) {
        let mut bound = Vec::new();
        for c in conds {
            match c {
                TCond::Bind(v, _) => bound.push(*v),
                TCond::Match(_, _, p) => TPattern::vars(p, &mut bound),
                TCond::Bool(_) => {}
            }
        }
        for v in bound {
            let Some(info) = self.cur_ref().ir.locals.get(v.0 as usize) else {
                continue;
            };
            let (name, ty, mutable) = (info.name.clone(), info.ty, info.mutable);
            if name.is_empty() || name == "_" {
                continue;
            }
            if let Some(scope) = self.cur().scopes.last_mut() {
                scope.names.remove(&name);
            }
            let g = self.declare_var(&name, ty, mutable);
            let value = self.mk(ty, TExprKind::Var(VarRef::Local(v)), span);
            out.push(TStmt {
                kind: TStmtKind::Init(g, value),
                span,
            });
        }
    }

    pub(super) fn check_conds(&mut self, conds: &[Cond<'_>]) -> &'s [TCond<'s>] {
        let mut out = Vec::with_capacity(conds.len());
        for c in conds {
            match *c {
                Cond::Expr(e) => {
                    let t = self.check_expr_as(
                        e,
                        TypeTable::BOOL,
                        "cannot convert value of type '{}' to expected condition type '{}'",
                    );
                    out.push(TCond::Bool(t));
                }
                Cond::Bind {
                    mutable,
                    name,
                    ty,
                    value,
                } => {
                    let value_expr;
                    let source: &Expr<'_> = match value {
                        Some(v) => v,
                        None => {
                            // `if let x` means `if let x = x`.
                            value_expr = Expr {
                                kind: ExprKind::Name(name.name),
                                span: name.span,
                            };
                            &value_expr
                        }
                    };
                    let annotated = ty.map(|t| self.resolve_type(t));
                    let expected = annotated.map(|t| self.types().optional(t));
                    let v = match expected {
                        Some(t) => self.check_expr_as(
                            source,
                            t,
                            "cannot convert value of type '{}' to specified type '{}'",
                        ),
                        None => self.check_expr(source, None),
                    };
                    let inner = match self.ty(v.ty) {
                        Type::Optional(inner) => inner,
                        Type::Error => TypeTable::ERROR,
                        _ => {
                            let name = self.ty_name(v.ty);
                            self.error(format!("initializer for conditional binding must have Optional type, not '{name}'"), source.span);
                            TypeTable::ERROR
                        }
                    };
                    let var = self.declare_local(name.name, inner, mutable);
                    out.push(TCond::Bind(var, v));
                }
                Cond::Case(pattern, value) => {
                    let v = self.check_expr(value, None);
                    let subject = self.temp(v.ty);
                    let mut names = Vec::new();
                    let p = self.refutable_pattern(pattern, v.ty, &mut names);
                    out.push(TCond::Match(subject, v, p));
                }
            }
        }
        self.slice(out)
    }

    fn check_for(
        &mut self,
        label: Label<'_>,
        (pattern, refutable): (&Pattern<'_>, bool),
        seq: &Expr<'_>,
        filter: Option<&Expr<'_>>,
        body: &[Stmt<'_>],
        span: Span,
    ) -> TStmtKind<'s> {
        // `for i in a..<b` over Int: a counting loop, no range value.
        if let ExprKind::Binary(
            op @ (crate::syntax::token::BinOp::HalfOpen | crate::syntax::token::BinOp::Closed),
            lo,
            hi,
        ) = if refutable { ExprKind::Error } else { seq.kind }
        {
            let lo_t = self.check_expr(lo, Some(TypeTable::INT));
            if lo_t.ty == TypeTable::INT || self.types().is_error(lo_t.ty) {
                let hi_t = self.check_expr_as(
                    hi,
                    TypeTable::INT,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let counter = self.temp(TypeTable::INT);
                let limit = self.temp(TypeTable::INT);
                let id = self.new_loop(label.map(|l| l.name), true, true);
                self.push_scope();
                let var = match pattern.kind {
                    PatternKind::Bind(n) => Some(self.declare_local(n.name, TypeTable::INT, false)),
                    PatternKind::Wildcard => None,
                    _ => {
                        self.error(
                            "this pattern cannot match values of type 'Int'",
                            pattern.span,
                        );
                        None
                    }
                };
                let body = self.filtered_body(filter, body);
                self.pop_scope();
                self.pop_loop();
                let closed = op == crate::syntax::token::BinOp::Closed;
                return TStmtKind::ForRange {
                    id,
                    var,
                    lo: self.boxed(lo_t),
                    hi: self.boxed(hi_t),
                    closed,
                    body,
                    counter,
                    limit,
                };
            }
        }
        let seq_t = self.check_expr(seq, None);
        let elem_ty = match self.types().element_of(seq_t.ty) {
            Some(t) => t,
            None => {
                if !self.types().is_error(seq_t.ty) {
                    let name = self.ty_name(seq_t.ty);
                    self.error(
                        format!("for-in loop requires '{name}' to conform to 'Sequence'"),
                        seq.span,
                    );
                }
                TypeTable::ERROR
            }
        };
        let iter = self.temp(seq_t.ty);
        let elem = self.temp(elem_ty);
        let id = self.new_loop(label.map(|l| l.name), true, true);
        self.push_scope();
        let pat = if refutable {
            // `for case let x? in xs`: an element the pattern does not match is skipped.
            let mut names = Vec::new();
            self.refutable_pattern(pattern, elem_ty, &mut names)
        } else {
            self.irrefutable_pattern(pattern, elem_ty, false)
        };
        let body = self.filtered_body(filter, body);
        self.pop_scope();
        self.pop_loop();
        let _ = span;
        TStmtKind::ForEach {
            id,
            seq: self.boxed(seq_t),
            iter,
            elem,
            pattern: pat,
            body,
        }
    }

    /// A loop body with its `where` filter lowered to an `if`.
    fn filtered_body(&mut self, filter: Option<&Expr<'_>>, body: &[Stmt<'_>]) -> &'s [TStmt<'s>] {
        match filter {
            None => self.check_block(body),
            Some(f) => {
                let cond = self.check_expr_as(
                    f,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected condition type '{}'",
                );
                let conds = self.slice(vec![TCond::Bool(cond)]);
                let inner = self.check_block(body);
                self.slice(vec![TStmt {
                    kind: TStmtKind::If(conds, inner, &[]),
                    span: f.span,
                }])
            }
        }
    }

    fn check_switch(
        &mut self,
        label: Label<'_>,
        subject: &Expr<'_>,
        cases: &[SwitchCase<'_>],
        span: Span,
    ) -> TStmtKind<'s> {
        self.check_switch_as(label, subject, cases, span, None)
    }

    /// A `switch`; with `value`, a `switch` expression whose cases store their values there.
    pub(super) fn check_switch_as(
        &mut self,
        label: Label<'_>,
        subject: &Expr<'_>,
        cases: &[SwitchCase<'_>],
        span: Span,
        mut value: Option<&mut super::stmt_expr::ValueTarget>,
    ) -> TStmtKind<'s> {
        let subject_t = self.check_expr(subject, None);
        let var = self.temp(subject_t.ty);
        let id = self.new_loop(label.map(|l| l.name), true, false);
        let mut out = Vec::with_capacity(cases.len());
        let mut exhaustive = false;
        let mut bool_seen = [false, false];
        for (ci, case) in cases.iter().enumerate() {
            self.push_scope();
            let mut names = Vec::new();
            let mut patterns = Vec::with_capacity(case.items.len());
            for item in case.items {
                let mut p = *self.refutable_pattern(item.pattern, subject_t.ty, &mut names);
                if item.guard.is_none() {
                    if pattern_is_irrefutable(&p) {
                        exhaustive = true;
                    }
                    if let TPattern::Equal(
                        _,
                        TExpr {
                            kind: TExprKind::Bool(b),
                            ..
                        },
                    ) = p
                    {
                        bool_seen[usize::from(b)] = true;
                    }
                }
                if let Some(g) = item.guard {
                    let g = self.check_expr_as(
                        g,
                        TypeTable::BOOL,
                        "cannot convert value of type '{}' to expected condition type '{}'",
                    );
                    p = TPattern::Guarded(self.alloc(p), g);
                }
                patterns.push(p);
            }
            if case.items.is_empty() {
                exhaustive = true;
                if ci + 1 != cases.len() {
                    self.error("additional 'case' blocks cannot appear after the 'default' block of a 'switch'", cases[ci + 1].span);
                }
            }
            let (body_stmts, falls) = match case.body.split_last() {
                Some((
                    Stmt {
                        kind: StmtKind::Fallthrough,
                        span: fs,
                    },
                    rest,
                )) => {
                    if ci + 1 == cases.len() {
                        self.error(
                            "'fallthrough' without a following 'case' or 'default' block",
                            *fs,
                        );
                    }
                    (rest, true)
                }
                _ => (case.body, false),
            };
            if case.body.is_empty() {
                let what = if case.items.is_empty() {
                    "default"
                } else {
                    "case"
                };
                self.error(
                    format!(
                        "'{what}' label in a 'switch' must have at least one executable statement"
                    ),
                    case.span,
                );
            }
            let body = match value.as_deref_mut() {
                Some(target) => {
                    let at = Span::new(case.span.end as usize, case.span.end as usize);
                    self.branch_body(case.body, None, at, target)
                }
                None => self.check_block(body_stmts),
            };
            self.pop_scope();
            let patterns = self.slice(patterns);
            out.push(TCase {
                patterns,
                body,
                falls_through: falls,
            });
        }
        self.pop_loop();
        if bool_seen == [true, true] && subject_t.ty == TypeTable::BOOL {
            exhaustive = true;
        }
        // An optional is covered by `.some(x)` (or `x?`) with an irrefutable inner pattern
        // and `.none` (or `nil`).
        let mut missing: Vec<String> = Vec::new();
        if !exhaustive && self.env.types.optional_inner(subject_t.ty).is_some() {
            let (mut some, mut none) = (false, false);
            for p in out.iter().flat_map(|c| c.patterns.iter()) {
                match p {
                    TPattern::Some(_, inner) if pattern_is_irrefutable(inner) => some = true,
                    TPattern::Equal(
                        _,
                        TExpr {
                            kind: TExprKind::Nil,
                            ..
                        },
                    ) => none = true,
                    _ => {}
                }
            }
            exhaustive = some && none;
            missing = [(some, ".some(_)"), (none, ".none")]
                .iter()
                .filter(|(covered, _)| !covered)
                .map(|(_, name)| name.to_string())
                .collect();
            if exhaustive || missing.len() == 2 {
                missing.clear();
            }
        }
        // An enum is covered when every case has an unguarded pattern matching all its values.
        if let Some(info) = self.env.types.nominal(subject_t.ty) {
            if info.kind == super::types::NominalKind::Enum && !exhaustive {
                let mut covered = vec![false; info.cases.len()];
                for case in &out {
                    for p in case.patterns {
                        match p {
                            TPattern::EnumCase(tag, subs)
                                if subs.iter().all(|(_, s)| pattern_is_irrefutable(s)) =>
                            {
                                if let Some(c) = covered.get_mut(*tag as usize) {
                                    *c = true;
                                }
                            }
                            TPattern::Equal(
                                _,
                                TExpr {
                                    kind: TExprKind::EnumCase(tag, []),
                                    ..
                                },
                            ) => {
                                if let Some(c) = covered.get_mut(*tag as usize) {
                                    *c = true;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                exhaustive = covered.iter().all(|c| *c);
                // Swift's notes name each missing case (`.west`, `.circle(_)`).
                missing = info
                    .cases
                    .iter()
                    .zip(&covered)
                    .filter(|(_, c)| !**c)
                    .map(|(c, _)| match &c.payload {
                        Some(p) => format!(".{}({})", c.name, vec!["_"; p.len()].join(", ")),
                        None => format!(".{}", c.name),
                    })
                    .collect();
            }
        }
        if !exhaustive && !self.types().is_error(subject_t.ty) {
            let at = Span {
                start: span.start,
                end: span.start + 6,
            };
            let mut d = crate::diag::Diagnostic::error("switch must be exhaustive", at);
            if missing.is_empty() {
                d = d.with_note("do you want to add a default clause?", at);
            }
            for m in missing {
                d = d.with_note(format!("add missing case: '{m}'"), at);
            }
            self.errors.push(d);
        }
        let cases = self.slice(out);
        TStmtKind::Switch(id, var, self.boxed(subject_t), cases, exhaustive)
    }

    /// Whether a builtin call never returns (for `guard` and missing-return checks).
    pub(super) fn never_returns(b: Builtin) -> bool {
        matches!(b, Builtin::FatalError)
    }
}

fn is_plain_break_target(c: &super::LoopCtx) -> bool {
    c.breakable && (c.continuable || c.label.is_none())
}

fn pattern_is_irrefutable(p: &TPattern<'_>) -> bool {
    match p {
        TPattern::Any | TPattern::Bind(_) => true,
        TPattern::Tuple(elems) => elems.iter().all(|(_, p)| pattern_is_irrefutable(p)),
        _ => false,
    }
}

/// Whether control can never reach the end of `stmts`.
pub(super) fn always_exits(stmts: &[TStmt<'_>]) -> bool {
    let Some(last) = stmts.last() else {
        return false;
    };
    match last.kind {
        TStmtKind::Return(_)
        | TStmtKind::Break(_)
        | TStmtKind::Continue(_)
        | TStmtKind::Unreachable => true,
        TStmtKind::Expr(TExpr {
            kind: TExprKind::Builtin(b, _),
            ..
        }) => Checker::never_returns(b),
        TStmtKind::If(_, then, els) => always_exits(then) && always_exits(els),
        TStmtKind::Block(_, body) => always_exits(body) && !breaks_out(body),
        TStmtKind::Switch(_, _, _, cases, exhaustive) => {
            exhaustive
                && cases
                    .iter()
                    .all(|c| c.falls_through || (always_exits(c.body) && !breaks_out(c.body)))
        }
        TStmtKind::While(id, conds, body) => {
            matches!(
                conds,
                [TCond::Bool(TExpr {
                    kind: TExprKind::Bool(true),
                    ..
                })]
            ) && !mentions_break(body, id)
        }
        TStmtKind::Repeat(
            id,
            body,
            &TExpr {
                kind: TExprKind::Bool(true),
                ..
            },
        ) => !mentions_break(body, id),
        _ => false,
    }
}

fn breaks_out(stmts: &[TStmt<'_>]) -> bool {
    stmts.iter().any(|s| matches!(s.kind, TStmtKind::Break(_)))
}

fn mentions_break(stmts: &[TStmt<'_>], id: LoopId) -> bool {
    stmts.iter().any(|s| match s.kind {
        TStmtKind::Break(b) => b == id,
        TStmtKind::If(_, a, b) => mentions_break(a, id) || mentions_break(b, id),
        TStmtKind::Block(_, b)
        | TStmtKind::While(_, _, b)
        | TStmtKind::Repeat(_, b, _)
        | TStmtKind::ForRange { body: b, .. }
        | TStmtKind::ForEach { body: b, .. } => mentions_break(b, id),
        TStmtKind::Switch(_, _, _, cases, _) => cases.iter().any(|c| mentions_break(c.body, id)),
        _ => false,
    })
}

#[allow(dead_code)]
fn unused(_: TypeId) {}
