//! Assignment and places: what `x = v`, `x op= v`, `&x` and mutating calls write to (a
//! variable, a tuple or struct field, an array element, a dictionary entry, a class
//! instance's stored or computed property), and the property observers an assignment runs.

use super::ir::*;
use super::types::{ComputedInfo, Type, TypeId, TypeTable};
use super::{Checker, Resolved};
use crate::stdlib::Builtin;
use crate::syntax::ast::*;
use crate::syntax::token::BinOp;

impl<'e, 's> Checker<'e, 's> {
    /// Assigning to a `let` stored property outside an initializer.
    fn let_property_error(&mut self, name: &str, at: Span) {
        self.error_with_note(
            format!("cannot assign to property: '{name}' is a 'let' constant"),
            at,
            "change 'let' to 'var' to make it mutable",
        );
    }

    pub(super) fn assign(
        &mut self,
        op: BinOp,
        target: &Expr<'_>,
        value: &Expr<'_>,
        span: Span,
    ) -> TExpr<'s> {
        let target = match target.kind {
            ExprKind::Paren(inner) => inner,
            _ => target,
        };
        if let (BinOp::Assign, ExprKind::Tuple(elems)) = (op, target.kind) {
            return self.tuple_assign(elems, value, span);
        }
        // `a?.b = v`: assigns only when `a` is not nil (the value is evaluated only then).
        if let Some(chain) = self.chain_root(target) {
            if let ExprKind::OptionalChain(inner) = chain.kind {
                let base = self.check_expr(inner, None);
                let Some(unwrapped) = self.env.types.optional_inner(base.ty) else {
                    if !self.types().is_error(base.ty) {
                        let n = self.ty_name(base.ty);
                        self.error(
                            format!(
                                "cannot use optional chaining on non-optional value of type '{n}'"
                            ),
                            chain.span,
                        );
                    }
                    return self.error_expr(span);
                };
                let var = self.temp(unwrapped);
                let key = chain as *const Expr<'_> as usize;
                let sub = self.mk(unwrapped, TExprKind::Var(VarRef::Local(var)), chain.span);
                self.chain_subst.push((key, sub));
                let rest = self.assign(op, target, value, span);
                self.chain_subst.retain(|(k, _)| *k != key);
                let void_opt = self.types().optional(TypeTable::VOID);
                let rb = self.boxed(rest);
                let wrapped = self.mk(void_opt, TExprKind::WrapOptional(rb), span);
                let (bb, wb) = (self.boxed(base), self.boxed(wrapped));
                return self.mk(
                    void_opt,
                    TExprKind::OptionalChain {
                        base: bb,
                        var,
                        rest: wb,
                    },
                    span,
                );
            }
        }
        if let ExprKind::Name("_") = target.kind {
            let v = self.check_expr(value, None);
            let b = self.boxed(v);
            let p = self.alloc(Place::Discard);
            return self.mk(TypeTable::VOID, TExprKind::Assign(p, b), span);
        }
        let kind = if op == BinOp::Assign {
            super::access::WriteKind::Assign
        } else {
            super::access::WriteKind::Operator
        };
        let saved = std::mem::replace(&mut self.write_kind, kind);
        let place = self.place(target, true);
        self.write_kind = saved;
        let Some(place) = place else {
            let _ = self.check_expr(value, None);
            return self.error_expr(span);
        };
        let place_ty = place_type(&place);
        let p = self.alloc(place);
        match op {
            BinOp::Compound(c) => {
                let v = self.check_expr(value, Some(place_ty));
                let v = if c.binary() == BinOp::Add
                    && place_ty == TypeTable::STRING
                    && v.ty == TypeTable::CHARACTER
                {
                    v
                } else {
                    self.coerce(
                        v,
                        place_ty,
                        "cannot convert value of type '{}' to expected argument type '{}'",
                    )
                };
                if place_ty == TypeTable::STRING && c.binary() == BinOp::Add {
                    // `s += x` appends in place (no copy when the string is unique).
                    let place_expr = self.mk(place_ty, TExprKind::InOut(p), target.span);
                    let args = self.slice(vec![place_expr, v]);
                    return self.mk(
                        TypeTable::VOID,
                        TExprKind::Builtin(Builtin::StrAppend, args),
                        span,
                    );
                }
                if matches!(self.ty(place_ty), Type::Array(_) | Type::ArraySlice(_))
                    && c.binary() == BinOp::Add
                {
                    let place_expr = self.mk(place_ty, TExprKind::InOut(p), target.span);
                    let args = self.slice(vec![place_expr, v]);
                    return self.mk(
                        TypeTable::VOID,
                        TExprKind::Builtin(Builtin::ArrAppendContents, args),
                        span,
                    );
                }
                match self.binary_kind(c.binary(), place_ty, v.ty) {
                    Some((kind, _)) => {
                        let b = self.boxed(v);
                        self.mk(TypeTable::VOID, TExprKind::CompoundAssign(kind, p, b), span)
                    }
                    None => {
                        if !self.types().is_error(place_ty) {
                            let (x, y) = (self.ty_name(place_ty), self.ty_name(v.ty));
                            self.error(format!("binary operator '{}' cannot be applied to operands of type '{x}' and '{y}'", c.spelling()), span);
                        }
                        self.error_expr(span)
                    }
                }
            }
            _ => {
                let v = self.check_expr_as(
                    value,
                    place_ty,
                    "cannot assign value of type '{}' to type '{}'",
                );
                let v = match *p {
                    Place::Var(r, _) => self.value_for_var(r, v),
                    Place::TupleField(bp, i, _) => self.struct_field_value(place_type(bp), i, v),
                    _ => v,
                };
                let b = self.boxed(v);
                self.mk(TypeTable::VOID, TExprKind::Assign(p, b), span)
            }
        }
    }

    /// `(a, b) = (b, a)`: the value is evaluated once into a temporary, then each element is
    /// assigned its field.
    pub(super) fn tuple_assign(
        &mut self,
        elems: &[Arg<'_>],
        value: &Expr<'_>,
        span: Span,
    ) -> TExpr<'s> {
        let mut places = Vec::with_capacity(elems.len());
        for a in elems {
            let p = match a.value.kind {
                ExprKind::Name("_") => Some(Place::Discard),
                _ => self.place(a.value, true),
            };
            places.push(p);
        }
        let types: Vec<(Option<String>, TypeId)> = places
            .iter()
            .map(|p| (None, p.as_ref().map_or(TypeTable::ERROR, place_type)))
            .collect();
        let tuple_ty = self.types().tuple(types);
        let v = self.check_expr_as(
            value,
            tuple_ty,
            "cannot assign value of type '{}' to type '{}'",
        );
        let tmp = self.temp(tuple_ty);
        let mut stmts = vec![TStmt {
            kind: TStmtKind::Init(VarRef::Local(tmp), v),
            span,
        }];
        for (i, p) in places.into_iter().enumerate() {
            let Some(p) = p else { continue };
            let whole = self.mk(tuple_ty, TExprKind::Var(VarRef::Local(tmp)), span);
            let wb = self.boxed(whole);
            let field_ty = place_type(&p);
            let field = self.mk(
                field_ty,
                TExprKind::TupleField(wb, u32::try_from(i).unwrap_or(0)),
                span,
            );
            let (pp, fb) = (self.alloc(p), self.boxed(field));
            let assign = self.mk(TypeTable::VOID, TExprKind::Assign(pp, fb), span);
            stmts.push(TStmt {
                kind: TStmtKind::Expr(assign),
                span,
            });
        }
        let stmts = self.slice(stmts);
        let void = self.mk(TypeTable::VOID, TExprKind::Void, span);
        let vb = self.boxed(void);
        self.mk(TypeTable::VOID, TExprKind::Seq(stmts, vb), span)
    }

    /// An assignable place (`x`, `a[i]`, `d[k]`, `t.0`); `write`: reports immutability.
    pub(super) fn place(&mut self, e: &Expr<'_>, write: bool) -> Option<Place<'s>> {
        // The unwrapped value of an optional chain being lowered (`a?.b = v`).
        let key = e as *const Expr<'_> as usize;
        if let Some(TExpr {
            kind: TExprKind::Var(r),
            ty,
            ..
        }) = self
            .chain_subst
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| *t)
        {
            return Some(Place::Var(r, ty));
        }
        match e.kind {
            ExprKind::Name(name)
                if !matches!(
                    self.lookup(name),
                    Some(Resolved::Var(VarRef::Local(_) | VarRef::Capture(_)))
                ) && self
                    .self_type_in_scope()
                    .is_some_and(|t| self.find_member(t, name).is_some()) =>
            {
                // An implicit `self.name`.
                let me = Expr {
                    kind: ExprKind::Name("self"),
                    span: e.span,
                };
                let base_place = self.place(&me, false)?;
                if write && !self.is_class_type(place_type(&base_place)) {
                    if let Place::Var(r, _) = base_place {
                        if !self.var_info(r).1 && self.cur_ref().init_of.is_none() {
                            self.error(
                                format!("cannot assign to property: 'self' is immutable"),
                                e.span,
                            );
                            return None;
                        }
                    }
                }
                self.member_place(base_place, Ident { name, span: e.span }, write, e.span)
            }
            ExprKind::SelfValue => {
                let e2 = Expr {
                    kind: ExprKind::Name("self"),
                    span: e.span,
                };
                let p = self.place(&e2, false)?;
                if write && !self.is_class_type(place_type(&p)) {
                    if let Place::Var(r, _) = p {
                        let (_, mutable, _) = self.var_info(r);
                        if !mutable {
                            self.error("cannot assign to value: 'self' is immutable", e.span);
                            return None;
                        }
                    }
                }
                Some(p)
            }
            ExprKind::Name(name)
                if self.lookup(name).is_none() && self.static_place(name).is_some() =>
            {
                self.static_place(name)
            }
            ExprKind::Name(name) => match self.lookup(name) {
                Some(Resolved::Var(r)) => {
                    let (ty, mutable, _) = self.var_info(r);
                    if write && !mutable {
                        self.error_with_note(
                            format!("cannot assign to value: '{name}' is a 'let' constant"),
                            e.span,
                            "change 'let' to 'var' to make it mutable",
                        );
                    }
                    Some(Place::Var(r, ty))
                }
                Some(_) => {
                    self.error(
                        format!("cannot assign to value: '{name}' is a function"),
                        e.span,
                    );
                    None
                }
                None => {
                    self.error(format!("cannot find '{name}' in scope"), e.span);
                    None
                }
            },
            ExprKind::Paren(inner) => self.place(inner, write),
            ExprKind::ForceUnwrap(inner) => match inner.kind {
                ExprKind::Subscript(base, [Arg { label: None, value }]) => {
                    let base_place = self.place(base, write)?;
                    let base_ty = place_type(&base_place);
                    let Type::Dictionary(k, v) = self.ty(base_ty) else {
                        if write {
                            self.error("cannot assign to this expression", e.span);
                        }
                        return None;
                    };
                    let key = self.check_expr_as(
                        value,
                        k,
                        "cannot convert value of type '{}' to expected argument type '{}'",
                    );
                    let (bp, kb) = (self.alloc(base_place), self.boxed(key));
                    Some(Place::DictForce(bp, kb, v))
                }
                _ => {
                    // `opt! = v`, `c.o! += 1`: the optional place, unwrapped.
                    let base_place = self.place(inner, write)?;
                    let base_ty = place_type(&base_place);
                    let Some(wrapped) = self.env.types.optional_inner(base_ty) else {
                        let n = self.ty_name(base_ty);
                        self.error(
                            format!("cannot force unwrap value of non-optional type '{n}'"),
                            e.span,
                        );
                        return None;
                    };
                    let bp = self.alloc(base_place);
                    Some(Place::Unwrapped(bp, wrapped))
                }
            },
            ExprKind::Subscript(base, args) => {
                let base_place = self.place(base, write)?;
                let base_ty = place_type(&base_place);
                let bp = self.alloc(base_place);
                match (self.ty(base_ty), args) {
                    (Type::Array(elem) | Type::ArraySlice(elem), [Arg { label: None, value }]) => {
                        let i = self.check_expr_as(
                            value,
                            TypeTable::INT,
                            "cannot convert value of type '{}' to expected argument type '{}'",
                        );
                        let ib = self.boxed(i);
                        Some(Place::Index(bp, ib, elem))
                    }
                    (Type::Dictionary(k, v), [Arg { label: None, value }]) => {
                        let key = self.check_expr_as(
                            value,
                            k,
                            "cannot convert value of type '{}' to expected argument type '{}'",
                        );
                        let kb = self.boxed(key);
                        let ov = self.types().optional(v);
                        Some(Place::DictKey(bp, kb, ov))
                    }
                    (
                        Type::Dictionary(k, v),
                        [Arg { label: None, value }, Arg {
                            label: Some(l),
                            value: d,
                        }],
                    ) if l.name == "default" => {
                        let key = self.check_expr_as(
                            value,
                            k,
                            "cannot convert value of type '{}' to expected argument type '{}'",
                        );
                        let def = self.check_expr_as(
                            d,
                            v,
                            "cannot convert value of type '{}' to expected argument type '{}'",
                        );
                        let (kb, db) = (self.boxed(key), self.boxed(def));
                        Some(Place::DictKeyDefault(bp, kb, db, v))
                    }
                    (Type::Error, _) => None,
                    _ => {
                        let name = self.ty_name(base_ty);
                        self.error(
                            format!("cannot assign through subscript of type '{name}'"),
                            e.span,
                        );
                        None
                    }
                }
            }
            ExprKind::TupleIndex(base, i, ispan) => {
                let base_place = self.place(base, write)?;
                let base_ty = place_type(&base_place);
                match self.ty(base_ty) {
                    Type::Tuple(elems) => match elems.get(i as usize) {
                        Some((_, t)) => {
                            let bp = self.alloc(base_place);
                            Some(Place::TupleField(bp, i, *t))
                        }
                        None => {
                            self.error(
                                format!(
                                    "value of tuple type '{}' has no member '{i}'",
                                    self.ty_name(base_ty)
                                ),
                                ispan,
                            );
                            None
                        }
                    },
                    _ => None,
                }
            }
            ExprKind::Member(base, name) => {
                // Static stored properties.
                if let ExprKind::Name(tn) = base.kind {
                    if let Some(t) = self.user_type_named(tn) {
                        let statics = self
                            .env
                            .types
                            .nominal(t)
                            .map(|n| n.statics.clone())
                            .unwrap_or_default();
                        if let Some((_, g, ty)) = statics.iter().find(|(n, _, _)| n == name.name) {
                            self.check_member_access(t, name, write);
                            return Some(Place::Var(VarRef::Global(*g), *ty));
                        }
                    }
                }
                // A class reference need not be a mutable place to have its properties set:
                // evaluate it as a value (`john!.card = c`, `list[0].value = 1`).
                if self.peek_type(base).is_some_and(|t| self.is_class_type(t))
                    && !self.is_simple_place(base)
                {
                    let b = self.check_expr(base, None);
                    return self.class_member_place(b, name, write, e.span);
                }
                // Labeled tuple elements and struct properties are places too.
                let base_is_ref = self.peek_type(base).is_some_and(|t| self.is_class_type(t));
                let base_place = self.place(base, write && !base_is_ref)?;
                self.member_place(base_place, name, write, e.span)
            }
            ExprKind::SuperMember(name) => {
                // `super.level = v`: the superclass's own property, not the override.
                let sup = self
                    .self_type_in_scope()
                    .and_then(|t| self.env.types.nominal(t))
                    .and_then(|n| n.superclass)?;
                let me = Expr {
                    kind: ExprKind::SelfValue,
                    span: e.span,
                };
                let b = self.check_expr(&me, None);
                let b = TExpr { ty: sup, ..b };
                self.class_member_place(b, name, write, e.span)
            }
            _ => {
                if write {
                    self.error("cannot assign to this expression", e.span);
                }
                None
            }
        }
    }

    /// `base.name` as a place: a labeled tuple element, a stored or computed property.
    pub(super) fn member_place(
        &mut self,
        base_place: Place<'s>,
        name: Ident<'_>,
        write: bool,
        span: Span,
    ) -> Option<Place<'s>> {
        let base_ty = place_type(&base_place);
        self.check_member_access(base_ty, name, write);
        if self
            .env
            .types
            .nominal(base_ty)
            .is_some_and(|i| i.kind == super::types::NominalKind::Class)
        {
            // A class instance is a reference: its properties are places whatever the base.
            let base = self.place_value(&base_place, span);
            return self.class_member_place(base, name, write, span);
        }
        if let Some(info) = self.env.types.nominal(base_ty).cloned() {
            if let Some(i) = info.fields.iter().position(|f| f.name == name.name) {
                let f = &info.fields[i];
                let in_init = self.cur_ref().init_of.is_some();
                if write && !f.mutable && !in_init {
                    self.let_property_error(&f.name, name.span);
                }
                let index = u32::try_from(i).unwrap_or(0);
                let bp = self.alloc(base_place);
                return Some(self.struct_field_place(bp, index, f.ty));
            }
            if let Some(c) = info
                .computed
                .iter()
                .find(|c| c.name == name.name && !c.is_static)
            {
                let setter = self.computed_setter(c, write, name.span)?;
                let bp = self.alloc(base_place);
                return Some(Place::Computed(bp, Accessor::Func(c.getter), setter, c.ty));
            }
        }
        if let Type::Tuple(elems) = self.ty(base_ty) {
            if let Some(i) = elems
                .iter()
                .position(|(l, _)| l.as_deref() == Some(name.name))
            {
                let bp = self.alloc(base_place);
                return Some(Place::TupleField(
                    bp,
                    u32::try_from(i).unwrap_or(0),
                    elems[i].1,
                ));
            }
        }
        let _ = span;
        let tname = self.ty_name(base_ty);
        if write {
            self.error(
                format!(
                    "cannot assign to property: '{}' is a get-only property of '{tname}'",
                    name.name
                ),
                name.span,
            );
        }
        None
    }

    /// The type of a simple place expression without checking it (names, `self`, stored
    /// properties), for deciding how to treat it; `None` when it is not that simple.
    pub(super) fn peek_type(&mut self, e: &Expr<'_>) -> Option<TypeId> {
        match e.kind {
            ExprKind::SelfValue => self.self_type_in_scope(),
            ExprKind::Name(n) => match self.lookup(n) {
                Some(Resolved::Var(r)) => Some(self.var_info(r).0),
                _ => {
                    let st = self.self_type_in_scope()?;
                    match self.find_member(st, n) {
                        Some(super::nominal::Member::Field(_, t)) => Some(t),
                        _ => None,
                    }
                }
            },
            ExprKind::Member(b, n) => {
                let bt = self.peek_type(b)?;
                match self.find_member(bt, n.name) {
                    Some(super::nominal::Member::Field(_, t)) => Some(t),
                    _ => None,
                }
            }
            ExprKind::Paren(inner) => self.peek_type(inner),
            ExprKind::ForceUnwrap(inner) => {
                let t = self.peek_type(inner)?;
                Some(self.env.types.optional_inner(t).unwrap_or(t))
            }
            ExprKind::Subscript(b, [Arg { label: None, .. }]) => {
                let bt = self.peek_type(b)?;
                match self.ty(bt) {
                    Type::Array(e) | Type::ArraySlice(e) => Some(e),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A computed property's setter, for using it as a place; a get-only one is an error
    /// when written.
    pub(super) fn computed_setter(
        &mut self,
        c: &ComputedInfo,
        write: bool,
        at: Span,
    ) -> Option<u32> {
        if c.setter.is_none() && write {
            self.error(
                format!(
                    "cannot assign to property: '{}' is a get-only property",
                    c.name
                ),
                at,
            );
        }
        c.setter
    }

    /// A static stored property named bare inside a static member of its type.
    pub(super) fn static_place(&self, name: &str) -> Option<Place<'s>> {
        let st = self
            .cur_ref()
            .static_self
            .or_else(|| self.self_type_in_scope())?;
        let (g, ty) = self.find_static_stored(st, name)?;
        Some(Place::Var(VarRef::Global(g), ty))
    }

    /// Whether `e` is a variable or a chain of stored properties and subscripts of one.
    pub(super) fn is_simple_place(&self, e: &Expr<'_>) -> bool {
        match e.kind {
            ExprKind::Name(_) | ExprKind::SelfValue => true,
            ExprKind::Member(b, _) | ExprKind::TupleIndex(b, _, _) | ExprKind::Paren(b) => {
                self.is_simple_place(b)
            }
            _ => false,
        }
    }

    /// A property of a class instance as a place: stored (`ObjField`) or computed (its setter
    /// called with the instance).
    pub(super) fn class_member_place(
        &mut self,
        b: TExpr<'s>,
        name: Ident<'_>,
        write: bool,
        span: Span,
    ) -> Option<Place<'s>> {
        let ty = b.ty;
        self.check_member_access(ty, name, write);
        let info = self.env.types.nominal(ty).cloned()?;
        // A computed property along the superclass chain comes first: a subclass may
        // override an inherited stored property with a computed one.
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?.clone();
            if let Some(cp) = n
                .computed
                .iter()
                .find(|cp| cp.name == name.name && !cp.is_static)
            {
                let setter = self.computed_setter(cp, write, name.span)?;
                let (get_key, set_key) = (self.getter_key(name.name), self.setter_key(name.name));
                let (getter, setter) = if self.is_super_expr(&b) {
                    (Accessor::Func(cp.getter), Accessor::Func(setter))
                } else {
                    (
                        self.class_accessor(ty, get_key, cp.getter),
                        self.class_accessor(ty, set_key, setter),
                    )
                };
                let bb = self.boxed(b);
                return Some(Place::ObjComputed(bb, getter, setter, cp.ty));
            }
            cur = n.superclass;
        }
        if let Some(i) = info.fields.iter().position(|f| f.name == name.name) {
            let f = &info.fields[i];
            if write && !f.mutable && self.cur_ref().init_of.is_none() {
                self.let_property_error(&f.name, name.span);
            }
            let bb = self.boxed(b);
            return Some(self.class_field_place(bb, u32::try_from(i).unwrap_or(0), f.ty));
        }
        let n = self.ty_name(ty);
        self.error(
            format!("value of type '{n}' has no member '{}'", name.name),
            span,
        );
        None
    }

    /// [`Self::place_value`] for the other checker modules.
    pub(super) fn place_value_pub(&mut self, p: &Place<'s>, span: Span) -> TExpr<'s> {
        self.place_value(p, span)
    }

    /// The value a place holds, as an expression (for class references used as a base).
    pub(super) fn place_value(&mut self, p: &Place<'s>, span: Span) -> TExpr<'s> {
        match p {
            Place::Var(r, t) => self.read_var(*r, *t, span),
            Place::TupleField(b, i, t) => {
                let base = self.place_value(b, span);
                let bb = self.boxed(base);
                self.mk(*t, TExprKind::TupleField(bb, *i), span)
            }
            Place::ObjField(b, i, t) => self.mk(*t, TExprKind::ObjField(b, *i), span),
            Place::ObjComputed(b, getter, _, t) => match *getter {
                Accessor::Field(i) => self.mk(*t, TExprKind::ObjField(b, i), span),
                Accessor::Func(f) => self.call_func_index(f, *t, vec![**b], span),
                Accessor::Method(key) => {
                    let args = self.slice(vec![**b]);
                    self.mk(*t, TExprKind::CallMethod(key, args), span)
                }
            },
            Place::Index(b, i, t) => {
                let base = self.place_value(b, span);
                let args = self.slice(vec![base, **i]);
                self.mk(*t, TExprKind::Builtin(Builtin::ArrGet, args), span)
            }
            Place::DictForce(b, k, t) => {
                let base = self.place_value(b, span);
                let opt = self.types().optional(*t);
                let args = self.slice(vec![base, **k]);
                let get = self.mk(opt, TExprKind::Builtin(Builtin::DictGet, args), span);
                let gb = self.boxed(get);
                self.mk(*t, TExprKind::ForceUnwrap(gb), span)
            }
            Place::Computed(b, getter, _, t) => {
                let base = self.place_value(b, span);
                match *getter {
                    Accessor::Field(i) => {
                        let bb = self.boxed(base);
                        self.mk(*t, TExprKind::TupleField(bb, i), span)
                    }
                    Accessor::Func(f) | Accessor::Method(f) => {
                        self.call_func_index(f, *t, vec![base], span)
                    }
                }
            }
            Place::Unwrapped(b, t) => {
                let base = self.place_value(b, span);
                let bb = self.boxed(base);
                self.mk(*t, TExprKind::ForceUnwrap(bb), span)
            }
            Place::DictKey(..) | Place::DictKeyDefault(..) | Place::Discard => {
                self.error("cannot use this expression as a reference here", span);
                self.error_expr(span)
            }
        }
    }
}

/// The type a place holds.
pub(super) fn place_type(p: &Place<'_>) -> TypeId {
    match p {
        Place::Var(_, t)
        | Place::Index(_, _, t)
        | Place::DictKey(_, _, t)
        | Place::DictForce(_, _, t)
        | Place::Computed(_, _, _, t)
        | Place::ObjField(_, _, t)
        | Place::ObjComputed(_, _, _, t)
        | Place::DictKeyDefault(_, _, _, t)
        | Place::Unwrapped(_, t)
        | Place::TupleField(_, _, t) => *t,
        Place::Discard => TypeTable::ERROR,
    }
}
