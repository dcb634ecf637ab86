//! Type members of classes (`static` / `class` methods and computed properties), which Swift
//! dispatches on the metatype: inside `Shape.describe()`, a bare `kind` means `Self.kind`,
//! and `Self` is `Circle` when the call was `Circle.describe()`.
//!
//! A class's type members take a hidden first parameter, the metatype (the class's nominal
//! index as an Int), and have vtable entries under `static name(labels)` keys; the VM's
//! method call dispatches on an Int receiver through that class's vtable.

use super::ir::*;
use super::types::{ComputedInfo, MethodInfo, TypeId, TypeTable};
use super::{Checker, Resolved};
use crate::syntax::ast::{Arg, Span};

/// The hidden parameter holding the metatype (not a name a script can write).
pub(super) const METATYPE: &str = "$metatype";

impl<'e, 's> Checker<'e, 's> {
    /// The vtable key of a type method.
    pub(super) fn static_method_key(&mut self, name: &str, labels: &[Option<String>]) -> u32 {
        self.types().method_key(&format!("static {name}"), labels)
    }

    /// The vtable key of a type computed property's getter.
    pub(super) fn static_getter_key(&mut self, name: &str) -> u32 {
        self.types().method_key(&format!("static {name}.get"), &[])
    }

    /// Registers a class's type member under `key`, replacing an inherited entry.
    pub(super) fn set_vtable_entry(&mut self, ty: TypeId, key: u32, func: u32) {
        let Some(i) = self.env.types.nominal_index(ty) else {
            return;
        };
        if let Some(n) = self.env.types.nominals.get_mut(i as usize) {
            match n.vtable.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = func,
                None => n.vtable.push((key, func)),
            }
        }
    }

    /// A type method named `name` of `ty` or, for classes, of a superclass.
    pub(super) fn find_static_method(&self, ty: TypeId, name: &str) -> Option<MethodInfo> {
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if let Some(m) = n.methods.iter().find(|m| m.is_static && m.name == name) {
                return Some(m.clone());
            }
            cur = n.superclass;
        }
        None
    }

    /// A type computed property of `ty` or of a superclass.
    pub(super) fn find_static_computed(&self, ty: TypeId, name: &str) -> Option<ComputedInfo> {
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if let Some(cp) = n.computed.iter().find(|cp| cp.is_static && cp.name == name) {
                return Some(cp.clone());
            }
            cur = n.superclass;
        }
        None
    }

    /// A static stored property of `ty` or of a superclass: its global and type.
    pub(super) fn find_static_stored(&self, ty: TypeId, name: &str) -> Option<(u32, TypeId)> {
        let mut cur = Some(ty);
        while let Some(c) = cur {
            let n = self.env.types.nominal(c)?;
            if let Some((_, g, t)) = n.statics.iter().find(|(n, _, _)| n == name) {
                return Some((*g, *t));
            }
            cur = n.superclass;
        }
        None
    }

    /// Declares the hidden metatype parameter of a class's type member being checked.
    pub(super) fn declare_metatype_param(&mut self) {
        self.declare_local(METATYPE, TypeTable::INT, false);
    }

    /// The metatype of the type member being checked (`Self`), when inside one of a class.
    fn current_metatype(&mut self, span: Span) -> Option<TExpr<'s>> {
        match self.lookup(METATYPE)? {
            Resolved::Var(r) => Some(self.mk(TypeTable::INT, TExprKind::Var(r), span)),
            _ => None,
        }
    }

    /// The metatype value naming class `ty` itself.
    fn metatype_of(&mut self, ty: TypeId, span: Span) -> TExpr<'s> {
        let index = self.env.types.nominal_index(ty).unwrap_or(0);
        self.mk(TypeTable::INT, TExprKind::Int(i64::from(index)), span)
    }

    /// `T.m(args)`: the method as `T` sees it, with `T` as `Self`.
    pub(super) fn call_type_method(
        &mut self,
        ty: TypeId,
        mi: &MethodInfo,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let mut targs = Vec::new();
        if self.is_class_type(ty) {
            targs.push(self.metatype_of(ty, span));
        }
        targs.extend(self.method_args(mi, args, span));
        self.call_func_index(mi.func, mi.result, targs, span)
    }

    /// A bare `m(args)` inside a type member: dispatched on `Self` in a class.
    pub(super) fn call_self_type_method(
        &mut self,
        mi: &MethodInfo,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let Some(meta) = self.current_metatype(span) else {
            let targs = self.method_args(mi, args, span);
            return self.call_func_index(mi.func, mi.result, targs, span);
        };
        let key = self.static_method_key(&mi.name, &mi.labels);
        let mut targs = vec![meta];
        targs.extend(self.method_args(mi, args, span));
        let targs = self.slice(targs);
        self.mk(mi.result, TExprKind::CallMethod(key, targs), span)
    }

    /// `super.m(args)` inside a class's type member: the superclass's method, `Self` kept.
    pub(super) fn call_super_type_method(
        &mut self,
        mi: &MethodInfo,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let mut targs = Vec::new();
        if let Some(meta) = self.current_metatype(span) {
            targs.push(meta);
        }
        targs.extend(self.method_args(mi, args, span));
        self.call_func_index(mi.func, mi.result, targs, span)
    }

    /// `T.p` for a type computed property, with `T` as `Self`.
    pub(super) fn get_type_property(
        &mut self,
        ty: TypeId,
        c: &ComputedInfo,
        span: Span,
    ) -> TExpr<'s> {
        let args = if self.is_class_type(ty) {
            vec![self.metatype_of(ty, span)]
        } else {
            Vec::new()
        };
        self.call_func_index(c.getter, c.ty, args, span)
    }

    /// A bare `p` inside a type member: dispatched on `Self` in a class.
    pub(super) fn get_self_type_property(&mut self, c: &ComputedInfo, span: Span) -> TExpr<'s> {
        let Some(meta) = self.current_metatype(span) else {
            return self.call_func_index(c.getter, c.ty, Vec::new(), span);
        };
        let key = self.static_getter_key(&c.name);
        let targs = self.slice(vec![meta]);
        self.mk(c.ty, TExprKind::CallMethod(key, targs), span)
    }
}
