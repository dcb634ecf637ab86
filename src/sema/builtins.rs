//! Calls: user functions (labels, defaults, variadics, `inout`), closures, initializers of
//! the standard library's types, and its global functions, each resolved to a [`Builtin`]
//! with its static types. Members and subscripts are in `members.rs`, collection methods in
//! `collection_methods.rs`.

use super::expr::ClosureHint;
use super::ir::*;
use super::place::place_type;
use super::types::{SeqKind, Type, TypeId, TypeTable};
use super::{Checker, FuncSig, Resolved};
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

pub(super) const ARG: &str = "cannot convert value of type '{}' to expected argument type '{}'";

/// Global functions the standard library provides (for messages).
pub(super) fn is_builtin_function(name: &str) -> bool {
    matches!(
        name,
        "print"
            | "readLine"
            | "min"
            | "max"
            | "abs"
            | "swap"
            | "stride"
            | "zip"
            | "repeatElement"
            | "precondition"
            | "assert"
            | "fatalError"
            | "withMemoryTag"
            | "memoryStats"
    )
}

impl<'e, 's> Checker<'e, 's> {
    /// A call expression.
    pub(super) fn call(
        &mut self,
        callee: &Expr<'_>,
        args: &[Arg<'_>],
        trailing: u32,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        self.trailing = trailing as usize;
        for a in args {
            if let ExprKind::Closure(c) = a.value.kind {
                self.nonescaping.insert(c as *const Closure<'_> as usize);
            }
        }
        self.call_paren = Span {
            start: callee.span.end,
            end: callee.span.end.saturating_add(1),
        };
        let first_trailing = args.len().saturating_sub(trailing as usize);
        match callee.kind {
            ExprKind::Name(name) => match self.lookup(name) {
                Some(Resolved::GlobalFuncs(ids)) => {
                    self.call_global(name, &ids, args, expected, callee.span, span)
                }
                Some(Resolved::Var(r)) => {
                    let (ty, _, _) = self.var_info(r);
                    let sig = match r {
                        VarRef::Local(v) => {
                            self.local_sigs.get(&(self.cur_func_id(), v.0)).cloned()
                        }
                        _ => None,
                    };
                    let f = self.mk(ty, TExprKind::Var(r), callee.span);
                    self.call_value(f, sig, args, span)
                }
                Some(Resolved::Func(id)) => {
                    // A local function that captures nothing: a direct call.
                    let Some(sig) = self.local_func_sigs.get(&id).cloned() else {
                        return self.error_expr(span);
                    };
                    let targs = self.match_args(&sig, args, span);
                    let targs = self.slice(targs);
                    self.mk(sig.result, TExprKind::Call(Callee::Func(id), targs), span)
                }
                Some(Resolved::SelfClosure(k)) => {
                    let id = self.stack.get(k).map(|(id, _)| *id);
                    let sig = id.and_then(|id| self.local_func_sigs.get(&id).cloned());
                    let f = self.self_closure(k, callee.span);
                    self.call_value(f, sig, args, span)
                }
                None => match self.user_type_named(name) {
                    Some(t) => self.construct_nominal(t, args, span),
                    None => {
                        // Inside a method: `helper()` is `self.helper()`, `make()` in a static
                        // method is `Self.make()`.
                        if let Some(st) = self.self_type_in_scope() {
                            if let Some(super::nominal::Member::Method(mi)) =
                                self.find_member(st, name)
                            {
                                let me = Expr {
                                    kind: ExprKind::SelfValue,
                                    span: callee.span,
                                };
                                let b = self.check_expr(&me, None);
                                return self.nominal_method(b, &mi, args, span);
                            }
                        }
                        if let Some(st) = self.cur_ref().static_self {
                            if let Some(mi) = self.find_static_method(st, name) {
                                return self.call_self_type_method(&mi, args, span);
                            }
                        }
                        self.call_builtin(name, args, expected, callee.span, span)
                    }
                },
            },
            ExprKind::SuperMember(name) => self.super_call(name, args, span),
            ExprKind::Member(
                Expr {
                    kind: ExprKind::SelfValue,
                    ..
                },
                Ident { name: "init", .. },
            ) if self.cur_ref().init_of.is_some() => self.delegating_init(args, span),
            ExprKind::ImplicitMember(m)
                if m.name == "some"
                    && args.len() == 1
                    && args.first().is_some_and(|a| a.label.is_none())
                    && expected.is_some_and(|t| self.env.types.optional_inner(t).is_some()) =>
            {
                // `Optional.some(x)`.
                let opt = expected.unwrap_or(TypeTable::ERROR);
                let inner = self
                    .env
                    .types
                    .optional_inner(opt)
                    .unwrap_or(TypeTable::ERROR);
                let Some(arg) = args.first() else {
                    return self.error_expr(span);
                };
                let v = self.check_expr_as(
                    arg.value,
                    inner,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                self.coerce(
                    v,
                    opt,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                )
            }
            ExprKind::ImplicitMember(m) => {
                let target = expected.map(|t| self.env.types.optional_inner(t).unwrap_or(t));
                match target.and_then(|t| self.enum_case_call(t, m, args, span)) {
                    Some(e) => e,
                    None => {
                        self.error(
                            format!(
                                "cannot infer contextual base in reference to member '{}'",
                                m.name
                            ),
                            span,
                        );
                        self.mk(TypeTable::ERROR, TExprKind::Void, span)
                    }
                }
            }
            ExprKind::TypeRef(t) => {
                let ty = self.resolve_type(t);
                self.construct(ty, args, span)
            }
            ExprKind::Array([_]) | ExprKind::Dictionary([_])
                if self.literal_type(callee, 0).is_some() =>
            {
                // `[Int]()`, `[[String]]()`, `[String: Int]()`: a type written as a literal.
                let ty = self.literal_type(callee, 0).unwrap_or(TypeTable::ERROR);
                self.construct(ty, args, span)
            }
            ExprKind::Member(..) if self.type_path(callee).is_some() => {
                // `Outer.Inner(...)`: a nested type's initializer.
                let t = self.type_path(callee).unwrap_or(TypeTable::ERROR);
                self.construct_nominal(t, args, span)
            }
            ExprKind::Member(base, m) => {
                let nested = match base.kind {
                    ExprKind::Member(..) => self.type_path(base),
                    _ => None,
                };
                if let Some(t) = nested {
                    if let Some(e) = self.enum_case_call(t, m, args, span) {
                        return e;
                    }
                }
                if let ExprKind::Name(tn) = base.kind {
                    if self.lookup(tn).is_none() {
                        if let Some(t) = self.user_type_named(tn) {
                            if let Some(e) = self.enum_case_call(t, m, args, span) {
                                return e;
                            }
                            if let Some(mi) = self.find_static_method(t, m.name) {
                                self.check_member_read(t, m.name, m.span);
                                return self.call_type_method(t, &mi, args, span);
                            }
                            if m.name == "init" {
                                return self.construct_nominal(t, args, span);
                            }
                            self.error(format!("type '{tn}' has no member '{}'", m.name), m.span);
                            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                        }
                    }
                    if self.is_type_name(tn) && self.lookup(tn).is_none() {
                        return self.static_call(tn, m, args, span);
                    }
                }
                let b = self.check_expr(base, None);
                if self.env.types.nominal(b.ty).is_some() {
                    self.check_member_read(b.ty, m.name, m.span);
                    match self.find_member(b.ty, m.name) {
                        Some(super::nominal::Member::Method(mi)) => {
                            return self.nominal_method(b, &mi, args, span)
                        }
                        Some(super::nominal::Member::Field(i, fty)) => {
                            let is_class = self
                                .env
                                .types
                                .nominal(b.ty)
                                .is_some_and(|n| n.kind == super::types::NominalKind::Class);
                            let bb = self.boxed(b);
                            let f = if is_class {
                                self.mk(fty, TExprKind::ObjField(bb, i), span)
                            } else {
                                self.struct_field_read(bb, i, fty, span)
                            };
                            return self.call_value(f, None, args, span);
                        }
                        _ => {
                            for a in args {
                                let _ = self.check_expr(a.value, None);
                            }
                            return self.no_member(b.ty, m);
                        }
                    }
                }
                // A trailing closure drops its label: give it the one the method expects.
                let relabeled: Vec<Arg<'_>>;
                let args = match (trailing_label(m.name), args.get(first_trailing)) {
                    (Some(label), Some(a)) if trailing > 0 && a.label.is_none() => {
                        relabeled = args
                            .iter()
                            .enumerate()
                            .map(|(i, a)| {
                                if i == first_trailing {
                                    Arg {
                                        label: Some(Ident {
                                            name: label,
                                            span: a.value.span,
                                        }),
                                        value: a.value,
                                    }
                                } else {
                                    *a
                                }
                            })
                            .collect();
                        &relabeled[..]
                    }
                    _ => args,
                };
                self.method(b, m, args, span)
            }
            _ => {
                let f = self.check_expr(callee, None);
                self.call_value(f, None, args, span)
            }
        }
    }

    /// The type an array or dictionary literal of type names spells (`[[Int]]`), if it does.
    fn literal_type(&mut self, e: &Expr<'_>, depth: u32) -> Option<TypeId> {
        if depth > 32 {
            return None;
        }
        match e.kind {
            ExprKind::Name(n) if self.is_type_name(n) && self.lookup(n).is_none() => {
                Some(self.type_from_name(n, e.span))
            }
            ExprKind::TypeRef(t) => Some(self.resolve_type(t)),
            ExprKind::Array([inner]) => {
                let t = self.literal_type(inner, depth + 1)?;
                Some(self.types().array(t))
            }
            ExprKind::Dictionary([(k, v)]) => {
                let kt = self.literal_type(k, depth + 1)?;
                let vt = self.literal_type(v, depth + 1)?;
                Some(self.types().intern(Type::Dictionary(kt, vt)))
            }
            _ => None,
        }
    }

    fn type_from_name(&mut self, name: &str, span: Span) -> TypeId {
        let ident = [Ident { name, span }];
        let t = TypeExpr {
            kind: TypeKind::Named {
                path: &ident,
                args: &[],
            },
            span,
        };
        self.resolve_type(&t)
    }

    /// Calls a module function, choosing among overloads by labels.
    fn call_global(
        &mut self,
        name: &str,
        ids: &[u32],
        args: &[Arg<'_>],
        expected: Option<TypeId>,
        name_span: Span,
        span: Span,
    ) -> TExpr<'s> {
        let candidates: Vec<(u32, FuncSig)> = ids
            .iter()
            .rev()
            .filter_map(|&i| {
                self.env
                    .func_sigs
                    .get(i as usize)
                    .cloned()
                    .flatten()
                    .map(|s| (i, s))
            })
            .collect();
        if candidates.is_empty() {
            self.error(format!("cannot find '{name}' in scope"), span);
        }
        let Some((index, sig)) = self.choose_overload(name, &candidates, args, expected, name_span)
        else {
            for a in args {
                let _ = self.check_expr(a.value, None);
            }
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let targs = self.match_args(&sig, args, span);
        let callee = match self.global_func_ref(index) {
            TExprKind::Func(f) => Callee::Func(f),
            _ => Callee::Global(index),
        };
        let targs = self.slice(targs);
        self.mk(sig.result, TExprKind::Call(callee, targs), span)
    }

    /// Matches call arguments to a signature: labels, defaults, variadics, `inout`.
    pub(super) fn match_call_args(
        &mut self,
        sig: &FuncSig,
        args: &[Arg<'_>],
        span: Span,
    ) -> Vec<TExpr<'s>> {
        self.match_args(sig, args, span)
    }

    fn match_args(&mut self, sig: &FuncSig, args: &[Arg<'_>], span: Span) -> Vec<TExpr<'s>> {
        let paren = self.call_paren;
        let mut out = Vec::with_capacity(sig.params.len());
        let mut ai = 0;
        for (pi, &pty) in sig.params.iter().enumerate() {
            let label = sig.labels[pi].as_deref();
            let arg = args.get(ai);
            let arg_label = arg.and_then(|a| a.label.map(|l| l.name));
            if sig.variadic == Some(pi) {
                let mut elems = Vec::new();
                let mut first = true;
                while let Some(a) = args.get(ai) {
                    let al = a.label.map(|l| l.name);
                    if first {
                        if al != label {
                            break;
                        }
                    } else if al.is_some() {
                        break;
                    }
                    first = false;
                    elems.push(self.check_expr_as(a.value, pty, ARG));
                    ai += 1;
                }
                let aty = self.types().array(pty);
                let elems = self.slice(elems);
                out.push(self.mk(aty, TExprKind::Array(elems), span));
                continue;
            }
            // A trailing closure matches its parameter whatever the parameter's label.
            let is_trailing = ai >= args.len().saturating_sub(self.trailing) && arg_label.is_none();
            let matches = arg.is_some() && (arg_label == label || is_trailing);
            if !matches {
                if let Some(Some(thunk)) = sig.defaults.get(pi) {
                    let callee = match self.global_func_ref(*thunk) {
                        TExprKind::Func(f) => Callee::Func(f),
                        _ => Callee::Global(*thunk),
                    };
                    out.push(self.mk(pty, TExprKind::Call(callee, &[]), span));
                    continue;
                }
                match (arg, label, arg_label) {
                    (None, Some(l), _) => self.error(
                        format!("missing argument for parameter '{l}' in call"),
                        span,
                    ),
                    (None, None, _) => self.error(
                        format!("missing argument for parameter #{} in call", pi + 1),
                        span,
                    ),
                    (Some(a), Some(l), None) => self.error(
                        format!("missing argument label '{l}:' in call"),
                        a.value.span,
                    ),
                    (Some(a), None, Some(have)) => self.error(
                        format!("extraneous argument label '{have}:' in call"),
                        a.label.map_or(a.value.span, |l| l.span),
                    ),
                    (Some(_), Some(_), Some(_)) => {
                        let have: Vec<Option<&str>> =
                            args.iter().map(|a| a.label.map(|l| l.name)).collect();
                        let expected: Vec<Option<&str>> =
                            sig.labels.iter().map(|l| l.as_deref()).collect();
                        self.label_mismatch(&have, &expected, paren);
                    }
                    (Some(_), None, None) => {}
                }
                if arg.is_none() {
                    out.push(self.mk(TypeTable::ERROR, TExprKind::Void, span));
                    continue;
                }
            }
            let Some(a) = arg else {
                continue;
            };
            ai += 1;
            if sig.inout.get(pi).copied().unwrap_or(false) {
                out.push(self.inout_arg(a.value, pty));
            } else {
                if let ExprKind::InOut(_) = a.value.kind {
                    self.error("'&' used with non-inout argument", a.value.span);
                }
                out.push(self.check_expr_as(a.value, pty, ARG));
            }
        }
        if ai < args.len() {
            let extra = &args[ai];
            self.error(
                if args.len() - ai == 1 {
                    "extra argument in call".to_string()
                } else {
                    "extra arguments in call".to_string()
                },
                extra.value.span,
            );
            for a in &args[ai..] {
                let _ = self.check_expr(a.value, None);
            }
        }
        out
    }

    /// `&x` passed to an `inout` parameter of type `ty`.
    fn inout_arg(&mut self, value: &Expr<'_>, ty: TypeId) -> TExpr<'s> {
        let ExprKind::InOut(inner) = value.kind else {
            let t = self.check_expr(value, Some(ty));
            let name = self.ty_name(t.ty);
            self.error(
                format!(
                    "passing value of type '{name}' to an inout parameter requires explicit '&'"
                ),
                value.span,
            );
            return t;
        };
        let Some(place) = self.inout_place(inner) else {
            return self.mk(TypeTable::ERROR, TExprKind::Void, value.span);
        };
        let pty = place_type(&place);
        if pty != ty && !self.types().is_error(pty) && !self.types().is_error(ty) {
            let (a, b) = (self.ty_name(pty), self.ty_name(ty));
            self.error(
                format!("cannot convert value of type '{a}' to expected argument type '{b}'"),
                inner.span,
            );
        }
        let p = self.alloc(place);
        self.mk(ty, TExprKind::InOut(p), value.span)
    }

    /// A place passed `inout`: must be mutable.
    fn inout_place(&mut self, e: &Expr<'_>) -> Option<Place<'s>> {
        if let ExprKind::Name(name) = e.kind {
            if let Some(Resolved::Var(r)) = self.lookup(name) {
                let (_, mutable, _) = self.var_info(r);
                if !mutable {
                    self.error_with_note(
                        format!("cannot pass immutable value as inout argument: '{name}' is a 'let' constant"),
                        e.span,
                        "change 'let' to 'var' to make it mutable",
                    );
                    return None;
                }
            }
        }
        let saved = std::mem::replace(&mut self.write_kind, super::access::WriteKind::InOut);
        let place = self.place(e, true);
        self.write_kind = saved;
        place
    }

    /// Calls a function value (a closure, or a local function with its labels).
    fn call_value(
        &mut self,
        f: TExpr<'s>,
        sig: Option<FuncSig>,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let (params, result) = match self.ty(f.ty) {
            Type::Function(p, r) => (p, r),
            Type::Error => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                return self.mk(TypeTable::ERROR, TExprKind::Void, span);
            }
            _ => {
                let name = self.ty_name(f.ty);
                self.error(
                    format!("cannot call value of non-function type '{name}'"),
                    span,
                );
                return self.mk(TypeTable::ERROR, TExprKind::Void, span);
            }
        };
        let targs = match sig {
            Some(sig) => self.match_args(&sig, args, span),
            None => {
                if args.len() != params.len() {
                    let (n, m) = (params.len(), args.len());
                    if m > n {
                        self.error(
                            "extra argument in call",
                            args.get(n).map_or(span, |a| a.value.span),
                        );
                    } else {
                        self.error(
                            format!("missing argument for parameter #{} in call", m + 1),
                            span,
                        );
                    }
                }
                let mut out = Vec::with_capacity(args.len());
                for (a, p) in args.iter().zip(&params) {
                    if let Some(l) = a.label {
                        self.error(
                            format!("extraneous argument label '{}:' in call", l.name),
                            l.span,
                        );
                    }
                    if p.inout {
                        out.push(self.inout_arg(a.value, p.ty));
                    } else {
                        out.push(self.check_expr_as(a.value, p.ty, ARG));
                    }
                }
                out
            }
        };
        let targs = self.slice(targs);
        let fb = self.boxed(f);
        self.mk(result, TExprKind::CallValue(fb, targs), span)
    }

    pub(super) fn builtin(
        &mut self,
        b: Builtin,
        ty: TypeId,
        args: Vec<TExpr<'s>>,
        span: Span,
    ) -> TExpr<'s> {
        let args = self.slice(args);
        self.mk(ty, TExprKind::Builtin(b, args), span)
    }

    /// `String(describing:)` of a value: its description by static type.
    pub(super) fn describe(&mut self, v: TExpr<'s>) -> TExpr<'s> {
        if v.ty == TypeTable::STRING {
            return v;
        }
        let span = v.span;
        self.builtin(Builtin::Describe, TypeTable::STRING, vec![v], span)
    }

    /// `incorrect argument label(s) in call (have 'a:_:', expected 'x:y:')`, at the `(`.
    pub(super) fn label_mismatch(
        &mut self,
        have: &[Option<&str>],
        expected: &[Option<&str>],
        paren: Span,
    ) {
        let list = |ls: &[Option<&str>]| {
            ls.iter()
                .map(|l| format!("{}:", l.unwrap_or("_")))
                .collect::<String>()
        };
        let wrong = have.iter().zip(expected).filter(|(h, e)| h != e).count();
        let noun = if wrong > 1 { "labels" } else { "label" };
        self.error(
            format!(
                "incorrect argument {noun} in call (have '{}', expected '{}')",
                list(have),
                list(expected)
            ),
            paren,
        );
    }

    pub(super) fn expect_args(
        &mut self,
        name: &str,
        args: &[Arg<'_>],
        labels: &[Option<&str>],
        span: Span,
    ) -> bool {
        let paren = self.call_paren;
        if args.len() != labels.len() {
            if args.len() > labels.len() {
                self.error("extra argument in call", args[labels.len()].value.span);
            } else {
                match labels.get(args.len()).copied().flatten() {
                    Some(l) => self.error(
                        format!("missing argument for parameter '{l}' in call"),
                        span,
                    ),
                    None => self.error(
                        format!("missing argument for parameter #{} in call", args.len() + 1),
                        span,
                    ),
                }
            }
            return false;
        }
        for (a, l) in args.iter().zip(labels) {
            let have = a.label.map(|x| x.name);
            if have != *l {
                match (have, l) {
                    (Some(h), None) => self.error(
                        format!("extraneous argument label '{h}:' in call"),
                        a.value.span,
                    ),
                    (None, Some(l)) => self.error(
                        format!("missing argument label '{l}:' in call"),
                        a.value.span,
                    ),
                    (Some(_), Some(_)) => {
                        let have: Vec<Option<&str>> =
                            args.iter().map(|a| a.label.map(|l| l.name)).collect();
                        self.label_mismatch(&have, labels, paren);
                    }
                    (None, None) => {}
                }
                let _ = name;
                return false;
            }
        }
        true
    }

    /// A global function of the standard library, or a type's initializer.
    fn call_builtin(
        &mut self,
        name: &str,
        args: &[Arg<'_>],
        expected: Option<TypeId>,
        name_span: Span,
        span: Span,
    ) -> TExpr<'s> {
        let foundation = super::expr::builtins_needing_foundation(name);
        if foundation && !self.env.foundation {
            self.error_with_note(
                format!("cannot find '{name}' in scope"),
                name_span,
                "add 'import Foundation' to use it",
            );
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        }
        match name {
            "print" => {
                let mut items = Vec::new();
                let mut sep = None;
                let mut term = None;
                for a in args {
                    match a.label.map(|l| l.name) {
                        None if sep.is_none() && term.is_none() => {
                            let v = self.check_expr(a.value, None);
                            items.push(self.describe(v));
                        }
                        Some("separator") if term.is_none() => {
                            sep = Some(self.check_expr_as(a.value, TypeTable::STRING, ARG))
                        }
                        Some("terminator") => {
                            term = Some(self.check_expr_as(a.value, TypeTable::STRING, ARG))
                        }
                        Some(l) => self.error(
                            format!("extraneous argument label '{l}:' in call"),
                            a.value.span,
                        ),
                        None => self.error(
                            "unnamed argument must precede 'separator:' and 'terminator:'",
                            a.value.span,
                        ),
                    }
                }
                let sep =
                    sep.unwrap_or_else(|| self.mk(TypeTable::STRING, TExprKind::Str(" "), span));
                let term =
                    term.unwrap_or_else(|| self.mk(TypeTable::STRING, TExprKind::Str("\n"), span));
                let mut all = vec![sep, term];
                all.extend(items);
                self.builtin(Builtin::Print, TypeTable::VOID, all, span)
            }
            "readLine" => {
                if self.expect_args(name, args, &[], span) {
                    let t = self.types().optional(TypeTable::STRING);
                    return self.builtin(Builtin::ReadLine, t, vec![], span);
                }
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
            "min" | "max" => {
                if args.len() < 2 {
                    self.error(format!("missing argument for parameter #2 in call"), span);
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let (a, b) = self.operands(args[0].value, args[1].value, expected);
                let ty = a.ty;
                let mut vals = vec![a, self.coerce(b, ty, ARG)];
                for extra in &args[2..] {
                    vals.push(self.check_expr_as(extra.value, ty, ARG));
                }
                let op = match (self.ty(ty), name) {
                    (Type::Int, "min") => Builtin::MinInt,
                    (Type::Int, _) => Builtin::MaxInt,
                    (Type::Double, "min") => Builtin::MinDouble,
                    (Type::Double, _) => Builtin::MaxDouble,
                    (Type::String | Type::Character, "min") => Builtin::MinStr,
                    (Type::String | Type::Character, _) => Builtin::MaxStr,
                    (Type::Error, _) => return self.mk(TypeTable::ERROR, TExprKind::Void, span),
                    _ => {
                        let n = self.ty_name(ty);
                        self.error(format!("global function '{name}' requires that '{n}' conform to 'Comparable'"), span);
                        return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                    }
                };
                self.builtin(op, ty, vals, span)
            }
            "abs" => {
                if !self.expect_args(name, args, &[None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let v = self.check_expr(args[0].value, expected);
                match self.ty(v.ty) {
                    Type::Int => self.builtin(Builtin::AbsInt, TypeTable::INT, vec![v], span),
                    Type::Double => {
                        self.builtin(Builtin::AbsDouble, TypeTable::DOUBLE, vec![v], span)
                    }
                    _ => {
                        let n = self.ty_name(v.ty);
                        self.error(
                            format!(
                                "global function 'abs' requires that '{n}' conform to 'Comparable'"
                            ),
                            span,
                        );
                        self.mk(TypeTable::ERROR, TExprKind::Void, span)
                    }
                }
            }
            "swap" => {
                if !self.expect_args(name, args, &[None, None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let ExprKind::InOut(first) = args[0].value.kind else {
                    let _ = self.inout_arg(args[0].value, TypeTable::ERROR);
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                };
                let ty = self.check_expr(first, None).ty;
                let a = self.inout_arg(args[0].value, ty);
                let b = self.inout_arg(args[1].value, ty);
                self.builtin(Builtin::Swap, TypeTable::VOID, vec![a, b], span)
            }
            "stride" => {
                let through = args
                    .get(1)
                    .and_then(|a| a.label)
                    .is_some_and(|l| l.name == "through");
                let labels = [
                    Some("from"),
                    Some(if through { "through" } else { "to" }),
                    Some("by"),
                ];
                if !self.expect_args(name, args, &labels, span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let (from, to) = self.operands(args[0].value, args[1].value, None);
                let ty = from.ty;
                let to = self.coerce(to, ty, ARG);
                let by = self.check_expr_as(args[2].value, ty, ARG);
                let (b, kind) = match (self.ty(ty), through) {
                    (Type::Int, false) => (Builtin::StrideTo, SeqKind::StrideTo),
                    (Type::Int, true) => (Builtin::StrideThrough, SeqKind::StrideThrough),
                    (Type::Double, false) => (Builtin::StrideToDouble, SeqKind::StrideTo),
                    (Type::Double, true) => (Builtin::StrideThroughDouble, SeqKind::StrideThrough),
                    _ => {
                        let n = self.ty_name(ty);
                        self.error(format!("global function 'stride(from:to:by:)' requires that '{n}' conform to 'Strideable'"), span);
                        return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                    }
                };
                let sty = self.types().intern(Type::Seq(kind, ty, ty));
                self.builtin(b, sty, vec![from, to, by], span)
            }
            "zip" => {
                if !self.expect_args(name, args, &[None, None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let a = self.check_expr(args[0].value, None);
                let b = self.check_expr(args[1].value, None);
                let (ea, eb) = (self.types().element_of(a.ty), self.types().element_of(b.ty));
                let (Some(ea), Some(eb)) = (ea, eb) else {
                    self.error("'zip' needs two sequences", span);
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                };
                let elem = self.types().tuple(vec![(None, ea), (None, eb)]);
                let base = self.types().tuple(vec![(None, a.ty), (None, b.ty)]);
                let ty = self.types().intern(Type::Seq(SeqKind::Zip, elem, base));
                self.builtin(Builtin::Zip, ty, vec![a, b], span)
            }
            "repeatElement" => {
                if !self.expect_args(name, args, &[None, Some("count")], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let v = self.check_expr(args[0].value, None);
                let n = self.check_expr_as(args[1].value, TypeTable::INT, ARG);
                let ty = self
                    .types()
                    .intern(Type::Seq(SeqKind::Repeated, v.ty, v.ty));
                self.builtin(Builtin::RepeatElement, ty, vec![v, n], span)
            }
            "precondition" | "assert" => {
                if args.is_empty() || args.len() > 2 {
                    let _ = self.expect_args(name, args, &[None, None], span);
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let c = self.check_expr_as(args[0].value, TypeTable::BOOL, ARG);
                let m = match args.get(1) {
                    Some(a) => self.check_expr_as(a.value, TypeTable::STRING, ARG),
                    None => self.mk(TypeTable::STRING, TExprKind::Str(""), span),
                };
                let b = if name == "assert" {
                    Builtin::Assert
                } else {
                    Builtin::Precondition
                };
                self.builtin(b, TypeTable::VOID, vec![c, m], span)
            }
            "fatalError" => {
                let m = match args {
                    [] => self.mk(TypeTable::STRING, TExprKind::Str(""), span),
                    [a] => self.check_expr_as(a.value, TypeTable::STRING, ARG),
                    _ => {
                        self.error("extra argument in call", args[1].value.span);
                        return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                    }
                };
                self.builtin(Builtin::FatalError, TypeTable::VOID, vec![m], span)
            }
            "sqrt" | "sin" | "cos" | "tan" | "floor" | "ceil" | "round" | "exp" | "log"
            | "log2" | "log10" => {
                if !self.expect_args(name, args, &[None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let v = self.check_expr_as(args[0].value, TypeTable::DOUBLE, ARG);
                let b = match name {
                    "sqrt" => Builtin::Sqrt,
                    "sin" => Builtin::Sin,
                    "cos" => Builtin::Cos,
                    "tan" => Builtin::Tan,
                    "floor" => Builtin::Floor,
                    "ceil" => Builtin::Ceil,
                    "round" => Builtin::Round,
                    "exp" => Builtin::Exp,
                    "log" => Builtin::Log,
                    "log2" => Builtin::Log2,
                    _ => Builtin::Log10,
                };
                self.builtin(b, TypeTable::DOUBLE, vec![v], span)
            }
            "pow" | "atan2" => {
                if !self.expect_args(name, args, &[None, None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let a = self.check_expr_as(args[0].value, TypeTable::DOUBLE, ARG);
                let b = self.check_expr_as(args[1].value, TypeTable::DOUBLE, ARG);
                let op = if name == "pow" {
                    Builtin::Pow
                } else {
                    Builtin::Atan2
                };
                self.builtin(op, TypeTable::DOUBLE, vec![a, b], span)
            }
            "withMemoryTag" => {
                if args.len() != 2 {
                    let _ = self.expect_args(name, args, &[None, None], span);
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let tag = self.check_expr_as(args[0].value, TypeTable::STRING, ARG);
                let body = self.closure_arg(
                    args[1].value,
                    ClosureHint {
                        params: vec![],
                        result: expected,
                    },
                );
                let ty = self.closure_result(body.ty);
                self.builtin(Builtin::WithMemoryTag, ty, vec![tag, body], span)
            }
            "memoryStats" => {
                if self.expect_args(name, args, &[], span) {
                    return self.builtin(Builtin::MemoryStats, TypeTable::STRING, vec![], span);
                }
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
            "Array" | "Set" => self.construct_inferred(name, args, span),
            "Optional" => {
                if !self.expect_args(name, args, &[None], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let v = self.check_expr(
                    args[0].value,
                    expected.and_then(|t| self.env.types.optional_inner(t)),
                );
                let ty = self.types().optional(v.ty);
                self.coerce(v, ty, ARG)
            }
            _ if self.is_type_name(name) => {
                let ty = self.type_from_name(name, name_span);
                self.construct(ty, args, span)
            }
            _ => {
                self.error(format!("cannot find '{name}' in scope"), name_span);
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
        }
    }

    /// The result type of a function type.
    pub(super) fn closure_result(&self, t: TypeId) -> TypeId {
        match self.env.types.get(t) {
            Type::Function(_, r) => *r,
            _ => TypeTable::ERROR,
        }
    }

    /// A closure argument checked with a hint (its result may be left to inference).
    pub(super) fn closure_arg(&mut self, e: &Expr<'_>, hint: ClosureHint) -> TExpr<'s> {
        match e.kind {
            ExprKind::Closure(c) => self.closure(c, Some(hint), e.span),
            ExprKind::OperatorRef(_) => {
                // The operator's result type follows from its operands.
                let result = hint.result.unwrap_or(TypeTable::ERROR);
                let t = self
                    .types()
                    .intern(Type::Function(hint.params.clone(), result));
                self.check_expr(e, Some(t))
            }
            _ => {
                let t = self.check_expr(e, None);
                if let Type::Function(params, _) = self.ty(t.ty) {
                    if params.len() != hint.params.len() && !self.types().is_error(t.ty) {
                        self.error(
                            format!("expected a function of {} argument(s)", hint.params.len()),
                            e.span,
                        );
                    }
                } else if !self.types().is_error(t.ty) {
                    let n = self.ty_name(t.ty);
                    self.error(format!("cannot convert value of type '{n}' to expected argument type of a function"), e.span);
                }
                t
            }
        }
    }

    /// `T(args)`: initializers of the standard library's types.
    fn construct(&mut self, ty: TypeId, args: &[Arg<'_>], span: Span) -> TExpr<'s> {
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        match (self.ty(ty), labels.as_slice()) {
            (Type::Array(_) | Type::Set(_) | Type::Dictionary(..), []) => {
                let kind = if matches!(self.ty(ty), Type::Dictionary(..)) {
                    TExprKind::Dictionary(&[])
                } else {
                    TExprKind::Array(&[])
                };
                self.mk(ty, kind, span)
            }
            (Type::Array(elem), [Some("repeating"), Some("count")]) => {
                let v = self.check_expr_as(args[0].value, elem, ARG);
                let n = self.check_expr_as(args[1].value, TypeTable::INT, ARG);
                self.builtin(Builtin::ArrayRepeating, ty, vec![v, n], span)
            }
            (Type::Array(elem), [None]) | (Type::Set(elem), [None]) => {
                let is_set = matches!(self.ty(ty), Type::Set(_));
                let v = self.check_expr(args[0].value, Some(ty));
                if v.ty == ty {
                    return v;
                }
                match self.types().element_of(v.ty) {
                    Some(e) if e == elem || self.types().is_error(e) => {}
                    _ => {
                        if !self.types().is_error(v.ty) {
                            let n = self.ty_name(v.ty);
                            let t = self.ty_name(ty);
                            self.error(format!("no exact matches in call to initializer of '{t}' with an argument of type '{n}'"), span);
                        }
                    }
                }
                let b = if is_set {
                    Builtin::SetFromSeq
                } else {
                    Builtin::ArrayFromSeq
                };
                self.builtin(b, ty, vec![v], span)
            }
            (Type::Int, [None]) => {
                let v = self.check_expr(args[0].value, None);
                match self.ty(v.ty) {
                    Type::Int => v,
                    Type::Double => {
                        self.builtin(Builtin::DoubleToInt, TypeTable::INT, vec![v], span)
                    }
                    Type::String => {
                        let t = self.types().optional(TypeTable::INT);
                        self.builtin(Builtin::StringToInt, t, vec![v], span)
                    }
                    Type::Character => {
                        let n = self.ty_name(v.ty);
                        self.error(format!("no exact matches in call to initializer of 'Int' with an argument of type '{n}'"), span);
                        self.mk(TypeTable::ERROR, TExprKind::Void, span)
                    }
                    _ => self.no_init(ty, v, span),
                }
            }
            (Type::Double, [None]) => {
                let v = self.check_expr(args[0].value, Some(TypeTable::DOUBLE));
                match self.ty(v.ty) {
                    Type::Double => v,
                    Type::Int => {
                        self.builtin(Builtin::IntToDouble, TypeTable::DOUBLE, vec![v], span)
                    }
                    Type::String => {
                        let t = self.types().optional(TypeTable::DOUBLE);
                        self.builtin(Builtin::StringToDouble, t, vec![v], span)
                    }
                    _ => self.no_init(ty, v, span),
                }
            }
            (Type::String, [None]) | (Type::String, [Some("describing")]) => {
                let v = self.check_expr(args[0].value, None);
                match self.ty(v.ty) {
                    Type::String => v,
                    Type::Character => {
                        self.builtin(Builtin::CharToString, TypeTable::STRING, vec![v], span)
                    }
                    Type::Seq(SeqKind::Reversed, c, _) | Type::Array(c)
                        if c == TypeTable::CHARACTER && labels[0].is_none() =>
                    {
                        self.builtin(Builtin::StringFromChars, TypeTable::STRING, vec![v], span)
                    }
                    _ => self.describe(v),
                }
            }
            (Type::String, [Some("repeating"), Some("count")]) => {
                let v = self.check_expr(args[0].value, Some(TypeTable::STRING));
                if v.ty != TypeTable::STRING && v.ty != TypeTable::CHARACTER {
                    let v = self.coerce(v, TypeTable::STRING, ARG);
                    let _ = v;
                }
                let n = self.check_expr_as(args[1].value, TypeTable::INT, ARG);
                self.builtin(
                    Builtin::StringRepeating,
                    TypeTable::STRING,
                    vec![v, n],
                    span,
                )
            }
            (Type::Character, [None]) => {
                let v = self.check_expr_as(args[0].value, TypeTable::CHARACTER, ARG);
                v
            }
            (Type::Bool, [None]) => {
                let v = self.check_expr_as(args[0].value, TypeTable::BOOL, ARG);
                v
            }
            (Type::Error, _) => self.mk(TypeTable::ERROR, TExprKind::Void, span),
            _ => {
                let t = self.ty_name(ty);
                let l: String = labels
                    .iter()
                    .map(|l| format!("{}:", l.unwrap_or("_")))
                    .collect();
                self.error(
                    format!("no exact matches in call to initializer of '{t}' (labels '{l}')"),
                    span,
                );
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
        }
    }

    /// `Array(seq)`, `Array(repeating:count:)`, `Set(seq)` without written element types:
    /// the element type comes from the arguments.
    fn construct_inferred(&mut self, name: &str, args: &[Arg<'_>], span: Span) -> TExpr<'s> {
        let elem = match args {
            [Arg {
                label: Some(l),
                value,
            }, _]
                if l.name == "repeating" =>
            {
                Some(self.check_expr(value, None).ty)
            }
            [Arg { label: None, value }] => {
                let t = self.check_expr(value, None).ty;
                self.types().element_of(t)
            }
            _ => None,
        };
        let Some(elem) = elem else {
            self.error(
                format!("generic parameter 'Element' could not be inferred in call to '{name}'"),
                span,
            );
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let ty = if name == "Set" {
            self.types().intern(Type::Set(elem))
        } else {
            self.types().array(elem)
        };
        self.construct(ty, args, span)
    }

    fn no_init(&mut self, ty: TypeId, v: TExpr<'s>, span: Span) -> TExpr<'s> {
        if !self.types().is_error(v.ty) {
            let (t, n) = (self.ty_name(ty), self.ty_name(v.ty));
            self.error(format!("no exact matches in call to initializer of '{t}' with an argument of type '{n}'"), span);
        }
        self.mk(TypeTable::ERROR, TExprKind::Void, span)
    }

    /// `Int.random(in:)`, `Double.random(in:)`, `Bool.random()`.
    fn static_call(&mut self, tn: &str, m: Ident<'_>, args: &[Arg<'_>], span: Span) -> TExpr<'s> {
        match (tn, m.name) {
            ("Int" | "Double", "random") => {
                if !self.expect_args("random", args, &[Some("in")], span) {
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                let elem = if tn == "Int" {
                    TypeTable::INT
                } else {
                    TypeTable::DOUBLE
                };
                let want = self.types().intern(Type::Range(elem));
                let r = self.check_expr(args[0].value, Some(want));
                let fits = match self.ty(r.ty) {
                    Type::Range(e) | Type::ClosedRange(e) => e == elem,
                    Type::Error => true,
                    _ => false,
                };
                if !fits {
                    let (have, want) = (self.ty_name(r.ty), self.ty_name(want));
                    self.error(
                        format!("cannot convert value of type '{have}' to expected argument type '{want}'"),
                        r.span,
                    );
                }
                let (b, ty) = if tn == "Int" {
                    (Builtin::IntRandom, TypeTable::INT)
                } else {
                    (Builtin::DoubleRandom, TypeTable::DOUBLE)
                };
                self.builtin(b, ty, vec![r], span)
            }
            ("Bool", "random") => self.builtin(Builtin::BoolRandom, TypeTable::BOOL, vec![], span),
            _ => {
                self.error(format!("type '{tn}' has no member '{}'", m.name), m.span);
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
        }
    }
}

/// The label a method's closure parameter has, which a trailing closure takes.
fn trailing_label(method: &str) -> Option<&'static str> {
    match method {
        "sorted" | "sort" | "min" | "max" => Some("by"),
        "contains" | "first" | "firstIndex" | "lastIndex" | "last" | "removeAll" => Some("where"),
        _ => None,
    }
}
