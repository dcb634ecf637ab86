//! Definite initialisation, as swiftc's DI pass does it: a variable declared without a value
//! (`let x: Int`, `var g: Int` at top level) must be assigned on every path before it is
//! read, and an initializer must set every stored property without a default before it
//! returns. The analysis walks each checked function's typed tree, merging the states of
//! `if`/`else`, `switch` cases, `guard`, loops (whose bodies may not run), `break`s and early
//! `return`s: what is assigned on all paths is definitely assigned.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::ir::*;
use super::types::{NominalInfo, NominalKind};
use super::{Checker, GlobalInfo};
use crate::diag::Diagnostic;
use crate::syntax::ast::{DeclKind, PatternKind, Span, TypeDecl};

/// A tracked variable: (is a global, index).
type Key = (bool, u32);

/// What may still be unassigned at a point of the program (`None`: the point is unreachable).
#[derive(Clone, Debug, Default)]
struct St {
    vars: BTreeSet<Key>,
    /// In an initializer: stored properties (by field index) not set yet.
    fields: BTreeSet<u32>,
}

type State = Option<St>;

fn merge(a: &mut State, b: State) {
    match (a.as_mut(), b) {
        (_, None) => {}
        (None, b) => *a = b,
        (Some(x), Some(y)) => {
            x.vars.extend(y.vars);
            x.fields.extend(y.fields);
        }
    }
}

/// An initializer whose stored properties must all be set before it returns.
#[derive(Clone, Debug)]
pub(super) struct InitCheck {
    /// The initializer.
    pub func: FuncId,
    /// Properties without a default: field index, name, where it is declared.
    pub required: Vec<(u32, String, Span)>,
    /// Which of them are `let`s.
    pub constants: Vec<u32>,
    /// The initializer's closing brace (where falling off its end returns).
    pub end: Span,
}

impl<'e, 's> Checker<'e, 's> {
    /// Records that initializer `func` (declared at `decl`) of type `t` must set every
    /// stored property without a default (a class: its own ones; `super.init` sets the
    /// rest) before it returns.
    pub(super) fn require_initialized(
        &mut self,
        t: &TypeDecl<'_>,
        info: &NominalInfo,
        func: u32,
        decl: Span,
    ) {
        let Some(id) = func.checked_sub(self.first_func) else {
            return;
        };
        let start = if info.kind == NominalKind::Class {
            info.own_fields_start
        } else {
            0
        };
        let mut required = Vec::new();
        let mut constants = Vec::new();
        for (i, f) in info.fields.iter().enumerate().skip(start) {
            let optional_var = f.mutable && self.env.types.optional_inner(f.ty).is_some();
            if f.default.is_some() || f.lazy || optional_var {
                continue;
            }
            let span = t
                .members
                .iter()
                .find_map(|m| match m.kind {
                    DeclKind::Var { bindings, .. } if !m.modifiers.is_static => {
                        bindings.iter().find_map(|b| match b.pattern.kind {
                            PatternKind::Bind(n) if n.name == f.name => Some(n.span),
                            _ => None,
                        })
                    }
                    _ => None,
                })
                .unwrap_or(decl);
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            if !f.mutable {
                constants.push(index);
            }
            required.push((index, f.name.clone(), span));
        }
        if required.is_empty() {
            return;
        }
        let end = Span {
            start: decl.end.saturating_sub(1),
            end: decl.end,
        };
        self.init_checks.push(InitCheck {
            func: FuncId(id),
            required,
            constants,
            end,
        });
    }

    /// Runs the analysis over every function of the compilation.
    pub(super) fn check_definite_init(&mut self) {
        let inits: HashMap<u32, &InitCheck> =
            self.init_checks.iter().map(|c| (c.func.0, c)).collect();
        let mut errors = Vec::new();
        let main = self.stack.first().map(|(id, _)| id.0);
        // Finished functions, and those still on the stack (the top-level code).
        let funcs = self
            .done
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((u32::try_from(i).ok()?, f.as_ref()?)))
            .chain(self.stack.iter().map(|(id, ctx)| (id.0, &ctx.ir)));
        for (id, f) in funcs {
            let init = inits.get(&id).copied();
            let mut di = Di {
                func: f,
                func_id: id,
                globals: &self.env.globals,
                late_lets: &self.late_lets,
                forward_deps: &self.forward_deps,
                globals_used: &self.globals_used,
                escapes: if Some(id) == main {
                    &self.top_level_funcs
                } else {
                    &[]
                },
                is_main: Some(id) == main,
                init,
                self_var: init.and_then(|_| {
                    f.locals
                        .iter()
                        .position(|l| l.name == "self")
                        .and_then(|p| u32::try_from(p).ok())
                }),
                breaks: HashMap::new(),
                continues: HashMap::new(),
                reported: HashSet::new(),
                init_reported: false,
                errors: Vec::new(),
            };
            let mut st = Some(St {
                vars: BTreeSet::new(),
                fields: init
                    .map(|c| c.required.iter().map(|r| r.0).collect())
                    .unwrap_or_default(),
            });
            if di.is_main {
                di.top_level(f.body, &mut st);
            } else {
                di.stmts(f.body, &mut st);
            }
            errors.extend(di.errors);
        }
        self.errors.extend(errors);
    }
}

struct Di<'a, 's> {
    func: &'a FuncIr<'s>,
    func_id: u32,
    globals: &'a [GlobalInfo],
    late_lets: &'a HashSet<(u32, bool, u32)>,
    /// Local functions' variables → the forward slots their closures capture (a local
    /// function named before its declaration, `local_funcs.rs`).
    forward_deps: &'a super::HashMap<(u32, u32), Vec<(u32, String)>>,
    /// Globals each top-level function or closure uses (by function id).
    globals_used: &'a super::HashMap<u32, Vec<u32>>,
    /// In the top-level code: its functions (declaration offset, id, name), in source order.
    escapes: &'a [(u32, FuncId, Span)],
    /// Whether this is the top-level code (whose globals functions and closures use).
    is_main: bool,
    init: Option<&'a InitCheck>,
    self_var: Option<u32>,
    /// States at the `break`s / `continue`s of each loop or labeled statement.
    breaks: HashMap<u32, State>,
    continues: HashMap<u32, State>,
    /// Variables already reported (one error per variable).
    reported: HashSet<Key>,
    init_reported: bool,
    errors: Vec<Diagnostic>,
}

impl<'a, 's> Di<'a, 's> {
    fn key(r: VarRef) -> Option<Key> {
        match r {
            VarRef::Local(v) => Some((false, v.0)),
            VarRef::Global(g) => Some((true, g)),
            VarRef::Capture(_) => None,
        }
    }

    fn name(&self, k: Key) -> String {
        match k {
            (true, g) => self.globals.get(g as usize).map(|g| g.name.clone()),
            (false, v) => self.func.locals.get(v as usize).map(|l| l.name.clone()),
        }
        .unwrap_or_default()
    }

    /// A read of `r` (`how`: "used", "passed by reference").
    fn read(&mut self, r: VarRef, span: Span, how: &str, st: &State) {
        let (Some(k), Some(s)) = (Self::key(r), st) else {
            return;
        };
        if let Some(deps) = self.forward_deps.get(&(self.func_id, k.1)).filter(|_| !k.0) {
            // Using a local function forms its closure: the functions it names must be
            // declared by then.
            if let Some((slot, name)) = deps.iter().find(|(v, _)| s.vars.contains(&(false, *v))) {
                if self.reported.insert((false, *slot)) {
                    self.errors.push(Diagnostic::error(
                        format!("closure captures '{name}' before it is declared"),
                        span,
                    ));
                }
                return;
            }
        }
        if !s.vars.contains(&k) || !self.reported.insert(k) {
            return;
        }
        let what = if self.late_lets.contains(&(self.func_id, k.0, k.1)) {
            "constant"
        } else {
            "variable"
        };
        let name = self.name(k);
        self.errors.push(Diagnostic::error(
            format!("{what} '{name}' {how} before being initialized"),
            span,
        ));
    }

    fn assigned(r: VarRef, st: &mut State) {
        if let (Some(k), Some(s)) = (Self::key(r), st.as_mut()) {
            s.vars.remove(&k);
        }
    }

    fn is_self(&self, e: &TExpr<'s>) -> bool {
        matches!(e.kind, TExprKind::Var(VarRef::Local(v)) if Some(v.0) == self.self_var)
    }

    /// The top-level code: a function declared among its statements may be called from
    /// there on, so every global it uses must be initialized where it is declared.
    fn top_level(&mut self, body: &[TStmt<'s>], st: &mut State) {
        let mut next = 0;
        for s in body {
            while let Some(&(at, id, name)) = self.escapes.get(next) {
                if at > s.span.start {
                    break;
                }
                self.uses_globals(id.0, name, "used by function definition", st);
                next += 1;
            }
            self.stmt(s, st);
        }
        while let Some(&(_, id, name)) = self.escapes.get(next) {
            self.uses_globals(id.0, name, "used by function definition", st);
            next += 1;
        }
    }

    /// Function or closure `func` of the top-level code is made here: the globals it uses
    /// must be initialized.
    fn uses_globals(&mut self, func: u32, span: Span, how: &str, st: &State) {
        let Some(used) = self.globals_used.get(&func) else {
            return;
        };
        for &g in used {
            self.read(VarRef::Global(g), span, how, st);
        }
    }

    fn stmts(&mut self, body: &[TStmt<'s>], st: &mut State) {
        for s in body {
            self.stmt(s, st);
        }
    }

    fn stmt(&mut self, s: &TStmt<'s>, st: &mut State) {
        match s.kind {
            TStmtKind::Expr(e) => {
                self.expr(&e, st);
                // `fatalError(...)` never returns: nothing after it is reached.
                if let TExprKind::Builtin(b, _) = e.kind {
                    if Checker::never_returns(b) {
                        *st = None;
                    }
                }
            }
            TStmtKind::Init(r, e) => {
                self.expr(&e, st);
                Self::assigned(r, st);
            }
            TStmtKind::Declare(r) => {
                if let (Some(k), Some(s)) = (Self::key(r), st.as_mut()) {
                    s.vars.insert(k);
                }
            }
            TStmtKind::Destructure(_, e, p) => {
                self.expr(&e, st);
                self.pattern(p, st);
            }
            TStmtKind::If(conds, then, els) => {
                self.conds(conds, st);
                let mut t = st.clone();
                self.stmts(then, &mut t);
                let mut e = st.clone();
                self.stmts(els, &mut e);
                *st = t;
                merge(st, e);
            }
            TStmtKind::Guard(conds, els) => {
                self.conds(conds, st);
                let mut e = st.clone();
                self.stmts(els, &mut e);
            }
            TStmtKind::While(_, conds, body) => {
                self.conds(conds, st);
                let mut b = st.clone();
                self.stmts(body, &mut b);
            }
            TStmtKind::Repeat(id, body, cond) => {
                self.stmts(body, st);
                let c = self.continues.remove(&id.0).flatten();
                merge(st, c);
                self.expr(cond, st);
                let b = self.breaks.remove(&id.0).flatten();
                merge(st, b);
            }
            TStmtKind::ForRange { lo, hi, body, .. } => {
                self.expr(lo, st);
                self.expr(hi, st);
                let mut b = st.clone();
                self.stmts(body, &mut b);
            }
            TStmtKind::ForEach {
                seq, pattern, body, ..
            } => {
                self.expr(seq, st);
                let mut b = st.clone();
                self.pattern(pattern, &mut b);
                self.stmts(body, &mut b);
            }
            TStmtKind::Switch(id, _, subject, cases, exhaustive) => {
                self.expr(subject, st);
                let mut out: State = None;
                let mut carried: State = None;
                for case in cases {
                    let mut c = st.clone();
                    for p in case.patterns {
                        self.pattern(p, &mut c);
                    }
                    if carried.is_some() {
                        merge(&mut c, carried.take());
                    }
                    self.stmts(case.body, &mut c);
                    if case.falls_through {
                        carried = c;
                    } else {
                        merge(&mut out, c);
                    }
                }
                if !exhaustive {
                    merge(&mut out, st.clone());
                }
                let b = self.breaks.remove(&id.0).flatten();
                merge(&mut out, b);
                *st = out;
            }
            TStmtKind::Block(id, body) => {
                self.stmts(body, st);
                let b = self.breaks.remove(&id.0).flatten();
                merge(st, b);
            }
            TStmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(&v, st);
                    if !matches!(v.kind, TExprKind::Nil) {
                        self.init_complete(s.span, st);
                    }
                } else {
                    self.init_complete(s.span, st);
                }
                *st = None;
            }
            TStmtKind::Break(id) => {
                let e = self.breaks.entry(id.0).or_insert(None);
                merge(e, st.take());
            }
            TStmtKind::Continue(id) => {
                let e = self.continues.entry(id.0).or_insert(None);
                merge(e, st.take());
            }
            // A deferred block runs at the scope's exit; not followed here.
            TStmtKind::Defer(_) => {}
            TStmtKind::Unreachable => *st = None,
        }
    }

    /// A `return` from an initializer: every stored property must be set by now.
    fn init_complete(&mut self, span: Span, st: &State) {
        let (Some(init), Some(s)) = (self.init, st) else {
            return;
        };
        if s.fields.is_empty() || self.init_reported {
            return;
        }
        self.init_reported = true;
        // The return written at the end by the checker stands for the closing brace.
        let at = if span == self.func.span {
            init.end
        } else {
            span
        };
        let mut d = Diagnostic::error(
            "return from initializer without initializing all stored properties",
            at,
        );
        for (i, name, decl) in &init.required {
            if s.fields.contains(i) {
                d = d.with_note(format!("'self.{name}' not initialized"), *decl);
            }
        }
        self.errors.push(d);
    }

    fn conds(&mut self, conds: &[TCond<'s>], st: &mut State) {
        for c in conds {
            match c {
                TCond::Bool(e) | TCond::Bind(_, e) => self.expr(e, st),
                TCond::Match(_, e, p) => {
                    self.expr(e, st);
                    self.pattern(p, st);
                }
            }
        }
    }

    fn pattern(&mut self, p: &TPattern<'s>, st: &mut State) {
        match p {
            TPattern::Any | TPattern::Bind(_) | TPattern::IsClass(_) => {}
            TPattern::Equal(_, e) => self.expr(e, st),
            TPattern::Range(lo, hi, _, _) => {
                if let Some(lo) = lo {
                    self.expr(lo, st);
                }
                if let Some(hi) = hi {
                    self.expr(hi, st);
                }
            }
            TPattern::Tuple(subs) | TPattern::EnumCase(_, subs) => {
                for (_, s) in *subs {
                    self.pattern(s, st);
                }
            }
            TPattern::AsClass(_, _, s) | TPattern::Some(_, s) => self.pattern(s, st),
            TPattern::Guarded(s, g) => {
                self.pattern(s, st);
                let mut c = st.clone();
                self.expr(g, &mut c);
            }
        }
    }

    /// The reads a place makes before it is written (its base variable, subscripts).
    fn place_reads(&mut self, p: &Place<'s>, how: &str, span: Span, st: &mut State) {
        match p {
            Place::Var(r, _) => self.read(*r, span, how, st),
            Place::Index(b, i, _) | Place::DictKey(b, i, _) | Place::DictForce(b, i, _) => {
                self.place_reads(b, how, span, st);
                self.expr(i, st);
            }
            Place::DictKeyDefault(b, k, d, _) => {
                self.place_reads(b, how, span, st);
                self.expr(k, st);
                self.expr(d, st);
            }
            Place::TupleField(Place::Var(VarRef::Local(v), _), i, _)
                if Some(v.0) == self.self_var =>
            {
                self.field_read(*i, span, st)
            }
            Place::ObjField(e, i, _) if self.is_self(e) => self.field_read(*i, span, st),
            Place::Computed(b, ..) | Place::TupleField(b, ..) | Place::Unwrapped(b, _) => {
                self.place_reads(b, how, span, st)
            }
            Place::ObjComputed(e, ..) | Place::ObjField(e, ..) => self.expr(e, st),
            Place::Discard => {}
        }
    }

    /// A read of stored property `i` of `self` in an initializer: it must be set by then.
    fn field_read(&mut self, i: u32, span: Span, st: &State) {
        let (Some(init), Some(s)) = (self.init, st) else {
            return;
        };
        if !s.fields.contains(&i) || !self.reported.insert((false, u32::MAX - i)) {
            return;
        }
        let Some((_, name, _)) = init.required.iter().find(|r| r.0 == i) else {
            return;
        };
        let what = if init.constants.contains(&i) {
            "constant"
        } else {
            "variable"
        };
        self.errors.push(Diagnostic::error(
            format!("{what} 'self.{name}' used before being initialized"),
            span,
        ));
    }

    /// An assignment of `value` to `p`.
    fn assign(&mut self, p: &Place<'s>, value: &TExpr<'s>, span: Span, st: &mut State) {
        match p {
            Place::Var(r, _) => {
                self.expr(value, st);
                Self::assigned(*r, st);
                if matches!(r, VarRef::Local(v) if Some(v.0) == self.self_var) {
                    // `self = T(...)`: every property is set.
                    if let Some(s) = st.as_mut() {
                        s.fields.clear();
                    }
                }
            }
            Place::TupleField(Place::Var(VarRef::Local(v), _), i, _)
                if Some(v.0) == self.self_var =>
            {
                self.expr(value, st);
                if let Some(s) = st.as_mut() {
                    s.fields.remove(i);
                }
            }
            Place::ObjField(base, i, _) if self.is_self(base) => {
                self.expr(value, st);
                if let Some(s) = st.as_mut() {
                    s.fields.remove(i);
                }
            }
            _ => {
                self.place_reads(p, "used", span, st);
                self.expr(value, st);
            }
        }
    }

    fn exprs(&mut self, es: &[TExpr<'s>], st: &mut State) {
        for e in es {
            self.expr(e, st);
        }
    }

    /// A call that passes `self` itself (`super.init(...)`, `self.init(...)`): the
    /// properties are set from there on.
    fn call_with_self(&self, args: &[TExpr<'s>], st: &mut State) {
        if self.self_var.is_some() && args.iter().any(|a| self.is_self(a)) {
            if let Some(s) = st.as_mut() {
                s.fields.clear();
            }
        }
    }

    fn expr(&mut self, e: &TExpr<'s>, st: &mut State) {
        if st.is_none() {
            return;
        }
        match e.kind {
            TExprKind::Int(_)
            | TExprKind::Double(_)
            | TExprKind::Bool(_)
            | TExprKind::Str(_)
            | TExprKind::Nil
            | TExprKind::Void
            | TExprKind::Func(_)
            | TExprKind::GlobalFunc(_)
            | TExprKind::CurrentClosure
            | TExprKind::BuiltinRef(_)
            | TExprKind::NewObject(_) => {}
            TExprKind::Var(r) => self.read(r, e.span, "used", st),
            TExprKind::Interpolation(es)
            | TExprKind::Array(es)
            | TExprKind::Tuple(es)
            | TExprKind::EnumCase(_, es) => self.exprs(es, st),
            TExprKind::Closure(f, es) => {
                self.exprs(es, st);
                if self.is_main {
                    self.uses_globals(f.0, e.span, "captured by a closure", st);
                }
            }
            TExprKind::Builtin(_, es) | TExprKind::Call(_, es) | TExprKind::CallMethod(_, es) => {
                self.exprs(es, st);
                self.call_with_self(es, st);
            }
            TExprKind::CallValue(f, es) => {
                self.expr(f, st);
                self.exprs(es, st);
            }
            TExprKind::Assign(p, v) => self.assign(p, v, e.span, st),
            TExprKind::CompoundAssign(_, p, v) => {
                if let Place::Var(r, _) = p {
                    self.read(*r, e.span, "used", st);
                } else {
                    self.place_reads(p, "used", e.span, st);
                }
                self.expr(v, st);
            }
            TExprKind::InOut(p) => match p {
                Place::Var(r, _) => self.read(*r, e.span, "passed by reference", st),
                _ => self.place_reads(p, "passed by reference", e.span, st),
            },
            TExprKind::TupleField(a, i) if self.is_self(a) => self.field_read(i, e.span, st),
            TExprKind::ObjField(a, i) if self.is_self(a) => self.field_read(i, e.span, st),
            TExprKind::Unary(_, a)
            | TExprKind::TupleField(a, _)
            | TExprKind::WrapOptional(a)
            | TExprKind::ForceUnwrap(a)
            | TExprKind::ObjField(a, _)
            | TExprKind::Retype(a) => self.expr(a, st),
            TExprKind::Binary(_, a, b) | TExprKind::Range(a, b, _) => {
                self.expr(a, st);
                self.expr(b, st);
            }
            TExprKind::And(a, b) | TExprKind::Or(a, b) | TExprKind::Coalesce(a, b) => {
                self.expr(a, st);
                let mut c = st.clone();
                self.expr(b, &mut c);
            }
            TExprKind::Ternary(c, a, b) => {
                self.expr(c, st);
                let mut x = st.clone();
                self.expr(a, &mut x);
                let mut y = st.clone();
                self.expr(b, &mut y);
                *st = x;
                merge(st, y);
            }
            TExprKind::Dictionary(pairs) => {
                for (k, v) in pairs {
                    self.expr(k, st);
                    self.expr(v, st);
                }
            }
            TExprKind::OptionalChain { base, rest, .. } => {
                self.expr(base, st);
                let mut c = st.clone();
                self.expr(rest, &mut c);
            }
            TExprKind::Seq(stmts, v) => {
                self.stmts(stmts, st);
                self.expr(v, st);
            }
        }
    }
}
