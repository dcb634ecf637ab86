//! Arguments that are sequences (`s.union(xs)`, `a.append(contentsOf: xs)`): any sequence
//! is accepted, as Swift's generic `S: Sequence where S.Element == Element` signatures do, but
//! its element type must be the collection's; the argument is converted to the array or set
//! the builtin takes. A wrong element type is swiftc's requirement failure.

use super::ir::*;
use super::types::{Type, TypeId, TypeTable};
use super::Checker;
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// The argument `value` of method `method` (named as swiftc prints it: `union`,
    /// `isSubset(of:)`), a sequence of `elem`, as a value of `target` (`[elem]` or
    /// `Set<elem>`). `at` is where the method is named (swiftc's caret).
    pub(super) fn seq_arg(
        &mut self,
        method: &str,
        value: &Expr<'_>,
        elem: TypeId,
        target: TypeId,
        at: Span,
    ) -> TExpr<'s> {
        let v = self.check_expr(value, Some(target));
        if v.ty == target || self.types().is_error(v.ty) || self.types().is_error(elem) {
            return v;
        }
        let Some(have) = self.types().element_of(v.ty) else {
            let n = self.ty_name(v.ty);
            self.error(
                format!("instance method '{method}' requires that '{n}' conform to 'Sequence'"),
                at,
            );
            return self.mk(TypeTable::ERROR, TExprKind::Void, v.span);
        };
        if have != elem {
            let want = self.ty_name(elem);
            let have = self.element_display(v.ty, have);
            self.error(
                format!("instance method '{method}' requires the types '{want}' and {have} be equivalent"),
                at,
            );
            return self.mk(TypeTable::ERROR, TExprKind::Void, v.span);
        }
        let b = if matches!(self.ty(target), Type::Set(_)) {
            Builtin::SetFromSeq
        } else {
            Builtin::ArrayFromSeq
        };
        self.builtin(b, target, vec![v], v.span)
    }

    /// A sequence type's `Element` as swiftc prints it in a requirement failure: the type
    /// itself when `Element` is the generic parameter (arrays, sets), else the type alias
    /// with its meaning (`'String.Element' (aka 'Character')`).
    fn element_display(&self, seq: TypeId, elem: TypeId) -> String {
        let e = self.ty_name(elem);
        match self.ty(seq) {
            Type::Array(_) | Type::ArraySlice(_) | Type::Set(_) => format!("'{e}'"),
            _ => {
                let s = self.ty_name(seq);
                format!("'{s}.Element' (aka '{e}')")
            }
        }
    }

    /// `s.formUnion(xs)` and co: `s = s.union(xs)`, through the receiver's place.
    pub(super) fn set_form(
        &mut self,
        base: TExpr<'s>,
        b: Builtin,
        arg: TExpr<'s>,
        span: Span,
    ) -> TExpr<'s> {
        let Some(place) = self.place_of(&base, base.span) else {
            return self.mk(TypeTable::ERROR, TExprKind::Void, span);
        };
        let value = self.builtin(b, base.ty, vec![base, arg], span);
        let p = self.alloc(place);
        let vb = self.boxed(value);
        self.mk(TypeTable::VOID, TExprKind::Assign(p, vb), span)
    }
}
