//! Expressions: bidirectional type checking (an expected type flows down, so literals take
//! their type from context), implicit optional wrapping, optional chains, operators.
//! Assignment targets are in `place.rs`, closures in `closure.rs`, calls in `builtins.rs`.

use super::ir::*;
use super::types::{ParamType, Type, TypeId, TypeTable};
use super::{Checker, FuncKind, Resolved};
use crate::stdlib::Builtin;
use crate::syntax::ast::*;
use crate::syntax::token::{BinOp, PrefixOp};

/// What a closure's context says about its signature.
#[derive(Clone, Debug)]
pub(super) struct ClosureHint {
    /// Parameter types.
    pub params: Vec<ParamType>,
    /// The result type, when known (otherwise inferred from the body).
    pub result: Option<TypeId>,
}

/// How deep expressions may nest (each level is a few host stack frames in the checker, the
/// compiler and the VM's printing).
const MAX_EXPR_DEPTH: u32 = 1000;

/// Names a type needs in messages: a function so the template stays in one place.
pub(super) fn fill(template: &str, actual: &str, expected: &str) -> String {
    template
        .replacen("{}", actual, 1)
        .replacen("{}", expected, 1)
}

impl<'e, 's> Checker<'e, 's> {
    pub(super) fn mk(&mut self, ty: TypeId, kind: TExprKind<'s>, span: Span) -> TExpr<'s> {
        if let TExprKind::Call(_, args)
        | TExprKind::CallMethod(_, args)
        | TExprKind::CallValue(_, args)
        | TExprKind::Builtin(_, args) = kind
        {
            let inouts = args
                .iter()
                .filter(|a| matches!(a.kind, TExprKind::InOut(_)))
                .count();
            let closures = args
                .iter()
                .any(|a| matches!(a.kind, TExprKind::Closure(..)));
            if inouts > 1 || (inouts == 1 && closures) {
                self.check_exclusive_args(&kind);
            }
        }
        TExpr { ty, kind, span }
    }

    pub(super) fn boxed(&mut self, e: TExpr<'s>) -> &'s TExpr<'s> {
        self.alloc(e)
    }

    pub(super) fn error_expr(&mut self, span: Span) -> TExpr<'s> {
        TExpr {
            ty: TypeTable::ERROR,
            kind: TExprKind::Void,
            span,
        }
    }

    /// Checks `e` against `target` and converts it (optional wrapping); the message template
    /// has two `{}`: the actual and the expected type.
    pub(super) fn check_expr_as(
        &mut self,
        e: &Expr<'_>,
        target: TypeId,
        template: &str,
    ) -> TExpr<'s> {
        let t = self.check_expr(e, Some(target));
        self.coerce(t, target, template)
    }

    /// Converts `t` to `target` where Swift converts implicitly, or reports the mismatch.
    pub(super) fn coerce(&mut self, t: TExpr<'s>, target: TypeId, template: &str) -> TExpr<'s> {
        if t.ty == target || self.types().is_error(t.ty) || self.types().is_error(target) {
            return t;
        }
        if let Type::Optional(inner) = self.ty(target) {
            if matches!(t.kind, TExprKind::Nil) {
                return TExpr { ty: target, ..t };
            }
            if t.ty == inner || self.convertible(t.ty, inner) || self.wraps_into(t.ty, inner) {
                let inner_t = self.coerce(t, inner, template);
                let b = self.boxed(inner_t);
                return TExpr {
                    ty: target,
                    kind: TExprKind::WrapOptional(b),
                    span: t.span,
                };
            }
        }
        if self.convertible(t.ty, target) {
            let b = self.boxed(t);
            return TExpr {
                ty: target,
                kind: TExprKind::Retype(b),
                span: t.span,
            };
        }
        let (a, b) = (self.ty_name(t.ty), self.ty_name(target));
        if let Type::Optional(inner) = self.ty(t.ty) {
            if inner == target {
                let msg = format!(
                    "value of optional type '{a}' must be unwrapped to a value of type '{b}'"
                );
                self.errors.push(
                    crate::diag::Diagnostic::error(msg, t.span)
                        .with_note("coalesce using '??' to provide a default when the optional value contains 'nil'", t.span)
                        .with_note("force-unwrap using '!' to abort execution if the optional value contains 'nil'", t.span),
                );
                return TExpr { ty: target, ..t };
            }
        }
        self.error(fill(template, &a, &b), t.span);
        TExpr { ty: target, ..t }
    }

    /// Whether a value of `from` becomes an `to` by wrapping it in one or more optionals
    /// (`Int` to `Int??`).
    fn wraps_into(&self, from: TypeId, to: TypeId) -> bool {
        let mut cur = to;
        for _ in 0..64 {
            match self.env.types.get(cur) {
                Type::Optional(inner) if *inner == from || self.convertible(from, *inner) => {
                    return true;
                }
                Type::Optional(inner) => cur = *inner,
                _ => return false,
            }
        }
        false
    }

    /// Structural conversions that keep the value: tuples whose labels are added or dropped,
    /// function types that only differ in nothing observable.
    fn convertible(&self, from: TypeId, to: TypeId) -> bool {
        if from == to {
            return true;
        }
        match (self.env.types.get(from), self.env.types.get(to)) {
            (Type::Tuple(a), Type::Tuple(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b).all(|((la, ta), (lb, tb))| {
                        (la.is_none() || lb.is_none() || la == lb) && self.convertible(*ta, *tb)
                    })
            }
            (Type::Optional(a), Type::Optional(b)) => self.convertible(*a, *b),
            (Type::Array(a), Type::Array(b)) => self.convertible(*a, *b) && self.same_repr(*a, *b),
            // An instance of a subclass is an instance of its superclass.
            (Type::Nominal(_), Type::Nominal(_)) => self.env.types.is_subclass(from, to),
            _ => false,
        }
    }

    fn same_repr(&self, a: TypeId, b: TypeId) -> bool {
        a == b
            || matches!(
                (self.env.types.get(a), self.env.types.get(b)),
                (Type::Tuple(_), Type::Tuple(_))
            )
    }

    /// Whether `e` is made of numeric literals only (its type follows the context).
    fn is_literal_tree(e: &Expr<'_>) -> bool {
        Self::literal_tree_at(e, 0)
    }

    /// Literal trees deeper than this are treated as ordinary expressions (no host-stack risk).
    const LITERAL_DEPTH: u32 = 64;

    fn literal_tree_at(e: &Expr<'_>, depth: u32) -> bool {
        if depth > Self::LITERAL_DEPTH {
            return false;
        }
        match e.kind {
            ExprKind::Int(_) | ExprKind::Float(_) => true,
            ExprKind::Paren(i) | ExprKind::Prefix(PrefixOp::Neg | PrefixOp::Plus, i) => {
                Self::literal_tree_at(i, depth + 1)
            }
            ExprKind::Binary(
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem,
                a,
                b,
            ) => Self::literal_tree_at(a, depth + 1) && Self::literal_tree_at(b, depth + 1),
            _ => false,
        }
    }

    fn has_float_literal(e: &Expr<'_>) -> bool {
        Self::float_literal_at(e, 0)
    }

    fn float_literal_at(e: &Expr<'_>, depth: u32) -> bool {
        if depth > Self::LITERAL_DEPTH {
            return false;
        }
        match e.kind {
            ExprKind::Float(_) => true,
            ExprKind::Paren(i) | ExprKind::Prefix(_, i) => Self::float_literal_at(i, depth + 1),
            ExprKind::Binary(_, a, b) => {
                Self::float_literal_at(a, depth + 1) || Self::float_literal_at(b, depth + 1)
            }
            _ => false,
        }
    }

    /// The scalar type an expected type asks a literal to be (looking through optionals).
    fn literal_target(&self, expected: Option<TypeId>) -> Option<TypeId> {
        let mut t = expected?;
        while let Type::Optional(i) = self.env.types.get(t) {
            t = *i;
        }
        Some(t)
    }

    /// The heart: checks `e`, with `expected` as a hint (not enforced; see `coerce`).
    /// The branches of `c ? value : nil` (either order): the value's type made optional,
    /// and `nil` of that type.
    fn value_or_nil(
        &mut self,
        value: &Expr<'_>,
        nil: &Expr<'_>,
        expected: Option<TypeId>,
    ) -> (TExpr<'s>, TExpr<'s>) {
        const MISMATCH: &str =
            "result values in '? :' expression have mismatching types '{}' and '{}'";
        let inner = expected.and_then(|t| self.env.types.optional_inner(t));
        let vt = self.check_expr(value, inner);
        let target = match self.ty(vt.ty) {
            Type::Optional(_) => vt.ty,
            _ => self.types().optional(vt.ty),
        };
        let vt = self.coerce(vt, target, MISMATCH);
        let nt = self.check_expr_as(nil, target, MISMATCH);
        (vt, nt)
    }

    pub(super) fn check_expr(&mut self, e: &Expr<'_>, expected: Option<TypeId>) -> TExpr<'s> {
        // The checker and the compiler recurse over the tree: refuse what would exhaust the
        // host stack (a chain of 100,000 `+`).
        if self.expr_depth >= MAX_EXPR_DEPTH {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                self.error(
                    "expression is too complex to be checked (nested too deeply)",
                    e.span,
                );
            }
            return self.error_expr(e.span);
        }
        self.expr_depth += 1;
        let t = self.check_expr_inner(e, expected);
        self.expr_depth -= 1;
        t
    }

    fn check_expr_inner(&mut self, e: &Expr<'_>, expected: Option<TypeId>) -> TExpr<'s> {
        let key = e as *const Expr<'_> as usize;
        if let Some(sub) = self
            .chain_subst
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| *t)
        {
            return sub;
        }
        if let Some(chain) = self.chain_root(e) {
            return self.optional_chain(e, chain);
        }
        let span = e.span;
        match e.kind {
            ExprKind::Int(text) => self.int_literal(text, expected, span),
            ExprKind::Float(text) => {
                let v = parse_float(text);
                if self.literal_target(expected) == Some(TypeTable::INT) {
                    // `let x: Int = 1.5` is a conversion error, reported by `coerce`.
                }
                self.mk(TypeTable::DOUBLE, TExprKind::Double(v), span)
            }
            ExprKind::Str(segments) => self.string_literal(segments, expected, span),
            ExprKind::Magic(m) => self.magic_literal(m, span),
            ExprKind::Bool(b) => self.mk(TypeTable::BOOL, TExprKind::Bool(b), span),
            ExprKind::Nil => {
                match expected.filter(|t| matches!(self.env.types.get(*t), Type::Optional(_))) {
                    Some(t) => self.mk(t, TExprKind::Nil, span),
                    None => {
                        if expected.is_some_and(|t| !self.types().is_error(t)) {
                            let name = self.ty_name(expected.unwrap_or(TypeTable::ERROR));
                            self.error(format!("'nil' cannot be assigned to type '{name}'"), span);
                        } else if expected.is_none() {
                            self.error("'nil' requires a contextual type", span);
                        }
                        self.error_expr(span)
                    }
                }
            }
            ExprKind::Name(name) => self.name_expr(name, expected, span),
            ExprKind::Dollar(n) => self.dollar(n, span),
            ExprKind::Paren(inner) => {
                let t = self.check_expr(inner, expected);
                TExpr { span, ..t }
            }
            ExprKind::Tuple(args) => self.tuple_expr(args, expected, span),
            ExprKind::Array(elems) => self.array_literal(elems, expected, span),
            ExprKind::Dictionary(entries) => self.dict_literal(entries, expected, span),
            ExprKind::Member(base, name) => self.member(base, name, span),
            ExprKind::TupleIndex(base, i, ispan) => {
                let b = self.check_expr(base, None);
                self.tuple_field(b, i, ispan, span)
            }
            ExprKind::Call {
                callee,
                args,
                trailing,
            } => self.call(callee, args, trailing, expected, span),
            ExprKind::Subscript(base, args) => self.subscript(base, args, span),
            ExprKind::ForceUnwrap(inner) => {
                let t =
                    self.check_expr(inner, expected.map(|t| self.env.types.clone().optional(t)));
                match self.ty(t.ty) {
                    Type::Optional(i) => {
                        let b = self.boxed(t);
                        self.mk(i, TExprKind::ForceUnwrap(b), span)
                    }
                    Type::Error => t,
                    _ => {
                        let name = self.ty_name(t.ty);
                        self.error(
                            format!("cannot force unwrap value of non-optional type '{name}'"),
                            span,
                        );
                        t
                    }
                }
            }
            ExprKind::OptionalChain(inner) => {
                // A bare `x?` with nothing after it.
                let t = self.check_expr(inner, expected);
                if !matches!(self.ty(t.ty), Type::Optional(_) | Type::Error) {
                    let name = self.ty_name(t.ty);
                    self.error(
                        format!(
                            "cannot use optional chaining on non-optional value of type '{name}'"
                        ),
                        span,
                    );
                }
                t
            }
            ExprKind::Prefix(op, inner) => self.prefix(op, inner, expected, span),
            ExprKind::PostfixRange(inner) => {
                let bound = expected.and_then(|t| self.range_bound(t));
                let t = self.check_expr(inner, Some(bound.unwrap_or(TypeTable::INT)));
                let ty = self.types().intern(Type::RangeFrom(t.ty));
                let b = self.boxed(t);
                let hi = self.mk(TypeTable::INT, TExprKind::Int(i64::MAX), span);
                let hb = self.boxed(hi);
                self.mk(ty, TExprKind::Range(b, hb, false), span)
            }
            ExprKind::Binary(op, a, b) => self.binary(op, a, b, expected, span),
            ExprKind::Assign(op, target, value) => self.assign(op, target, value, span),
            ExprKind::StmtExpr(se) => self.stmt_expr(se, expected, span),
            ExprKind::Ternary(c, a, b) => {
                let c = self.check_expr_as(
                    c,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected condition type '{}'",
                );
                let (a, b) = if matches!(b.kind, ExprKind::Nil) && !matches!(a.kind, ExprKind::Nil)
                {
                    // `c ? x : nil` is optional.
                    self.value_or_nil(a, b, expected)
                } else if matches!(a.kind, ExprKind::Nil) && !matches!(b.kind, ExprKind::Nil) {
                    let (bt, at) = self.value_or_nil(b, a, expected);
                    (at, bt)
                } else if Self::is_literal_tree(a) && !Self::is_literal_tree(b) {
                    let bt = self.check_expr(b, expected);
                    let at = self.check_expr_as(
                        a,
                        bt.ty,
                        "result values in '? :' expression have mismatching types '{}' and '{}'",
                    );
                    (at, bt)
                } else {
                    let at = self.check_expr(a, expected);
                    let target = expected
                        .filter(|t| {
                            self.convertible(at.ty, *t)
                                || matches!(self.env.types.get(*t), Type::Optional(_))
                        })
                        .unwrap_or(at.ty);
                    let at = self.coerce(
                        at,
                        target,
                        "result values in '? :' expression have mismatching types '{}' and '{}'",
                    );
                    let bt = self.check_expr_as(
                        b,
                        target,
                        "result values in '? :' expression have mismatching types '{}' and '{}'",
                    );
                    (at, bt)
                };
                let ty = a.ty;
                let (cb, ab, bb) = (self.boxed(c), self.boxed(a), self.boxed(b));
                self.mk(ty, TExprKind::Ternary(cb, ab, bb), span)
            }
            ExprKind::Cast(kind, inner, t) => {
                let target = self.resolve_type(t);
                match kind {
                    CastKind::As => {
                        let v = self.check_expr_as(
                            inner,
                            target,
                            "cannot convert value of type '{}' to type '{}' in coercion",
                        );
                        let b = self.boxed(v);
                        self.mk(target, TExprKind::Retype(b), span)
                    }
                    _ => self.class_cast(kind, inner, target, span),
                }
            }
            ExprKind::Closure(c) => {
                let hint = expected.and_then(|t| self.hint_from_type(t));
                self.closure(c, hint, span)
            }
            ExprKind::InOut(_) => {
                self.error(
                    "'&' may only be used to pass an argument to inout parameter",
                    span,
                );
                self.error_expr(span)
            }
            ExprKind::TypeRef(_) => {
                self.error(
                    "expected member name or initializer call after type name",
                    span,
                );
                self.error_expr(span)
            }
            ExprKind::ImplicitMember(name)
                if name.name == "none"
                    && expected.is_some_and(|t| self.env.types.optional_inner(t).is_some()) =>
            {
                // `Optional.none` (Swift prefers it to a `none` case of the wrapped type).
                let ty = expected.unwrap_or(TypeTable::ERROR);
                self.mk(ty, TExprKind::Nil, span)
            }
            ExprKind::ImplicitMember(name) => {
                // `.north` takes its type from the context.
                let target = expected.map(|t| self.env.types.optional_inner(t).unwrap_or(t));
                match target.filter(|t| self.env.types.nominal(*t).is_some()) {
                    Some(t) => self.static_member_of(t, name, expected, span),
                    None => {
                        self.error(
                            format!(
                                "cannot infer contextual base in reference to member '{}'",
                                name.name
                            ),
                            span,
                        );
                        self.error_expr(span)
                    }
                }
            }
            ExprKind::SelfValue => match self.lookup("self") {
                Some(Resolved::Var(r)) => {
                    let (ty, _, _) = self.var_info(r);
                    self.mk(ty, TExprKind::Var(r), span)
                }
                _ => {
                    self.error("cannot find 'self' in scope", span);
                    self.error_expr(span)
                }
            },
            ExprKind::SuperMember(name) => {
                // `super.property`
                let sup = self
                    .self_type_in_scope()
                    .and_then(|t| self.env.types.nominal(t))
                    .and_then(|n| n.superclass);
                match sup {
                    Some(sup) => {
                        let me = Expr {
                            kind: ExprKind::SelfValue,
                            span,
                        };
                        let b = self.check_expr(&me, None);
                        let b = TExpr { ty: sup, ..b };
                        match self.class_member_place(b, name, false, span) {
                            Some(p) => self.place_value(&p, span),
                            None => {
                                // A get-only computed property of the superclass: its getter.
                                let getter =
                                    self.find_member(sup, name.name).and_then(|m| match m {
                                        super::nominal::Member::Computed(c) => Some(c),
                                        _ => None,
                                    });
                                match getter {
                                    Some(c) => self.call_func_index(c.getter, c.ty, vec![b], span),
                                    None => self.error_expr(span),
                                }
                            }
                        }
                    }
                    None => {
                        self.error("'super' cannot be used outside of class members", span);
                        self.error_expr(span)
                    }
                }
            }
            ExprKind::OperatorRef(op) => self.operator_function(op, expected, span),
            ExprKind::PatternBinding(..) | ExprKind::PatternIs(_) => {
                self.error("pattern is not allowed here", span);
                self.error_expr(span)
            }
            ExprKind::Error => self.error_expr(span),
        }
    }

    fn int_literal(&mut self, text: &str, expected: Option<TypeId>, span: Span) -> TExpr<'s> {
        let target = self.literal_target(expected);
        let Some(v) = parse_int(text) else {
            let ty = if target == Some(TypeTable::DOUBLE) {
                "Double"
            } else {
                "Int"
            };
            self.error(
                format!("integer literal '{text}' overflows when stored into '{ty}'"),
                span,
            );
            return self.error_expr(span);
        };
        if target == Some(TypeTable::DOUBLE) {
            let d = match v {
                Some(i) => i as f64,
                None => parse_float(text),
            };
            return self.mk(TypeTable::DOUBLE, TExprKind::Double(d), span);
        }
        match v {
            Some(v) => self.mk(TypeTable::INT, TExprKind::Int(v), span),
            None => {
                self.error(
                    format!("integer literal '{text}' overflows when stored into 'Int'"),
                    span,
                );
                self.error_expr(span)
            }
        }
    }

    fn string_literal(
        &mut self,
        segments: &[StrSegment<'_>],
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let plain: Option<String> = segments
            .iter()
            .map(|s| match s {
                StrSegment::Text(t) => Some(*t),
                StrSegment::Interp(_) => None,
            })
            .collect::<Option<Vec<&str>>>()
            .map(|v| v.concat());
        if let Some(text) = plain {
            let wants_char = self.literal_target(expected) == Some(TypeTable::CHARACTER);
            let ty = if wants_char && crate::text::grapheme_count(&text) == 1 {
                TypeTable::CHARACTER
            } else {
                TypeTable::STRING
            };
            let t = self.text(&text);
            return self.mk(ty, TExprKind::Str(t), span);
        }
        let mut parts = Vec::with_capacity(segments.len());
        for s in segments {
            match s {
                StrSegment::Text(t) => {
                    let t = self.text(t);
                    parts.push(self.mk(TypeTable::STRING, TExprKind::Str(t), span));
                }
                StrSegment::Interp(e) => {
                    let t = self.check_expr(e, None);
                    if t.ty == TypeTable::VOID {
                        // Swift prints `()`; allowed.
                    }
                    parts.push(t);
                }
            }
        }
        let parts = self.slice(parts);
        self.mk(TypeTable::STRING, TExprKind::Interpolation(parts), span)
    }

    pub(super) fn name_expr(
        &mut self,
        name: &str,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let found = self.lookup(name);
        // Inside a method, a property of `self` comes before globals of the same name.
        if !matches!(
            found,
            Some(Resolved::Var(VarRef::Local(_) | VarRef::Capture(_)))
        ) {
            if let Some(member) = self.implicit_self_member(name, span) {
                return member;
            }
        }
        match found {
            Some(Resolved::Var(r)) => {
                let (ty, _, _) = self.var_info(r);
                self.read_var(r, ty, span)
            }
            Some(Resolved::Func(f)) => {
                let ty = self.local_func_type(f);
                self.mk(ty, TExprKind::Func(f), span)
            }
            Some(Resolved::SelfClosure(k)) => self.self_closure(k, span),
            Some(Resolved::GlobalFuncs(ids)) => {
                // Overloads used as a value: the one of the contextual type, else the only one
                // (a newer declaration with the same type shadows an older one in the REPL).
                let mut typed: Vec<(u32, TypeId)> = Vec::new();
                for &id in ids.iter().rev() {
                    let sig = self.env.func_sigs.get(id as usize).cloned().flatten();
                    let ty = match sig {
                        Some(s) => self.sig_type(&s),
                        None => TypeTable::ERROR,
                    };
                    if !typed.iter().any(|(_, t)| *t == ty) {
                        typed.push((id, ty));
                    }
                }
                if let Some(e) = expected {
                    if typed.iter().any(|(_, t)| *t == e) {
                        typed.retain(|(_, t)| *t == e);
                    }
                }
                let Some(&(id, ty)) = typed.first() else {
                    return self.error_expr(span);
                };
                if typed.len() > 1 {
                    self.error(format!("ambiguous use of '{name}'"), span);
                }
                let kind = self.global_func_ref(id);
                self.mk(ty, kind, span)
            }
            None => {
                if self.is_type_name(name) {
                    self.error(
                        format!(
                            "expected member name or constructor call after type name '{name}'"
                        ),
                        span,
                    );
                } else if builtins_needing_foundation(name) && !self.env.foundation {
                    self.error_with_note(
                        format!("cannot find '{name}' in scope"),
                        span,
                        "add 'import Foundation' to use it",
                    );
                } else if super::builtins::is_builtin_function(name) {
                    self.error(
                        format!(
                            "builtin function '{name}' cannot be used as a value here; call it"
                        ),
                        span,
                    );
                } else {
                    self.error(format!("cannot find '{name}' in scope"), span);
                }
                self.error_expr(span)
            }
        }
    }

    /// The user type a name refers to, if any.
    pub(super) fn user_type_named(&self, name: &str) -> Option<TypeId> {
        let t = *self.env.aliases.get(name)?;
        self.env.types.nominal(t).map(|_| t)
    }

    /// `name` as `self.name` (or `Type.name` in a static method), when it is a member.
    pub(super) fn implicit_self_member(&mut self, name: &str, span: Span) -> Option<TExpr<'s>> {
        if let Some(ty) = self.stack.iter().rev().find_map(|(_, f)| f.self_type) {
            let raw_value = name == "rawValue"
                && self
                    .env
                    .types
                    .nominal(ty)
                    .is_some_and(|n| n.raw_type.is_some());
            if raw_value || self.find_member(ty, name).is_some() {
                let base = Expr {
                    kind: ExprKind::SelfValue,
                    span,
                };
                return Some(self.member(&base, Ident { name, span }, span));
            }
        }
        if let Some(ty) = self.cur_ref().static_self {
            if let Some((global, t)) = self.find_static_stored(ty, name) {
                return Some(self.mk(t, TExprKind::Var(VarRef::Global(global)), span));
            }
            if let Some(c) = self.find_static_computed(ty, name) {
                return Some(self.get_self_type_property(&c, span));
            }
        }
        None
    }

    /// A module function as a value or callee: this compilation's by id, earlier ones by index.
    pub(super) fn global_func_ref(&self, index: u32) -> TExprKind<'s> {
        match index.checked_sub(self.first_func) {
            Some(local) => TExprKind::Func(FuncId(local)),
            None => TExprKind::GlobalFunc(index),
        }
    }

    pub(super) fn is_type_name(&self, name: &str) -> bool {
        matches!(
            name,
            "Int" | "Double" | "Bool" | "String" | "Character" | "Array" | "Dictionary" | "Set"
        ) || self.env.aliases.contains_key(name)
    }

    fn dollar(&mut self, n: u32, span: Span) -> TExpr<'s> {
        // `$n` belongs to the innermost closure without a written signature.
        let depth = self.stack.len() - 1;
        let f = &self.stack[depth].1;
        if f.kind != FuncKind::Closure {
            self.error(
                format!("anonymous closure argument not contained in a closure"),
                span,
            );
            return self.error_expr(span);
        }
        match f.dollar_params.get(n as usize).copied() {
            Some(v) => {
                let ty =
                    f.ir.locals
                        .get(v.0 as usize)
                        .map_or(TypeTable::ERROR, |l| l.ty);
                self.mk(ty, TExprKind::Var(VarRef::Local(v)), span)
            }
            None => {
                if f.dollar_params.is_empty() && f.ir.param_count > 0 {
                    self.error("anonymous closure arguments cannot be used inside a closure that has explicit arguments", span);
                } else {
                    let count = f.dollar_params.len();
                    self.error(
                        format!(
                            "contextual closure type expects {count} argument{}, but ${n} was used",
                            if count == 1 { "" } else { "s" }
                        ),
                        span,
                    );
                }
                self.error_expr(span)
            }
        }
    }

    fn tuple_expr(&mut self, args: &[Arg<'_>], expected: Option<TypeId>, span: Span) -> TExpr<'s> {
        if args.is_empty() {
            return self.mk(TypeTable::VOID, TExprKind::Void, span);
        }
        let expected_elems = match expected.map(|t| self.ty(t)) {
            Some(Type::Tuple(elems)) if elems.len() == args.len() => Some(elems),
            _ => None,
        };
        let mut parts = Vec::with_capacity(args.len());
        let mut types = Vec::with_capacity(args.len());
        for (i, a) in args.iter().enumerate() {
            let hint = expected_elems.as_ref().map(|e| e[i].1);
            let t = match hint {
                Some(h) => self.check_expr_as(
                    a.value,
                    h,
                    "cannot convert value of type '{}' to expected element type '{}'",
                ),
                None => self.check_expr(a.value, None),
            };
            types.push((a.label.map(|l| l.name.to_string()), t.ty));
            parts.push(t);
        }
        let ty = self.types().tuple(types);
        let parts = self.slice(parts);
        self.mk(ty, TExprKind::Tuple(parts), span)
    }

    fn array_literal(
        &mut self,
        elems: &[Expr<'_>],
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        // An `ArraySlice` literal is the array literal made a slice (indices from 0).
        let slice_expected = expected
            .map(|t| self.literal_collection_type(t))
            .filter(|t| matches!(self.ty(*t), Type::ArraySlice(_)));
        if let Some(t) = slice_expected {
            let Type::ArraySlice(e) = self.ty(t) else {
                return self.error_expr(span);
            };
            let arr = self.types().array(e);
            let lit = self.array_literal(elems, Some(arr), span);
            return self.builtin(Builtin::SliceFromSeq, t, vec![lit], span);
        }
        let elem_expected = match expected.map(|t| self.ty(t)) {
            Some(Type::Array(t)) | Some(Type::Set(t)) => Some(t),
            Some(Type::Optional(o)) => match self.ty(o) {
                Type::Array(t) | Type::Set(t) => Some(t),
                _ => None,
            },
            _ => None,
        };
        let set_expected = expected.is_some_and(|t| matches!(self.env.types.get(t), Type::Set(_)));
        if elems.is_empty() {
            return match (elem_expected, expected) {
                (Some(_), Some(t)) => {
                    let t = if set_expected {
                        t
                    } else {
                        self.literal_collection_type(t)
                    };
                    self.mk(t, TExprKind::Array(&[]), span)
                }
                _ => {
                    self.error("empty collection literal requires an explicit type", span);
                    self.error_expr(span)
                }
            };
        }
        let elem_ty = match elem_expected {
            Some(t) => t,
            None => {
                if elems.iter().all(Self::is_literal_tree)
                    && elems.iter().any(Self::has_float_literal)
                {
                    TypeTable::DOUBLE
                } else {
                    let first = self.check_expr(&elems[0], None);
                    first.ty
                }
            }
        };
        let mut parts = Vec::with_capacity(elems.len());
        for e in elems {
            let t = self.check_expr_as(
                e,
                elem_ty,
                "cannot convert value of type '{}' to expected element type '{}'",
            );
            parts.push(t);
        }
        let ty = if set_expected {
            expected.unwrap_or(TypeTable::ERROR)
        } else {
            self.types().array(elem_ty)
        };
        let parts = self.slice(parts);
        self.mk(ty, TExprKind::Array(parts), span)
    }

    fn literal_collection_type(&mut self, t: TypeId) -> TypeId {
        match self.ty(t) {
            Type::Optional(i) => i,
            _ => t,
        }
    }

    fn dict_literal(
        &mut self,
        entries: &[(Expr<'_>, Expr<'_>)],
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let expected = expected.map(|t| self.literal_collection_type(t));
        let kv = match expected.map(|t| self.ty(t)) {
            Some(Type::Dictionary(k, v)) => Some((k, v)),
            _ => None,
        };
        if entries.is_empty() {
            return match (kv, expected) {
                (Some(_), Some(t)) => self.mk(t, TExprKind::Dictionary(&[]), span),
                _ => {
                    self.error("empty collection literal requires an explicit type", span);
                    self.error_expr(span)
                }
            };
        }
        let (kt, vt) = match kv {
            Some(kv) => kv,
            None => {
                let k = self.check_expr(&entries[0].0, None).ty;
                let values: Vec<&Expr<'_>> = entries.iter().map(|e| &e.1).collect();
                let v = if values.iter().all(|e| Self::is_literal_tree(e))
                    && values.iter().any(|e| Self::has_float_literal(e))
                {
                    TypeTable::DOUBLE
                } else {
                    self.check_expr(&entries[0].1, None).ty
                };
                (k, v)
            }
        };
        let mut parts = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let k = self.check_expr_as(
                k,
                kt,
                "cannot convert value of type '{}' to expected dictionary key type '{}'",
            );
            let v = self.check_expr_as(
                v,
                vt,
                "cannot convert value of type '{}' to expected dictionary value type '{}'",
            );
            parts.push((k, v));
        }
        if !self.is_hashable(kt) {
            let name = self.ty_name(kt);
            self.error(
                format!("type '{name}' does not conform to protocol 'Hashable'"),
                span,
            );
        }
        let ty = self.types().intern(Type::Dictionary(kt, vt));
        let parts = self.slice(parts);
        self.mk(ty, TExprKind::Dictionary(parts), span)
    }

    /// `t.0` / `t.name` on a tuple value.
    pub(super) fn tuple_field(
        &mut self,
        base: TExpr<'s>,
        index: u32,
        ispan: Span,
        span: Span,
    ) -> TExpr<'s> {
        match self.ty(base.ty) {
            Type::Tuple(elems) => match elems.get(index as usize) {
                Some((_, t)) => {
                    let b = self.boxed(base);
                    self.mk(*t, TExprKind::TupleField(b, index), span)
                }
                None => {
                    let name = self.ty_name(base.ty);
                    self.error(
                        format!("value of tuple type '{name}' has no member '{index}'"),
                        ispan,
                    );
                    self.error_expr(span)
                }
            },
            Type::Error => self.error_expr(span),
            _ => {
                let name = self.ty_name(base.ty);
                self.error(
                    format!("value of type '{name}' has no member '{index}'"),
                    ispan,
                );
                self.error_expr(span)
            }
        }
    }

    fn prefix(
        &mut self,
        op: PrefixOp,
        inner: &Expr<'_>,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        match op {
            PrefixOp::Neg | PrefixOp::Plus => {
                // `-9223372036854775808` is a literal, not a negation of an overflowing one.
                if let (PrefixOp::Neg, ExprKind::Int(text)) = (op, inner.kind) {
                    let target = self.literal_target(expected);
                    if target != Some(TypeTable::DOUBLE) {
                        if let Some(Some(v)) = parse_int_neg(text) {
                            return self.mk(TypeTable::INT, TExprKind::Int(v), span);
                        }
                    }
                }
                let t = self.check_expr(inner, expected);
                let kind = match self.ty(t.ty) {
                    Type::Int => UnKind::NegInt,
                    Type::Double => UnKind::NegDouble,
                    Type::Error => return t,
                    _ => {
                        let name = self.ty_name(t.ty);
                        self.error(format!("unary operator '{}' cannot be applied to an operand of type '{name}'", op.spelling()), span);
                        return self.error_expr(span);
                    }
                };
                if op == PrefixOp::Plus {
                    return TExpr { span, ..t };
                }
                match t.kind {
                    TExprKind::Int(v) if v != i64::MIN => self.mk(t.ty, TExprKind::Int(-v), span),
                    TExprKind::Double(v) => self.mk(t.ty, TExprKind::Double(-v), span),
                    _ => {
                        let b = self.boxed(t);
                        self.mk(b.ty, TExprKind::Unary(kind, b), span)
                    }
                }
            }
            PrefixOp::Not => {
                let t = self.check_expr_as(
                    inner,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let b = self.boxed(t);
                self.mk(TypeTable::BOOL, TExprKind::Unary(UnKind::Not, b), span)
            }
            PrefixOp::BitNot => {
                let t = self.check_expr_as(
                    inner,
                    TypeTable::INT,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let b = self.boxed(t);
                self.mk(TypeTable::INT, TExprKind::Unary(UnKind::BitNot, b), span)
            }
            PrefixOp::UpTo | PrefixOp::Through => {
                let bound = expected.and_then(|t| self.range_bound(t));
                let t = self.check_expr(inner, Some(bound.unwrap_or(TypeTable::INT)));
                let ty = if op == PrefixOp::UpTo {
                    self.types().intern(Type::RangeUpTo(t.ty))
                } else {
                    self.types().intern(Type::RangeThrough(t.ty))
                };
                // The missing lower bound is `Int.min` (for Int bounds): it contains every Int
                // below the upper bound, and a subscript takes it as the collection's
                // `startIndex` (a slice's is not 0).
                let open = if t.ty == TypeTable::INT { i64::MIN } else { 0 };
                let lo = self.mk(TypeTable::INT, TExprKind::Int(open), span);
                let (lb, hb) = (self.boxed(lo), self.boxed(t));
                self.mk(ty, TExprKind::Range(lb, hb, op == PrefixOp::Through), span)
            }
            PrefixOp::InOut => {
                self.error(
                    "'&' may only be used to pass an argument to inout parameter",
                    span,
                );
                self.error_expr(span)
            }
        }
    }

    /// Checks two operands whose types must agree, letting literals follow the other side.
    /// The bound type a range of type `t` wants (`Double` for `Range<Double>`).
    pub(super) fn range_bound(&self, t: TypeId) -> Option<TypeId> {
        match self.ty(t) {
            Type::Range(e)
            | Type::ClosedRange(e)
            | Type::RangeFrom(e)
            | Type::RangeUpTo(e)
            | Type::RangeThrough(e) => Some(e),
            _ => None,
        }
    }

    pub(super) fn operands(
        &mut self,
        a: &Expr<'_>,
        b: &Expr<'_>,
        expected: Option<TypeId>,
    ) -> (TExpr<'s>, TExpr<'s>) {
        let (la, lb) = (Self::is_literal_tree(a), Self::is_literal_tree(b));
        if la && lb {
            let numeric = self
                .literal_target(expected)
                .filter(|t| *t == TypeTable::INT || *t == TypeTable::DOUBLE);
            let target = numeric.unwrap_or(
                if Self::has_float_literal(a) || Self::has_float_literal(b) {
                    TypeTable::DOUBLE
                } else {
                    TypeTable::INT
                },
            );
            let at = self.check_expr(a, Some(target));
            let bt = self.check_expr(b, Some(target));
            return (at, bt);
        }
        if la {
            let bt = self.check_expr(b, None);
            let at = self.check_expr(a, Some(bt.ty));
            return (at, bt);
        }
        let at = self.check_expr(a, expected.filter(|_| lb));
        let bt = self.check_expr(b, Some(at.ty));
        (at, bt)
    }

    fn binary(
        &mut self,
        op: BinOp,
        a: &Expr<'_>,
        b: &Expr<'_>,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        match op {
            BinOp::And | BinOp::Or => {
                let at = self.check_expr_as(
                    a,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let bt = self.check_expr_as(
                    b,
                    TypeTable::BOOL,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let (ab, bb) = (self.boxed(at), self.boxed(bt));
                let kind = if op == BinOp::And {
                    TExprKind::And(ab, bb)
                } else {
                    TExprKind::Or(ab, bb)
                };
                self.mk(TypeTable::BOOL, kind, span)
            }
            BinOp::Coalesce => {
                let at = self.check_expr(a, expected.map(|t| self.env.types.clone().optional(t)));
                let inner = match self.ty(at.ty) {
                    Type::Optional(i) => i,
                    Type::Error => TypeTable::ERROR,
                    _ => {
                        // Swift warns; the left side is used as is.
                        at.ty
                    }
                };
                // `a ?? b` where b is optional too gives an optional.
                let bt = self.check_expr(b, Some(inner));
                let (target, result) = if bt.ty == at.ty && at.ty != inner {
                    (at.ty, at.ty)
                } else {
                    (inner, inner)
                };
                let bt = self.coerce(
                    bt,
                    target,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let (ab, bb) = (self.boxed(at), self.boxed(bt));
                self.mk(result, TExprKind::Coalesce(ab, bb), span)
            }
            BinOp::HalfOpen | BinOp::Closed => {
                // The bounds take their type from the context (`let r: Range<Double> = 0..<1`).
                let bound = expected.and_then(|t| self.range_bound(t));
                let (at, bt) = self.operands(a, b, bound);
                let bt = self.coerce(
                    bt,
                    at.ty,
                    "cannot convert value of type '{}' to expected argument type '{}'",
                );
                let elem = at.ty;
                if !matches!(
                    self.ty(elem),
                    Type::Int | Type::Double | Type::String | Type::Character | Type::Error
                ) {
                    let name = self.ty_name(elem);
                    self.error(format!("referencing operator function '{}' requires that '{name}' conform to 'Comparable'", op.spelling()), span);
                }
                let ty = if op == BinOp::HalfOpen {
                    self.types().intern(Type::Range(elem))
                } else {
                    self.types().intern(Type::ClosedRange(elem))
                };
                let (ab, bb) = (self.boxed(at), self.boxed(bt));
                self.mk(ty, TExprKind::Range(ab, bb, op == BinOp::Closed), span)
            }
            BinOp::Ident | BinOp::NotIdent => {
                let (at, bt) = self.operands(a, b, None);
                let is_ref = |c: &Self, t: TypeId| {
                    let t = c.env.types.optional_inner(t).unwrap_or(t);
                    c.env
                        .types
                        .nominal(t)
                        .is_some_and(|n| n.kind == super::types::NominalKind::Class)
                        || c.env.types.is_error(t)
                };
                if !is_ref(self, at.ty) || !is_ref(self, bt.ty) {
                    let (x, y) = (self.ty_name(at.ty), self.ty_name(bt.ty));
                    self.error(format!("argument type '{x}' expected to be an instance of a class or class-constrained type ('{y}')"), span);
                }
                let kind = if op == BinOp::Ident {
                    BinKind::Identical
                } else {
                    BinKind::NotIdentical
                };
                let (ab, bb) = (self.boxed(at), self.boxed(bt));
                self.mk(TypeTable::BOOL, TExprKind::Binary(kind, ab, bb), span)
            }
            BinOp::Match => {
                let (at, bt) = self.operands(a, b, None);
                let _ = (at, bt);
                self.error("'~=' is not supported outside patterns", span);
                self.error_expr(span)
            }
            BinOp::Assign | BinOp::Compound(_) => {
                self.error("assignment is not an expression here", span);
                self.error_expr(span)
            }
            BinOp::Eq | BinOp::Ne
                if matches!(a.kind, ExprKind::Nil) || matches!(b.kind, ExprKind::Nil) =>
            {
                // `x == nil` works for every optional, Equatable or not.
                let (other, is_b_nil) = if matches!(b.kind, ExprKind::Nil) {
                    (a, true)
                } else {
                    (b, false)
                };
                let ot = self.check_expr(other, None);
                if !matches!(self.ty(ot.ty), Type::Optional(_) | Type::Error) {
                    let n = self.ty_name(ot.ty);
                    self.error(
                        format!(
                            "comparing non-optional value of type '{n}' to 'nil' always returns {}",
                            op != BinOp::Eq
                        ),
                        span,
                    );
                }
                let nil = self.mk(ot.ty, TExprKind::Nil, span);
                let (x, y) = if is_b_nil { (ot, nil) } else { (nil, ot) };
                let kind = if op == BinOp::Eq {
                    BinKind::EqValue
                } else {
                    BinKind::NeValue
                };
                let (xb, yb) = (self.boxed(x), self.boxed(y));
                self.mk(TypeTable::BOOL, TExprKind::Binary(kind, xb, yb), span)
            }
            _ => {
                let (at, bt) = self.operands(a, b, expected);
                match self.binary_kind(op, at.ty, bt.ty) {
                    Some((kind, ty)) => {
                        if let Some(folded) = fold(kind, &at, &bt) {
                            return self.mk(ty, folded, span);
                        }
                        // Swift diagnoses constant arithmetic that overflows or divides by zero.
                        if let (TExprKind::Int(x), TExprKind::Int(y)) = (at.kind, bt.kind) {
                            let overflow = match kind {
                                BinKind::AddInt => x.checked_add(y).is_none(),
                                BinKind::SubInt => x.checked_sub(y).is_none(),
                                BinKind::MulInt => x.checked_mul(y).is_none(),
                                _ => false,
                            };
                            if overflow {
                                self.error(format!("arithmetic operation '{x} {} {y}' (on type 'Int') results in an overflow", op.spelling()), span);
                            } else if matches!(kind, BinKind::DivInt | BinKind::RemInt) && y == 0 {
                                let what = if kind == BinKind::DivInt {
                                    "division"
                                } else {
                                    "remainder"
                                };
                                self.error(format!("{what} by zero"), span);
                            }
                        }
                        let (ab, bb) = (self.boxed(at), self.boxed(bt));
                        self.mk(ty, TExprKind::Binary(kind, ab, bb), span)
                    }
                    None => {
                        if !self.types().is_error(at.ty) && !self.types().is_error(bt.ty) {
                            let (x, y) = (self.ty_name(at.ty), self.ty_name(bt.ty));
                            if x == y {
                                self.error(format!("binary operator '{}' cannot be applied to two '{x}' operands", op.spelling()), span);
                            } else {
                                self.error(format!("binary operator '{}' cannot be applied to operands of type '{x}' and '{y}'", op.spelling()), span);
                            }
                        }
                        self.error_expr(span)
                    }
                }
            }
        }
    }

    /// The typed operation for `op` on operand types `a` and `b`, with its result type.
    pub(super) fn binary_kind(
        &mut self,
        op: BinOp,
        a: TypeId,
        b: TypeId,
    ) -> Option<(BinKind, TypeId)> {
        use BinKind::*;
        let (ta, tb) = (self.ty(a), self.ty(b));
        // `[T] + ArraySlice<T>` and the reverse: the left operand's type
        // (`RangeReplaceableCollection`'s `+`, which appends to the left operand).
        if let (
            BinOp::Add,
            Type::Array(x) | Type::ArraySlice(x),
            Type::Array(y) | Type::ArraySlice(y),
        ) = (op, &ta, &tb)
        {
            if x == y && a != b {
                return Some((BinKind::ArrayConcat, a));
            }
        }
        if a != b {
            // `Optional == nil` and `Optional == value` are the exceptions.
            if matches!(op, BinOp::Eq | BinOp::Ne) {
                if let Type::Optional(inner) = ta {
                    if inner == b && self.is_equatable(inner) {
                        return Some((
                            if op == BinOp::Eq { EqValue } else { NeValue },
                            TypeTable::BOOL,
                        ));
                    }
                }
            }
            return None;
        }
        let int = |k| Some((k, TypeTable::INT));
        let dbl = |k| Some((k, TypeTable::DOUBLE));
        let cmp = |k| Some((k, TypeTable::BOOL));
        match (op, ta) {
            (BinOp::Add, Type::Int) => int(AddInt),
            (BinOp::Sub, Type::Int) => int(SubInt),
            (BinOp::Mul, Type::Int) => int(MulInt),
            (BinOp::Div, Type::Int) => int(DivInt),
            (BinOp::Rem, Type::Int) => int(RemInt),
            (BinOp::AddWrap, Type::Int) => int(AddWrapInt),
            (BinOp::SubWrap, Type::Int) => int(SubWrapInt),
            (BinOp::MulWrap, Type::Int) => int(MulWrapInt),
            (BinOp::BitAnd, Type::Int) => int(AndInt),
            (BinOp::BitOr, Type::Int) => int(OrInt),
            (BinOp::BitXor, Type::Int) => int(XorInt),
            (BinOp::Shl, Type::Int) => int(ShlInt),
            (BinOp::Shr, Type::Int) => int(ShrInt),
            (BinOp::Add, Type::Double) => dbl(AddDouble),
            (BinOp::Sub, Type::Double) => dbl(SubDouble),
            (BinOp::Mul, Type::Double) => dbl(MulDouble),
            (BinOp::Div, Type::Double) => dbl(DivDouble),
            (BinOp::Add, Type::String) => Some((Concat, TypeTable::STRING)),
            (BinOp::Add, Type::Array(_) | Type::ArraySlice(_)) => Some((ArrayConcat, a)),
            (BinOp::Lt, Type::Int) => cmp(LtInt),
            (BinOp::Le, Type::Int) => cmp(LeInt),
            (BinOp::Gt, Type::Int) => cmp(GtInt),
            (BinOp::Ge, Type::Int) => cmp(GeInt),
            (BinOp::Lt, Type::Double) => cmp(LtDouble),
            (BinOp::Le, Type::Double) => cmp(LeDouble),
            (BinOp::Gt, Type::Double) => cmp(GtDouble),
            (BinOp::Ge, Type::Double) => cmp(GeDouble),
            (BinOp::Lt, Type::String | Type::Character) => cmp(LtStr),
            (BinOp::Le, Type::String | Type::Character) => cmp(LeStr),
            (BinOp::Gt, Type::String | Type::Character) => cmp(GtStr),
            (BinOp::Ge, Type::String | Type::Character) => cmp(GeStr),
            (BinOp::Lt, Type::Tuple(_)) if self.tuple_comparable(a) => cmp(LtTuple),
            (BinOp::Le, Type::Tuple(_)) if self.tuple_comparable(a) => cmp(LeTuple),
            (BinOp::Gt, Type::Tuple(_)) if self.tuple_comparable(a) => cmp(GtTuple),
            (BinOp::Ge, Type::Tuple(_)) if self.tuple_comparable(a) => cmp(GeTuple),
            (BinOp::Eq, Type::Int | Type::Bool) => cmp(EqInt),
            (BinOp::Ne, Type::Int | Type::Bool) => cmp(NeInt),
            (BinOp::Eq, Type::Double) => cmp(EqDouble),
            (BinOp::Ne, Type::Double) => cmp(NeDouble),
            (BinOp::Eq, _) if self.is_equatable(a) => cmp(EqValue),
            (BinOp::Ne, _) if self.is_equatable(a) => cmp(NeValue),
            _ => {
                let _ = tb;
                None
            }
        }
    }

    fn tuple_comparable(&self, t: TypeId) -> bool {
        match self.env.types.get(t) {
            Type::Tuple(elems) => {
                elems.len() <= 6
                    && elems.iter().all(|(_, e)| {
                        matches!(
                            self.env.types.get(*e),
                            Type::Int | Type::Double | Type::String | Type::Character | Type::Bool
                        ) || self.tuple_comparable(*e)
                    })
            }
            _ => false,
        }
    }

    /// `x is T`, `x as? T`, `x as! T` on class hierarchies: a run-time check of the instance's
    /// class.
    fn class_cast(
        &mut self,
        kind: CastKind,
        inner: &Expr<'_>,
        target: TypeId,
        span: Span,
    ) -> TExpr<'s> {
        let v = self.check_expr(inner, None);
        let from = self.env.types.optional_inner(v.ty).unwrap_or(v.ty);
        if !self.is_class_type(from) || !self.is_class_type(target) {
            if !self.types().is_error(v.ty) && !self.types().is_error(target) {
                let (a, b) = (self.ty_name(v.ty), self.ty_name(target));
                self.error(format!("cast from '{a}' to unrelated type '{b}' always fails (only class hierarchies are supported)"), span);
            }
            return self.error_expr(span);
        }
        let index = self.env.types.nominal_index(target).unwrap_or(0);
        let t = self.mk(TypeTable::INT, TExprKind::Int(i64::from(index)), span);
        let (b, ty) = match kind {
            CastKind::Is => (Builtin::IsInstance, TypeTable::BOOL),
            CastKind::Conditional => (Builtin::CastOptional, self.types().optional(target)),
            _ => (Builtin::CastForced, target),
        };
        let args = self.slice(vec![v, t]);
        self.mk(ty, TExprKind::Builtin(b, args), span)
    }

    /// Whether `t` is a class type.
    pub(super) fn is_class_type(&self, t: TypeId) -> bool {
        self.env
            .types
            .nominal(t)
            .is_some_and(|n| n.kind == super::types::NominalKind::Class)
    }

    /// The innermost `?.` in the postfix chain starting at `e` (not yet being lowered).
    pub(super) fn chain_root<'x>(&self, e: &'x Expr<'x>) -> Option<&'x Expr<'x>> {
        let base = match e.kind {
            ExprKind::Member(b, _)
            | ExprKind::TupleIndex(b, _, _)
            | ExprKind::Subscript(b, _)
            | ExprKind::ForceUnwrap(b) => b,
            ExprKind::Call { callee, .. } => callee,
            _ => return None,
        };
        let mut cur = base;
        loop {
            let key = cur as *const Expr<'_> as usize;
            if self.chain_subst.iter().any(|(k, _)| *k == key) {
                return None;
            }
            match cur.kind {
                ExprKind::OptionalChain(_) => return Some(cur),
                ExprKind::Member(b, _)
                | ExprKind::TupleIndex(b, _, _)
                | ExprKind::Subscript(b, _)
                | ExprKind::ForceUnwrap(b) => cur = b,
                ExprKind::Call { callee, .. } => cur = callee,
                _ => return None,
            }
        }
    }

    /// Lowers `a?.rest`: check `a`, bind its unwrapped value, check the rest against it.
    fn optional_chain(&mut self, whole: &Expr<'_>, chain: &Expr<'_>) -> TExpr<'s> {
        let ExprKind::OptionalChain(inner) = chain.kind else {
            return self.error_expr(whole.span);
        };
        let base = self.check_expr(inner, None);
        let unwrapped = match self.ty(base.ty) {
            Type::Optional(t) => t,
            Type::Error => return self.error_expr(whole.span),
            _ => {
                let name = self.ty_name(base.ty);
                self.error(
                    format!("cannot use optional chaining on non-optional value of type '{name}'"),
                    chain.span,
                );
                return self.error_expr(whole.span);
            }
        };
        let var = self.temp(unwrapped);
        let key = chain as *const Expr<'_> as usize;
        let sub = self.mk(unwrapped, TExprKind::Var(VarRef::Local(var)), chain.span);
        self.chain_subst.push((key, sub));
        let rest = self.check_expr(whole, None);
        self.chain_subst.retain(|(k, _)| *k != key);
        let ty = match self.ty(rest.ty) {
            Type::Optional(_) => rest.ty,
            Type::Void => {
                let v = TypeTable::VOID;
                self.types().optional(v)
            }
            _ => self.types().optional(rest.ty),
        };
        let rest = if matches!(self.ty(rest.ty), Type::Optional(_)) {
            rest
        } else {
            let b = self.boxed(rest);
            self.mk(ty, TExprKind::WrapOptional(b), whole.span)
        };
        let (bb, rb) = (self.boxed(base), self.boxed(rest));
        self.mk(
            ty,
            TExprKind::OptionalChain {
                base: bb,
                var,
                rest: rb,
            },
            whole.span,
        )
    }

    /// Names of the labels used by a call, for messages.
    pub(super) fn labels_of(args: &[Arg<'_>]) -> Vec<Option<String>> {
        args.iter()
            .map(|a| a.label.map(|l| l.name.to_string()))
            .collect()
    }
}

/// Folds constant integer arithmetic that cannot trap (so `-1`, `2 * 3` are constants).
fn fold<'s>(kind: BinKind, a: &TExpr<'s>, b: &TExpr<'s>) -> Option<TExprKind<'s>> {
    match (kind, a.kind, b.kind) {
        (BinKind::AddInt, TExprKind::Int(x), TExprKind::Int(y)) => {
            x.checked_add(y).map(TExprKind::Int)
        }
        (BinKind::SubInt, TExprKind::Int(x), TExprKind::Int(y)) => {
            x.checked_sub(y).map(TExprKind::Int)
        }
        (BinKind::MulInt, TExprKind::Int(x), TExprKind::Int(y)) => {
            x.checked_mul(y).map(TExprKind::Int)
        }
        (BinKind::AddDouble, TExprKind::Double(x), TExprKind::Double(y)) => {
            Some(TExprKind::Double(x + y))
        }
        (BinKind::SubDouble, TExprKind::Double(x), TExprKind::Double(y)) => {
            Some(TExprKind::Double(x - y))
        }
        (BinKind::MulDouble, TExprKind::Double(x), TExprKind::Double(y)) => {
            Some(TExprKind::Double(x * y))
        }
        (BinKind::DivDouble, TExprKind::Double(x), TExprKind::Double(y)) => {
            Some(TExprKind::Double(x / y))
        }
        _ => None,
    }
}

/// Parses a Swift integer literal; `None` if malformed, `Some(None)` if it overflows Int.
fn parse_int(text: &str) -> Option<Option<i64>> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (digits, radix) = match clean.get(..2) {
        Some("0x") | Some("0X") => (&clean[2..], 16),
        Some("0o") => (&clean[2..], 8),
        Some("0b") => (&clean[2..], 2),
        _ => (clean.as_str(), 10),
    };
    match u64::from_str_radix(digits, radix) {
        Ok(v) => Some(i64::try_from(v).ok()),
        Err(e) if matches!(e.kind(), std::num::IntErrorKind::PosOverflow) => Some(None),
        Err(_) => None,
    }
}

/// `-` applied to an integer literal: `-9223372036854775808` fits.
fn parse_int_neg(text: &str) -> Option<Option<i64>> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (digits, radix) = match clean.get(..2) {
        Some("0x") | Some("0X") => (&clean[2..], 16),
        Some("0o") => (&clean[2..], 8),
        Some("0b") => (&clean[2..], 2),
        _ => (clean.as_str(), 10),
    };
    match u64::from_str_radix(digits, radix) {
        Ok(v) if v == 1u64 << 63 => Some(Some(i64::MIN)),
        Ok(v) => Some(i64::try_from(v).ok().map(|v| -v)),
        Err(_) => Some(None),
    }
}

impl<'e, 's> Checker<'e, 's> {
    /// `#function`: the innermost function declared with `func` (closures are transparent),
    /// or the module's name at top level; `None` inside initializers, accessors and the
    /// like, not done yet.
    fn function_literal(&self) -> Option<String> {
        for (_, f) in self.stack.iter().rev() {
            match f.kind {
                super::FuncKind::Closure => continue,
                super::FuncKind::TopLevel => return Some(self.env.module_name.clone()),
                _ => return f.function_literal.clone(),
            }
        }
        None
    }

    /// `#file`, `#fileID`, `#line`, `#column`: a literal of the script's path, its
    /// `module/file.swift` identity, or the position where it is written.
    fn magic_literal(&mut self, m: crate::syntax::ast::Magic, span: Span) -> TExpr<'s> {
        use crate::syntax::ast::Magic;
        let text = match m {
            Magic::Line(n) | Magic::Column(n) => {
                return self.mk(TypeTable::INT, TExprKind::Int(i64::from(n)), span);
            }
            Magic::File => self.env.script_path.clone(),
            Magic::Function => match self.function_literal() {
                Some(name) => name,
                None => {
                    self.error("'#function' is not supported here yet", span);
                    return self.error_expr(span);
                }
            },
            Magic::FileId => {
                let file = std::path::Path::new(&self.env.script_path)
                    .file_name()
                    .and_then(|f| f.to_str())
                    .unwrap_or("main.swift")
                    .to_string();
                format!("{}/{file}", self.env.module_name)
            }
        };
        let t = self.text(&text);
        self.mk(TypeTable::STRING, TExprKind::Str(t), span)
    }
}

/// The value of a floating-point literal, or of an integer literal typed as `Double`: the
/// same parser as `Double(String)` (correctly rounded, hexadecimal included), so a literal
/// and the string of its digits give the same `Double`.
fn parse_float(text: &str) -> f64 {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(d) = crate::text::parse_double(&clean) {
        return d;
    }
    // Binary and octal integer literals (strtod reads neither).
    for (prefix, radix) in [("0b", 2), ("0o", 8)] {
        if let Some(digits) = clean.strip_prefix(prefix) {
            return u128::from_str_radix(digits, radix).map_or(f64::INFINITY, |v| v as f64);
        }
    }
    f64::NAN
}

/// Global functions that exist only after `import Foundation`.
pub(super) fn builtins_needing_foundation(name: &str) -> bool {
    matches!(
        name,
        "sqrt"
            | "pow"
            | "sin"
            | "cos"
            | "tan"
            | "floor"
            | "ceil"
            | "round"
            | "exp"
            | "log"
            | "log2"
            | "log10"
            | "atan2"
            | "fabs"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_literals() {
        assert_eq!(parse_int("1_000"), Some(Some(1000)));
        assert_eq!(parse_int("0xff"), Some(Some(255)));
        assert_eq!(parse_int("0b101"), Some(Some(5)));
        assert_eq!(parse_int("0o17"), Some(Some(15)));
        assert_eq!(parse_int("9223372036854775808"), Some(None));
        assert_eq!(parse_int_neg("9223372036854775808"), Some(Some(i64::MIN)));
        assert_eq!(parse_float("0x1p4"), 16.0);
        assert_eq!(parse_float("1_000.5"), 1000.5);
        // Correctly rounded: just over half an ulp above 1 rounds up.
        assert_eq!(parse_float("0x1.000000000000081p0"), 1.0000000000000002);
        assert_eq!(parse_float("0x1.00000000000008p0"), 1.0);
        assert_eq!(
            parse_float("0b1_0000000000000000000000000000000000000000000000000000000000000000"),
            18446744073709551616.0
        );
    }
}
