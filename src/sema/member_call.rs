//! Using user types: construction (memberwise, custom and class initializers, with
//! delegation and chaining), member lookup, method and `super` calls, enum cases with
//! associated values, and static members.

use super::decls::describe_params;
use super::ir::*;
use super::nominal::Member;
use super::types::{MethodInfo, NominalKind, Type, TypeId, TypeTable};
use super::Checker;
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// An initializer of class `ty` or of its nearest superclass that has some, by labels.
    /// The initializer a class call picks: one with these labels, the class's own first,
    /// then an inherited one (Swift inherits initializers a subclass does not redefine);
    /// failing that, the nearest class's first initializer (so the error names its labels).
    pub(super) fn class_init(&self, ty: TypeId, labels: &[Option<&str>]) -> Option<MethodInfo> {
        let mut fallback = None;
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if let Some(m) = pick_init(&n.inits, labels) {
                return Some(m.clone());
            }
            if fallback.is_none() {
                fallback = n.inits.first().cloned();
            }
            cur = n.superclass;
        }
        fallback
    }

    /// `self.init(...)` inside an initializer (a convenience initializer delegating).
    pub(super) fn delegating_init(&mut self, args: &[Arg<'_>], span: Span) -> TExpr<'s> {
        let Some((self_var, _)) = self.cur_ref().init_of else {
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let ty = self.cur_ref().self_type.unwrap_or(TypeTable::ERROR);
        let me = self.mk(ty, TExprKind::Var(VarRef::Local(self_var)), span);
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        if self.is_class_type(ty) {
            let Some(mi) = self.class_init(ty, &labels) else {
                return me;
            };
            let mut targs = vec![me];
            targs.extend(self.method_args(&mi, args, span));
            return self.chain_init(&mi, ty, targs, "delegate", true, span);
        }
        // A struct: `self = T(...)`.
        let value = self.construct_nominal(ty, args, span);
        let place = self.alloc(Place::Var(VarRef::Local(self_var), ty));
        let vb = self.boxed(value);
        self.mk(TypeTable::VOID, TExprKind::Assign(place, vb), span)
    }

    /// Calls another initializer from an initializer (`super.init` / `self.init`). When that
    /// one is failable and fails, this one fails too (Swift propagates the nil).
    /// `virtual`: `self.init` picks the initializer of the instance's class (an override).
    pub(super) fn chain_init(
        &mut self,
        mi: &MethodInfo,
        ty: TypeId,
        targs: Vec<TExpr<'s>>,
        verb: &str,
        virtual_call: bool,
        span: Span,
    ) -> TExpr<'s> {
        let result = if mi.failable {
            self.types().optional(ty)
        } else {
            ty
        };
        let call = if virtual_call {
            let key = self.types().method_key("init", &mi.labels);
            let targs = self.slice(targs);
            self.mk(result, TExprKind::CallMethod(key, targs), span)
        } else {
            self.call_func_index(mi.func, result, targs, span)
        };
        if !mi.failable {
            return call;
        }
        let failable_here = self.cur_ref().init_of.is_some_and(|(_, f)| f);
        if !failable_here {
            let labels: String = mi
                .labels
                .iter()
                .map(|l| format!("{}:", l.as_deref().unwrap_or("_")))
                .collect();
            self.error(format!("a non-failable initializer cannot {verb} to failable initializer 'init({labels})' written with 'init?'"), span);
            return call;
        }
        let own = self.cur_ref().self_type.unwrap_or(ty);
        let own_opt = self.types().optional(own);
        let tmp = self.temp(ty);
        let nil = self.mk(own_opt, TExprKind::Nil, span);
        let fail = self.slice(vec![TStmt {
            kind: TStmtKind::Return(Some(nil)),
            span,
        }]);
        let conds = self.slice(vec![TCond::Bind(tmp, call)]);
        let guard = TStmt {
            kind: TStmtKind::Guard(conds, fail),
            span,
        };
        let stmts = self.slice(vec![guard]);
        let done = self.mk(TypeTable::VOID, TExprKind::Void, span);
        let db = self.boxed(done);
        self.mk(TypeTable::VOID, TExprKind::Seq(stmts, db), span)
    }

    /// `super.init(...)` / `super.method(...)` inside a class member.
    pub(super) fn super_call(
        &mut self,
        name: Ident<'_>,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        // `super.m()` inside a class's type member.
        if self.self_type_in_scope().is_none() {
            if let Some(st) = self
                .cur_ref()
                .static_self
                .filter(|t| self.is_class_type(*t))
            {
                let sup = self.env.types.nominal(st).and_then(|n| n.superclass);
                match sup.and_then(|s| self.find_static_method(s, name.name)) {
                    Some(mi) => return self.call_super_type_method(&mi, args, span),
                    None => {
                        let what = if sup.is_some() {
                            format!("value of type 'super' has no member '{}'", name.name)
                        } else {
                            "'super' members cannot be referenced in a root class".to_string()
                        };
                        self.error(what, span);
                        return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                    }
                }
            }
        }
        let sup = self
            .self_type_in_scope()
            .and_then(|t| self.env.types.nominal(t))
            .and_then(|n| n.superclass);
        let Some(sup) = sup else {
            self.error("'super' members cannot be referenced in a root class", span);
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let me = Expr {
            kind: ExprKind::SelfValue,
            span,
        };
        let me = self.check_expr(&me, None);
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        if name.name == "init" {
            let Some(mi) = self.class_init(sup, &labels) else {
                // A superclass without initializers: nothing to run.
                return me;
            };
            let mut targs = vec![me];
            targs.extend(self.method_args(&mi, args, span));
            return self.chain_init(&mi, sup, targs, "chain", false, span);
        }
        match self.find_member(sup, name.name) {
            Some(Member::Method(mi)) => {
                let mut targs = vec![me];
                targs.extend(self.method_args(&mi, args, span));
                self.call_func_index(mi.func, mi.result, targs, span)
            }
            _ => {
                let n = self.ty_name(sup);
                self.error(
                    format!("value of type '{n}' has no member '{}'", name.name),
                    name.span,
                );
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
        }
    }

    /// A direct call of module function `index`.
    pub(super) fn call_func_index(
        &mut self,
        index: u32,
        result: TypeId,
        args: Vec<TExpr<'s>>,
        span: Span,
    ) -> TExpr<'s> {
        let callee = match index.checked_sub(self.first_func) {
            Some(local) => Callee::Func(FuncId(local)),
            None => Callee::Global(index),
        };
        let args = self.slice(args);
        self.mk(result, TExprKind::Call(callee, args), span)
    }

    /// `self` of the innermost method (or the closure inside one), if any.
    pub(super) fn self_type_in_scope(&self) -> Option<TypeId> {
        self.stack.iter().rev().find_map(|(_, f)| f.self_type)
    }

    /// The member `name` of user type `ty`.
    pub(super) fn find_member(&self, ty: TypeId, name: &str) -> Option<Member> {
        let n = self.env.types.nominal(ty)?;
        if let Some(i) = n.fields.iter().position(|f| f.name == name) {
            let f = &n.fields[i];
            return Some(Member::Field(u32::try_from(i).unwrap_or(0), f.ty));
        }
        // Methods and computed properties, inherited along the superclass chain.
        let mut cur = Some(ty);
        let mut steps = 0;
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if let Some(cp) = n
                .computed
                .iter()
                .find(|cp| cp.name == name && !cp.is_static)
            {
                return Some(Member::Computed(cp.clone()));
            }
            if let Some(m) = n.methods.iter().find(|m| m.name == name && !m.is_static) {
                return Some(Member::Method(m.clone()));
            }
            cur = n.superclass;
            steps += 1;
            if steps > 1000 {
                break;
            }
        }
        None
    }

    /// Constructs a user type: `Point(x: 1, y: 2)`, `Color(rawValue: 1)`.
    pub(super) fn construct_nominal(
        &mut self,
        ty: TypeId,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let Some(info) = self.env.types.nominal(ty).cloned() else {
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        // Where swiftc reports an inaccessible initializer: the type's name.
        let at = Span::new(
            span.start as usize,
            (span.start as usize + info.name.len()).min(span.end as usize),
        );
        if info.kind == NominalKind::Enum {
            if let (Some(raw), [Some("rawValue")]) = (info.raw_type, labels.as_slice()) {
                let v = self.check_expr_as(
                    args[0].value,
                    raw,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let index = self.env.types.nominal_index(ty).unwrap_or(0);
                let t = self.mk(TypeTable::INT, TExprKind::Int(i64::from(index)), span);
                let opt = self.types().optional(ty);
                let args = self.slice(vec![v, t]);
                return self.mk(opt, TExprKind::Builtin(Builtin::EnumFromRaw, args), span);
            }
            self.error(
                format!(
                    "'{}' cannot be constructed because it has no accessible initializers",
                    info.name
                ),
                span,
            );
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        }
        if info.kind == NominalKind::Class {
            let index = self.env.types.nominal_index(ty).unwrap_or(0);
            let object = self.mk(ty, TExprKind::NewObject(index), span);
            let Some(mi) = self.class_init(ty, &labels) else {
                if !args.is_empty() {
                    self.error(
                        "argument passed to call that takes no arguments",
                        args[0].value.span,
                    );
                }
                return object;
            };
            self.check_init_access(ty, Some(&mi.labels), at);
            let mut targs = vec![object];
            targs.extend(self.method_args(&mi, args, span));
            let result = if mi.failable {
                self.types().optional(ty)
            } else {
                ty
            };
            return self.call_func_index(mi.func, result, targs, span);
        }
        if !info.inits.is_empty() {
            let chosen = pick_init(&info.inits, &labels);
            let Some(mi) = chosen.or(info.inits.first()).cloned() else {
                return self.mk(TypeTable::ERROR, TExprKind::Void, span);
            };
            self.check_init_access(ty, Some(&mi.labels), at);
            let targs = self.method_args(&mi, args, span);
            return self.call_func_index(mi.func, mi.result, targs, span);
        }
        // The memberwise initializer: stored properties in order; `var`s with defaults may
        // be left out, `let`s with defaults are not parameters.
        self.check_init_access(ty, None, at);
        let mut parts = Vec::with_capacity(info.fields.len());
        let mut ai = 0;
        for f in &info.fields {
            if !f.mutable && f.default.is_some() {
                let thunk = f.default.unwrap_or(0);
                parts.push(self.call_func_index(thunk, f.ty, vec![], span));
                continue;
            }
            match args.get(ai) {
                Some(a) if a.label.map(|l| l.name) == Some(f.name.as_str()) => {
                    let v = self.check_expr_as(
                        a.value,
                        f.ty,
                        "cannot convert value of type '{}' to expected argument type '{}'",
                    );
                    let index = u32::try_from(parts.len()).unwrap_or(u32::MAX);
                    parts.push(self.struct_field_value(ty, index, v));
                    ai += 1;
                }
                _ => match f.default {
                    Some(thunk) => parts.push(self.call_func_index(thunk, f.ty, vec![], span)),
                    // A `var` of optional type defaults to nil in the memberwise initializer.
                    None if f.mutable && matches!(self.env.types.get(f.ty), Type::Optional(_)) => {
                        parts.push(self.mk(f.ty, TExprKind::Nil, span));
                    }
                    None => {
                        match args.get(ai) {
                            Some(a) => match a.label {
                                Some(l) => {
                                    let paren = self.call_paren;
                                    self.error(format!("incorrect argument label in call (have '{}:', expected '{}:')", l.name, f.name), paren)
                                }
                                None => self.error(
                                    format!("missing argument label '{}:' in call", f.name),
                                    a.value.span,
                                ),
                            },
                            None => self.error(
                                format!("missing argument for parameter '{}' in call", f.name),
                                span,
                            ),
                        }
                        parts.push(self.mk(TypeTable::ERROR, TExprKind::Void, span));
                        if args.get(ai).is_some() {
                            ai += 1;
                        }
                    }
                },
            }
        }
        if ai < args.len() {
            self.error("extra argument in call", args[ai].value.span);
        }
        let parts = self.slice(parts);
        self.mk(ty, TExprKind::Tuple(parts), span)
    }

    /// Checks the default argument values of a method or initializer (each its own thunk).
    pub(super) fn check_method_defaults(&mut self, f: &FuncDecl<'_>, mi: &MethodInfo) {
        let sig = method_sig(mi);
        self.check_default_thunks(f, &sig);
    }

    /// Arguments of a method or initializer call, matched by label.
    pub(super) fn method_args(
        &mut self,
        mi: &MethodInfo,
        args: &[Arg<'_>],
        span: Span,
    ) -> Vec<TExpr<'s>> {
        let sig = method_sig(mi);
        self.match_call_args(&sig, args, span)
    }

    /// `Type.name`: static properties, enum cases, `allCases`.
    pub(super) fn static_member_of(
        &mut self,
        ty: TypeId,
        name: Ident<'_>,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let Some(info) = self.env.types.nominal(ty) else {
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let (type_name, case_iterable) = (info.name.clone(), info.case_iterable);
        if let Some((tag, has_payload)) = info
            .case_named(name.name)
            .map(|(tag, c)| (tag, c.payload.is_some()))
        {
            if has_payload {
                // A case with associated values used without them is a function; not supported.
                self.error(
                    format!("enum case '{}' needs its associated values", name.name),
                    span,
                );
                return self.mk(TypeTable::ERROR, TExprKind::Void, span);
            }
            return self.mk(ty, TExprKind::EnumCase(tag, &[]), span);
        }
        if let Some((global, t)) = self.find_static_stored(ty, name.name) {
            self.check_member_read(ty, name.name, name.span);
            return self.mk(t, TExprKind::Var(VarRef::Global(global)), span);
        }
        if let Some(c) = self.find_static_computed(ty, name.name) {
            self.check_member_read(ty, name.name, name.span);
            return self.get_type_property(ty, &c, span);
        }
        if name.name == "allCases" && case_iterable {
            let index = self.env.types.nominal_index(ty).unwrap_or(0);
            let t = self.mk(TypeTable::INT, TExprKind::Int(i64::from(index)), span);
            let arr = self.types().array(ty);
            let args = self.slice(vec![t]);
            return self.mk(arr, TExprKind::Builtin(Builtin::EnumAllCases, args), span);
        }
        let _ = expected;
        self.error(
            format!("type '{type_name}' has no member '{}'", name.name),
            name.span,
        );
        self.mk(TypeTable::ERROR, TExprKind::Void, span)
    }

    /// `Type.case(payload)` / `.case(payload)`: an enum value with associated values.
    pub(super) fn enum_case_call(
        &mut self,
        ty: TypeId,
        name: Ident<'_>,
        args: &[Arg<'_>],
        span: Span,
    ) -> Option<TExpr<'s>> {
        let (tag, case) = self.env.types.nominal(ty)?.case_named(name.name)?;
        let case = case.clone();
        let Some(payload) = &case.payload else {
            self.error(
                format!("enum case '{}' has no associated values", name.name),
                span,
            );
            return Some(self.mk(TypeTable::ERROR, TExprKind::Void, span));
        };
        if payload.len() != args.len() {
            self.error(
                format!(
                    "enum case '{}' expects {} associated value(s)",
                    name.name,
                    payload.len()
                ),
                span,
            );
        }
        let mut vals = Vec::with_capacity(args.len());
        for (a, (label, t)) in args.iter().zip(payload) {
            if a.label.map(|l| l.name) != label.as_deref() {
                match (a.label, label) {
                    (None, Some(l)) => self.error(
                        format!("missing argument label '{l}:' in call"),
                        a.value.span,
                    ),
                    (Some(l), None) => self.error(
                        format!("extraneous argument label '{}:' in call", l.name),
                        a.value.span,
                    ),
                    (Some(_), Some(_)) => {
                        let have: Vec<Option<&str>> =
                            args.iter().map(|a| a.label.map(|l| l.name)).collect();
                        let expected: Vec<Option<&str>> =
                            payload.iter().map(|(l, _)| l.as_deref()).collect();
                        let paren = self.call_paren;
                        self.label_mismatch(&have, &expected, paren);
                    }
                    (None, None) => {}
                }
            }
            vals.push(self.check_expr_as(
                a.value,
                *t,
                "cannot convert value of type '{}' to expected argument type '{}'",
            ));
        }
        let vals = self.slice(vals);
        Some(self.mk(ty, TExprKind::EnumCase(tag, vals), span))
    }

    /// A method call on a user type's value.
    pub(super) fn nominal_method(
        &mut self,
        base: TExpr<'s>,
        mi: &MethodInfo,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        if self
            .env
            .types
            .nominal(base.ty)
            .is_some_and(|n| n.kind == NominalKind::Class)
        {
            // Class methods dispatch on the instance's class (overrides).
            let key = self.types().method_key(&mi.name, &mi.labels);
            let mut targs = vec![base];
            targs.extend(self.method_args(mi, args, span));
            let targs = self.slice(targs);
            return self.mk(mi.result, TExprKind::CallMethod(key, targs), span);
        }
        let receiver = if mi.mutating {
            match self.place_of_for_mutation(&base, span) {
                Some(p) => {
                    let pb = self.alloc(p);
                    self.mk(base.ty, TExprKind::InOut(pb), base.span)
                }
                None => return self.mk(TypeTable::ERROR, TExprKind::Void, span),
            }
        } else {
            base
        };
        let mut targs = vec![receiver];
        targs.extend(self.method_args(mi, args, span));
        self.call_func_index(mi.func, mi.result, targs, span)
    }

    /// Describes a user type's method for messages.
    #[allow(dead_code)]
    pub(super) fn describe_method(mi: &MethodInfo) -> String {
        describe_params(&mi.name, &mi.labels)
    }
}

/// The initializer a call with these argument labels picks: one whose labels are exactly
/// these, else the first whose parameters with defaults can be left out to fit them.
fn pick_init<'m>(inits: &'m [MethodInfo], labels: &[Option<&str>]) -> Option<&'m MethodInfo> {
    let exact = inits.iter().find(|m| {
        m.labels.len() == labels.len()
            && m.labels.iter().zip(labels).all(|(a, b)| a.as_deref() == *b)
    });
    exact.or_else(|| inits.iter().find(|m| labels_fit_defaults(m, labels)))
}

/// Whether a call's labels fit `m`'s parameters when those with defaults may be skipped.
fn labels_fit_defaults(m: &MethodInfo, labels: &[Option<&str>]) -> bool {
    let mut ai = 0;
    for (pi, l) in m.labels.iter().enumerate() {
        if labels.get(ai).is_some_and(|a| *a == l.as_deref()) {
            ai += 1;
        } else if m.defaults.get(pi).copied().flatten().is_none() {
            return false;
        }
    }
    ai == labels.len()
}

/// A method's or initializer's signature as a function's (for matching call arguments).
fn method_sig(mi: &MethodInfo) -> super::FuncSig {
    super::FuncSig {
        name: mi.name.clone(),
        labels: mi.labels.clone(),
        params: mi.params.clone(),
        inout: mi.inout.clone(),
        variadic: None,
        defaults: mi.defaults.clone(),
        result: mi.result,
        discardable: false,
    }
}
