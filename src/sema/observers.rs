//! Property observers and overridable property setters.
//!
//! A stored property with `willSet` / `didSet` (declared, or added by a subclass's
//! `override var x { didSet {...} }`) gets a synthesized setter, `T.x.set(self, newValue)`,
//! that runs `willSet`, stores (through the inherited setter, for an override, so the
//! superclass's observers run inside the subclass's, as in Swift), and runs `didSet`. Every
//! write to the property goes through that setter: plain and compound assignment, `inout`
//! arguments and mutation in place (`c.items.append(3)`, `c.pt.x = 1`), which the compiler
//! lowers to a read, the mutation and a write back. Only a write to `self`'s own property
//! inside the declaring type's initializer or inside the property's own observers stores
//! directly (Swift's rule).
//!
//! For classes the setter is also the vtable entry `x.set`, as a computed property's setter
//! is: a write through a superclass-typed reference dispatches to the override when some
//! subclass overrides the property.

use super::ir::*;
use super::types::{TypeId, TypeTable};
use super::{Checker, FuncKind};
use crate::syntax::ast::Span;

impl<'e, 's> Checker<'e, 's> {
    /// The vtable key of a class property's setter.
    pub(super) fn setter_key(&mut self, name: &str) -> u32 {
        self.types().method_key(&format!("{name}.set"), &[])
    }

    /// The vtable key of a class property's getter.
    pub(super) fn getter_key(&mut self, name: &str) -> u32 {
        self.types().method_key(&format!("{name}.get"), &[])
    }

    /// Reserves the `willSet` / `didSet` functions of stored property `index` of `ty` and
    /// synthesizes the setter that runs them. For an override, the new setter wraps the
    /// inherited one; a property that had no setter gets a plain one in the class that
    /// declares it, so a write through a superclass reference can dispatch.
    pub(super) fn attach_observers(
        &mut self,
        ty: TypeId,
        index: usize,
        will: bool,
        did: bool,
        span: Span,
    ) {
        let reserve = |c: &mut Self| {
            let id = c.reserve_func();
            c.global_index(id)
        };
        let will = will.then(|| reserve(self));
        let did = did.then(|| reserve(self));
        let Some(field) = self.field_info(ty, index) else {
            return;
        };
        let is_class = self.is_class_type(ty);
        let mut inner = field.setter;
        if is_class && inner.is_none() {
            if let Some(owner) = self.declaring_class(ty, index) {
                if owner != ty {
                    let plain = self.synth_setter(owner, index, None, None, None, span);
                    self.set_inherited_setter(owner, index, plain);
                    inner = Some(plain);
                }
            }
        }
        let setter = self.synth_setter(ty, index, will, did, inner, span);
        if let Some(f) = self.nominal_mut(ty).and_then(|n| n.fields.get_mut(index)) {
            f.will_set = will;
            f.did_set = did;
            f.setter = Some(setter);
            f.super_setter = inner;
        }
        if is_class {
            let key = self.setter_key(&field.name);
            self.set_vtable_entry(ty, key, setter);
        }
    }

    fn field_info(&self, ty: TypeId, index: usize) -> Option<super::types::FieldInfo> {
        self.env.types.nominal(ty)?.fields.get(index).cloned()
    }

    /// The class along `ty`'s superclass chain that declares stored property `index`.
    fn declaring_class(&self, ty: TypeId, index: usize) -> Option<TypeId> {
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if index >= n.own_fields_start {
                return Some(c);
            }
            cur = n.superclass;
        }
        None
    }

    /// Gives `owner` and every class already declared below it that has no setter of its
    /// own for property `index` the setter `func` (field and vtable entry).
    fn set_inherited_setter(&mut self, owner: TypeId, index: usize, func: u32) {
        let Some(name) = self
            .env
            .types
            .nominal(owner)
            .and_then(|n| n.fields.get(index))
            .map(|f| f.name.clone())
        else {
            return;
        };
        let key = self.setter_key(&name);
        let classes: Vec<TypeId> = (0..self.env.types.nominals.len())
            .filter_map(|i| self.env.types.nominal_type(i))
            .filter(|t| self.env.types.is_subclass(*t, owner))
            .collect();
        for c in classes {
            let has_own = self
                .env
                .types
                .nominal(c)
                .and_then(|n| n.fields.get(index))
                .is_some_and(|f| f.setter.is_some());
            if has_own {
                continue;
            }
            if let Some(f) = self.nominal_mut(c).and_then(|n| n.fields.get_mut(index)) {
                f.setter = Some(func);
            }
            self.set_vtable_entry(c, key, func);
        }
    }

    /// `T.x.set(self, newValue)`: `willSet`, the store (through `inner` when it wraps an
    /// inherited setter), `didSet` with the old value. `self` is `inout` for value types.
    fn synth_setter(
        &mut self,
        ty: TypeId,
        index: usize,
        will: Option<u32>,
        did: Option<u32>,
        inner: Option<u32>,
        span: Span,
    ) -> u32 {
        let id = self.reserve_func();
        let func = self.global_index(id);
        let Some(field) = self.field_info(ty, index) else {
            return func;
        };
        let is_class = self.is_class_type(ty);
        let name = format!("{}.{}.set", self.ty_name(ty), field.name);
        let ctx = self.new_func_ctx(name, FuncKind::Global, Some(TypeTable::VOID), span);
        self.stack.push((id, ctx));
        let me = self.declare_self(ty, !is_class);
        if !is_class {
            self.cur().ir.inout_params.push(0);
        }
        let new_value = self.declare_local("newValue", field.ty, false);
        self.cur().ir.param_count = 2;
        let field_index = u32::try_from(index).unwrap_or(u32::MAX);
        let self_place = Place::Var(VarRef::Local(me), ty);
        let self_arg = |c: &mut Self| -> TExpr<'s> {
            if is_class {
                c.mk(ty, TExprKind::Var(VarRef::Local(me)), span)
            } else {
                let p = c.alloc(self_place);
                c.mk(ty, TExprKind::InOut(p), span)
            }
        };
        let new_arg = |c: &mut Self| c.mk(field.ty, TExprKind::Var(VarRef::Local(new_value)), span);
        let mut stmts = Vec::new();
        if let Some(w) = will {
            let args = vec![self_arg(self), new_arg(self)];
            let call = self.call_func_index(w, TypeTable::VOID, args, span);
            stmts.push(TStmt {
                kind: TStmtKind::Expr(call),
                span,
            });
        }
        let raw = if is_class {
            let b = self.mk(ty, TExprKind::Var(VarRef::Local(me)), span);
            let bb = self.boxed(b);
            Place::ObjField(bb, field_index, field.ty)
        } else {
            let bp = self.alloc(self_place);
            Place::TupleField(bp, field_index, field.ty)
        };
        let old = self.temp(field.ty);
        if did.is_some() {
            let current = self.place_value_pub(&raw, span);
            stmts.push(TStmt {
                kind: TStmtKind::Init(VarRef::Local(old), current),
                span,
            });
        }
        let store = match inner {
            Some(s) => {
                let args = vec![self_arg(self), new_arg(self)];
                self.call_func_index(s, TypeTable::VOID, args, span)
            }
            None => {
                let v = new_arg(self);
                let v = if is_class {
                    v
                } else {
                    self.struct_field_value(ty, field_index, v)
                };
                let p = self.alloc(raw);
                let vb = self.boxed(v);
                self.mk(TypeTable::VOID, TExprKind::Assign(p, vb), span)
            }
        };
        stmts.push(TStmt {
            kind: TStmtKind::Expr(store),
            span,
        });
        if let Some(d) = did {
            let old_value = self.mk(field.ty, TExprKind::Var(VarRef::Local(old)), span);
            let args = vec![self_arg(self), old_value];
            let call = self.call_func_index(d, TypeTable::VOID, args, span);
            stmts.push(TStmt {
                kind: TStmtKind::Expr(call),
                span,
            });
        }
        let body = self.slice(stmts);
        self.finish_func(body, TypeTable::VOID);
        func
    }

    /// Whether a subclass of class `ty` (declared so far) binds vtable `key` to another
    /// function than `ty` does: a member access through a `ty` reference must dispatch.
    pub(super) fn overridden_below(&self, ty: TypeId, key: u32) -> bool {
        let own = self.vtable_entry(ty, key);
        (0..self.env.types.nominals.len())
            .filter_map(|i| self.env.types.nominal_type(i))
            .filter(|t| *t != ty && self.env.types.is_subclass(*t, ty))
            .any(|t| self.vtable_entry(t, key) != own)
    }

    fn vtable_entry(&self, ty: TypeId, key: u32) -> Option<u32> {
        self.env
            .types
            .nominal(ty)?
            .vtable
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| *f)
    }

    /// How a write to stored property `index` of `owner` goes: through its observing setter
    /// (dispatched on the instance's class), or, for `self`'s own property inside the
    /// declaring type's initializer or inside the property's own observers, directly: a
    /// store, or for an override's observers the inherited setter called statically.
    pub(super) fn observed_setter(
        &self,
        owner: TypeId,
        index: usize,
        base_is_self: bool,
    ) -> FieldWrite {
        let Some(n) = self.env.types.nominal(owner) else {
            return FieldWrite::Store;
        };
        let Some(field) = n.fields.get(index) else {
            return FieldWrite::Store;
        };
        let Some(setter) = field.setter else {
            return FieldWrite::Store;
        };
        if base_is_self {
            let f = self.cur_ref();
            if f.init_of.is_some() && f.self_type == Some(owner) && index >= n.own_fields_start {
                return FieldWrite::Store;
            }
            let current = self.stack.last().map(|(id, _)| self.global_index(*id));
            if current.is_some() && (current == field.will_set || current == field.did_set) {
                return field
                    .super_setter
                    .map_or(FieldWrite::Store, FieldWrite::Static);
            }
        }
        FieldWrite::Setter(setter)
    }

    /// Whether an expression is the enclosing method's `self`.
    pub(super) fn is_self_expr(&self, e: &TExpr<'s>) -> bool {
        match e.kind {
            TExprKind::Var(VarRef::Local(v)) => self.is_self_var(v),
            _ => false,
        }
    }

    /// Whether a place is the enclosing method's `self`.
    pub(super) fn is_self_place(&self, p: &Place<'s>) -> bool {
        matches!(p, Place::Var(VarRef::Local(v), _) if self.is_self_var(*v))
    }

    fn is_self_var(&self, v: VarId) -> bool {
        self.cur_ref().self_type.is_some()
            && self
                .cur_ref()
                .ir
                .locals
                .get(v.0 as usize)
                .is_some_and(|l| l.name == "self")
    }

    /// How a class property place reads or writes through accessor `func` registered under
    /// vtable `key`: dispatched when a subclass overrides it, else called directly.
    pub(super) fn class_accessor(&self, ty: TypeId, key: u32, func: u32) -> Accessor {
        if self.overridden_below(ty, key) {
            Accessor::Method(key)
        } else {
            Accessor::Func(func)
        }
    }

    /// Whether `b` is `super` (the method's `self` seen as its superclass): its members
    /// are the superclass's own, never dispatched to an override.
    pub(super) fn is_super_expr(&self, b: &TExpr<'s>) -> bool {
        self.is_self_expr(b) && self.cur_ref().self_type != Some(b.ty)
    }

    /// Stored property `index` of the instance `b` as a place: through its setter when it
    /// is observed here or in a subclass (see [`Self::observed_setter`]), else the field.
    pub(super) fn class_field_place(
        &mut self,
        b: &'s TExpr<'s>,
        index: u32,
        ty: TypeId,
    ) -> Place<'s> {
        let i = index as usize;
        let Some(name) = self
            .env
            .types
            .nominal(b.ty)
            .and_then(|n| n.fields.get(i))
            .map(|f| f.name.clone())
        else {
            return Place::ObjField(b, index, ty);
        };
        let set_key = self.setter_key(&name);
        let is_super = self.is_super_expr(b);
        let setter = match self.observed_setter(b.ty, i, self.is_self_expr(b)) {
            FieldWrite::Setter(s) if is_super => Some(Accessor::Func(s)),
            FieldWrite::Setter(s) => Some(self.class_accessor(b.ty, set_key, s)),
            FieldWrite::Static(s) => Some(Accessor::Func(s)),
            // A subclass may add observers to a property this class does not observe.
            FieldWrite::Store if !is_super && self.overridden_below(b.ty, set_key) => {
                Some(Accessor::Method(set_key))
            }
            FieldWrite::Store => None,
        };
        match setter {
            Some(setter) => Place::ObjComputed(b, Accessor::Field(index), setter, ty),
            None => Place::ObjField(b, index, ty),
        }
    }

    /// Stored property `index` of the struct in place `bp`: through its setter when it is
    /// observed, else the field.
    pub(super) fn struct_field_place(
        &mut self,
        bp: &'s Place<'s>,
        index: u32,
        ty: TypeId,
    ) -> Place<'s> {
        let base_ty = super::place::place_type(bp);
        match self.observed_setter(base_ty, index as usize, self.is_self_place(bp)) {
            FieldWrite::Setter(s) | FieldWrite::Static(s) => {
                Place::Computed(bp, Accessor::Field(index), s, ty)
            }
            FieldWrite::Store => Place::TupleField(bp, index, ty),
        }
    }
}

/// How a write to an observed stored property is made.
pub(super) enum FieldWrite {
    /// Through the property's setter, which runs its observers (dispatched for classes).
    Setter(u32),
    /// Through this setter, called directly (an override's observers writing the property).
    Static(u32),
    /// A plain store.
    Store,
}
