//! Members and subscripts: `value.name`, `Type.name`, `value.method(...)` on the standard
//! library's types and user types, `value[index]`, and the receiver place of mutating calls.

use super::builtins::ARG;
use super::ir::*;
use super::types::{SeqKind, Type, TypeId, TypeTable};
use super::Checker;
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// `base.name` without a call: properties and static constants.
    pub(super) fn member(&mut self, base: &Expr<'_>, name: Ident<'_>, span: Span) -> TExpr<'s> {
        if let ExprKind::Member(..) = base.kind {
            if let Some(t) = self.type_path(base) {
                return self.static_member_of(t, name, None, span);
            }
        }
        if let ExprKind::Name(tn) = base.kind {
            if self.lookup(tn).is_none() {
                if let Some(t) = self.user_type_named(tn) {
                    return self.static_member_of(t, name, None, span);
                }
                if self.is_type_name(tn) {
                    return self.static_member(tn, name, span);
                }
            }
        }
        let b = self.check_expr(base, None);
        let ty = b.ty;
        if let Some(info) = self.env.types.nominal(ty).cloned() {
            self.check_member_read(ty, name.name, name.span);
            match self.find_member(ty, name.name) {
                Some(super::nominal::Member::Field(i, fty)) => {
                    let bb = self.boxed(b);
                    if info.kind == super::types::NominalKind::Class {
                        return self.mk(fty, TExprKind::ObjField(bb, i), span);
                    }
                    return self.struct_field_read(bb, i, fty, span);
                }
                Some(super::nominal::Member::Computed(c)) => {
                    if info.kind == super::types::NominalKind::Class {
                        let key = self.types().method_key(&format!("{}.get", c.name), &[]);
                        let args = self.slice(vec![b]);
                        return self.mk(c.ty, TExprKind::CallMethod(key, args), span);
                    }
                    return self.call_func_index(c.getter, c.ty, vec![b], span);
                }
                Some(super::nominal::Member::Method(_)) => {
                    self.error(
                        format!(
                            "method '{}' must be called (method values are not supported yet)",
                            name.name
                        ),
                        name.span,
                    );
                    return self.mk(TypeTable::ERROR, TExprKind::Void, span);
                }
                None => {}
            }
            if name.name == "rawValue" {
                if let Some(raw) = info.raw_type {
                    let index = self.env.types.nominal_index(ty).unwrap_or(0);
                    let t = self.mk(TypeTable::INT, TExprKind::Int(i64::from(index)), span);
                    return self.builtin(Builtin::EnumRawValue, raw, vec![b, t], span);
                }
            }
            if name.name == "description" {
                return self.describe(b);
            }
            return self.no_member(ty, name);
        }
        let (builtin, result) = match (self.ty(ty), name.name) {
            (Type::Tuple(elems), n) => {
                return match elems.iter().position(|(l, _)| l.as_deref() == Some(n)) {
                    Some(i) => self.tuple_field(b, u32::try_from(i).unwrap_or(0), name.span, span),
                    None => self.no_member(ty, name),
                };
            }
            (Type::Error, _) => return self.mk(TypeTable::ERROR, TExprKind::Void, span),
            (_, "description") => return self.describe(b),
            (Type::String, "count") => (Builtin::StrCount, TypeTable::INT),
            (Type::String, "isEmpty") => (Builtin::StrIsEmpty, TypeTable::BOOL),
            (Type::String, "first") => (
                Builtin::StrFirst,
                self.types().optional(TypeTable::CHARACTER),
            ),
            (Type::String, "last") => (
                Builtin::StrLast,
                self.types().optional(TypeTable::CHARACTER),
            ),
            (Type::Character, "isLetter") => (Builtin::CharIsLetter, TypeTable::BOOL),
            (Type::Character, "isNumber") => (Builtin::CharIsNumber, TypeTable::BOOL),
            (Type::Character, "isWhitespace") => (Builtin::CharIsWhitespace, TypeTable::BOOL),
            (Type::Character, "isUppercase") => (Builtin::CharIsUppercase, TypeTable::BOOL),
            (Type::Character, "isLowercase") => (Builtin::CharIsLowercase, TypeTable::BOOL),
            (Type::Character, "isPunctuation") => (Builtin::CharIsPunctuation, TypeTable::BOOL),
            (Type::Character, "wholeNumberValue") => (
                Builtin::CharWholeNumber,
                self.types().optional(TypeTable::INT),
            ),
            (Type::Character, "asciiValue") => (
                Builtin::CharAsciiValue,
                self.types().optional(TypeTable::INT),
            ),
            (Type::Array(_) | Type::ArraySlice(_), "count") => (Builtin::ArrCount, TypeTable::INT),
            (Type::Array(_) | Type::ArraySlice(_), "isEmpty") => {
                (Builtin::ArrIsEmpty, TypeTable::BOOL)
            }
            (Type::Array(e) | Type::ArraySlice(e), "first") => {
                (Builtin::ArrFirst, self.types().optional(e))
            }
            (Type::Array(e) | Type::ArraySlice(e), "last") => {
                (Builtin::ArrLast, self.types().optional(e))
            }
            (Type::Array(_) | Type::ArraySlice(_), "indices") => (
                Builtin::ArrIndices,
                self.types().intern(Type::Range(TypeTable::INT)),
            ),
            (Type::Array(_) | Type::ArraySlice(_), "startIndex") => {
                (Builtin::ArrStartIndex, TypeTable::INT)
            }
            (Type::Array(_) | Type::ArraySlice(_), "endIndex") => {
                (Builtin::ArrEndIndex, TypeTable::INT)
            }
            (Type::Dictionary(..), "count") => (Builtin::DictCount, TypeTable::INT),
            (Type::Dictionary(..), "isEmpty") => (Builtin::DictIsEmpty, TypeTable::BOOL),
            (Type::Dictionary(k, _), "keys") => (
                Builtin::DictKeys,
                self.types().intern(Type::Seq(SeqKind::DictKeys, k, ty)),
            ),
            (Type::Dictionary(_, v), "values") => (
                Builtin::DictValues,
                self.types().intern(Type::Seq(SeqKind::DictValues, v, ty)),
            ),
            (Type::Set(_), "count") => (Builtin::SetCount, TypeTable::INT),
            (Type::Set(_), "isEmpty") => (Builtin::SetIsEmpty, TypeTable::BOOL),
            (Type::Double, "isNaN") => (Builtin::IsNaN, TypeTable::BOOL),
            (Type::Double, "isInfinite") => (Builtin::IsInfinite, TypeTable::BOOL),
            (Type::Range(t) | Type::ClosedRange(t), "lowerBound") => (Builtin::RangeLower, t),
            (Type::Range(t) | Type::ClosedRange(t), "upperBound") => (Builtin::RangeUpper, t),
            (Type::Range(_) | Type::ClosedRange(_), "count") => {
                (Builtin::RangeCount, TypeTable::INT)
            }
            (Type::Seq(SeqKind::DictKeys | SeqKind::DictValues, _, _), "count") => {
                (Builtin::RangeCount, TypeTable::INT)
            }
            (Type::Range(_) | Type::ClosedRange(_), "isEmpty") => {
                (Builtin::RangeIsEmpty, TypeTable::BOOL)
            }
            (
                Type::Seq(_, e, _) | Type::Range(e) | Type::ClosedRange(e),
                "first" | "last" | "count" | "isEmpty",
            ) => {
                // Sequence properties through an array of the elements.
                let arr_ty = self.types().array(e);
                let arr = self.builtin(Builtin::ArrayFromSeq, arr_ty, vec![b], span);
                let (bi, r) = match name.name {
                    "first" => (Builtin::ArrFirst, self.types().optional(e)),
                    "last" => (Builtin::ArrLast, self.types().optional(e)),
                    "count" => (Builtin::ArrCount, TypeTable::INT),
                    _ => (Builtin::ArrIsEmpty, TypeTable::BOOL),
                };
                return self.builtin(bi, r, vec![arr], span);
            }
            _ => return self.no_member(ty, name),
        };
        self.builtin(builtin, result, vec![b], span)
    }

    pub(super) fn no_member(&mut self, ty: TypeId, name: Ident<'_>) -> TExpr<'s> {
        if !self.types().is_error(ty) {
            let n = self.ty_name(ty);
            self.error(
                format!("value of type '{n}' has no member '{}'", name.name),
                name.span,
            );
        }
        self.mk(TypeTable::ERROR, TExprKind::Void, name.span)
    }

    pub(super) fn static_member(&mut self, tn: &str, name: Ident<'_>, span: Span) -> TExpr<'s> {
        let k = match (tn, name.name) {
            ("Int", "max") => (TypeTable::INT, TExprKind::Int(i64::MAX)),
            ("Int", "min") => (TypeTable::INT, TExprKind::Int(i64::MIN)),
            ("Double", "pi") => (TypeTable::DOUBLE, TExprKind::Double(std::f64::consts::PI)),
            ("Double", "infinity") => (TypeTable::DOUBLE, TExprKind::Double(f64::INFINITY)),
            ("Double", "nan") => (TypeTable::DOUBLE, TExprKind::Double(f64::NAN)),
            ("Double", "greatestFiniteMagnitude") => {
                (TypeTable::DOUBLE, TExprKind::Double(f64::MAX))
            }
            ("Double", "leastNonzeroMagnitude") => {
                (TypeTable::DOUBLE, TExprKind::Double(f64::from_bits(1)))
            }
            ("Double", "ulpOfOne") => (TypeTable::DOUBLE, TExprKind::Double(f64::EPSILON)),
            _ => {
                self.error(
                    format!("type '{tn}' has no member '{}'", name.name),
                    name.span,
                );
                return self.mk(TypeTable::ERROR, TExprKind::Void, span);
            }
        };
        self.mk(k.0, k.1, span)
    }

    /// Stored property `i` of a struct value: a `weak` one yields its instance or `nil`, an
    /// `unowned` one its instance (trapping once it is gone), as for variables.
    pub(super) fn struct_field_read(
        &mut self,
        b: &'s TExpr<'s>,
        i: u32,
        fty: TypeId,
        span: Span,
    ) -> TExpr<'s> {
        let field = self.mk(fty, TExprKind::TupleField(b, i), span);
        let load = match self.struct_field_ownership(b.ty, i) {
            Ownership::Strong => return field,
            Ownership::Weak => Builtin::WeakLoad,
            Ownership::Unowned => Builtin::UnownedLoad,
        };
        let args = self.slice(vec![field]);
        self.mk(fty, TExprKind::Builtin(load, args), span)
    }

    /// The value stored into stored property `i` of struct type `ty`: a `weak` or `unowned`
    /// one keeps a weak reference.
    pub(super) fn struct_field_value(&mut self, ty: TypeId, i: u32, value: TExpr<'s>) -> TExpr<'s> {
        if self.struct_field_ownership(ty, i) == Ownership::Strong {
            return value;
        }
        let (vty, span) = (value.ty, value.span);
        let args = self.slice(vec![value]);
        self.mk(vty, TExprKind::Builtin(Builtin::WeakRef, args), span)
    }

    /// How a struct's stored property holds a class instance (classes keep this in the
    /// instance: the VM weakens and upgrades their fields itself).
    fn struct_field_ownership(&self, ty: TypeId, i: u32) -> Ownership {
        let Some(n) = self.env.types.nominal(ty) else {
            return Ownership::Strong;
        };
        if n.kind != super::types::NominalKind::Struct {
            return Ownership::Strong;
        }
        match n.fields.get(i as usize) {
            Some(f) if f.weak => Ownership::Weak,
            Some(f) if f.unowned => Ownership::Unowned,
            _ => Ownership::Strong,
        }
    }

    /// The receiver of a mutating method: the base as an `inout` place.
    pub(super) fn mutating_receiver(
        &mut self,
        base: TExpr<'s>,
        base_expr_span: Span,
        method: &str,
    ) -> Option<TExpr<'s>> {
        let _ = method;
        let place = self.place_of(&base, base_expr_span)?;
        let p = self.alloc(place);
        Some(self.mk(base.ty, TExprKind::InOut(p), base.span))
    }

    /// The place a typed expression reads (a variable, an element, a field), checked mutable.
    pub(super) fn place_of_for_mutation(&mut self, e: &TExpr<'s>, span: Span) -> Option<Place<'s>> {
        self.place_of(e, span)
    }

    pub(super) fn place_of(&mut self, e: &TExpr<'s>, span: Span) -> Option<Place<'s>> {
        match e.kind {
            TExprKind::Var(r) => {
                let (ty, mutable, name) = self.var_info(r);
                if !mutable {
                    self.error_with_note(
                        format!("cannot use mutating member on immutable value: '{name}' is a 'let' constant"),
                        span,
                        "change 'let' to 'var' to make it mutable",
                    );
                    return None;
                }
                Some(Place::Var(r, ty))
            }
            TExprKind::Builtin(Builtin::ArrGet, [base, index]) => {
                let b = self.place_of(base, span)?;
                let (bp, ib) = (self.alloc(b), self.boxed(*index));
                Some(Place::Index(bp, ib, e.ty))
            }
            TExprKind::Builtin(Builtin::DictGetDefault, [base, key, default]) => {
                let b = self.place_of(base, span)?;
                let (bp, kb, db) = (self.alloc(b), self.boxed(*key), self.boxed(*default));
                Some(Place::DictKeyDefault(bp, kb, db, e.ty))
            }
            TExprKind::TupleField(base, i) => {
                self.check_field_mutation(base.ty, i, span);
                let b = self.place_of(base, span)?;
                let bp = self.alloc(b);
                Some(self.struct_field_place(bp, i, e.ty))
            }
            TExprKind::ObjField(base, i) => {
                self.check_field_mutation(base.ty, i, span);
                Some(self.class_field_place(base, i, e.ty))
            }
            TExprKind::ForceUnwrap(TExpr {
                kind: TExprKind::Builtin(Builtin::DictGet, [base, key]),
                ..
            }) => {
                let b = self.place_of(base, span)?;
                let (bp, kb) = (self.alloc(b), self.boxed(*key));
                Some(Place::DictForce(bp, kb, e.ty))
            }
            TExprKind::ForceUnwrap(inner) => {
                let b = self.place_of(inner, span)?;
                let bp = self.alloc(b);
                Some(Place::Unwrapped(bp, e.ty))
            }
            _ => {
                self.error("cannot use mutating member on immutable value", span);
                None
            }
        }
    }

    /// `base.name(args)`: a method of a standard library type.
    pub(super) fn method(
        &mut self,
        base: TExpr<'s>,
        m: Ident<'_>,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let ty = base.ty;
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        let err = TypeTable::ERROR;
        macro_rules! need {
            ($labels:expr) => {
                if !self.expect_args(m.name, args, &$labels, span) {
                    return self.mk(err, TExprKind::Void, span);
                }
            };
        }
        macro_rules! mutating {
            () => {
                match self.mutating_receiver(base, base.span, m.name) {
                    Some(r) => r,
                    None => return self.mk(err, TExprKind::Void, span),
                }
            };
        }
        match (self.ty(ty), m.name) {
            (Type::Error, _) => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.mk(err, TExprKind::Void, span)
            }
            (Type::Int, "isMultiple") => {
                need!([Some("of")]);
                let v = self.check_expr_as(args[0].value, TypeTable::INT, ARG);
                self.builtin(Builtin::IsMultiple, TypeTable::BOOL, vec![base, v], span)
            }
            (Type::Int, "signum") => {
                need!([]);
                self.builtin(Builtin::Signum, TypeTable::INT, vec![base], span)
            }
            (Type::Double, "squareRoot") => {
                need!([]);
                self.builtin(Builtin::SquareRoot, TypeTable::DOUBLE, vec![base], span)
            }
            (Type::Double, "rounded") => {
                need!([]);
                self.builtin(Builtin::Rounded, TypeTable::DOUBLE, vec![base], span)
            }
            (Type::Double, "truncatingRemainder") => {
                need!([Some("dividingBy")]);
                let v = self.check_expr_as(args[0].value, TypeTable::DOUBLE, ARG);
                self.builtin(
                    Builtin::TruncatingRemainder,
                    TypeTable::DOUBLE,
                    vec![base, v],
                    span,
                )
            }
            (Type::String, "hasPrefix" | "hasSuffix") => {
                need!([None]);
                let v = self.check_expr_as(args[0].value, TypeTable::STRING, ARG);
                let b = if m.name == "hasPrefix" {
                    Builtin::StrHasPrefix
                } else {
                    Builtin::StrHasSuffix
                };
                self.builtin(b, TypeTable::BOOL, vec![base, v], span)
            }
            (Type::String, "contains") => {
                need!([None]);
                let v = self.check_expr(args[0].value, Some(TypeTable::CHARACTER));
                let v = if v.ty == TypeTable::CHARACTER {
                    v
                } else {
                    self.coerce(v, TypeTable::STRING, ARG)
                };
                self.builtin(Builtin::StrContains, TypeTable::BOOL, vec![base, v], span)
            }
            (Type::String, "uppercased" | "lowercased") => {
                need!([]);
                let b = if m.name == "uppercased" {
                    Builtin::StrUppercased
                } else {
                    Builtin::StrLowercased
                };
                self.builtin(b, TypeTable::STRING, vec![base], span)
            }
            (Type::Character, "uppercased" | "lowercased") => {
                need!([]);
                let b = if m.name == "uppercased" {
                    Builtin::StrUppercased
                } else {
                    Builtin::StrLowercased
                };
                self.builtin(b, TypeTable::STRING, vec![base], span)
            }
            (Type::String, "split") => {
                need!([Some("separator")]);
                let v = self.check_expr_as(args[0].value, TypeTable::CHARACTER, ARG);
                let t = self.types().array(TypeTable::STRING);
                self.builtin(Builtin::StrSplit, t, vec![base, v], span)
            }
            (Type::String, "reversed") => {
                need!([]);
                let t = self.types().intern(Type::Seq(
                    SeqKind::Reversed,
                    TypeTable::CHARACTER,
                    TypeTable::STRING,
                ));
                self.builtin(Builtin::StrReversed, t, vec![base], span)
            }
            (Type::String, "append") if labels.first() == Some(&Some("contentsOf")) => {
                need!([Some("contentsOf")]);
                let v = self.check_expr_as(args[0].value, TypeTable::STRING, ARG);
                let r = mutating!();
                self.builtin(Builtin::StrAppend, TypeTable::VOID, vec![r, v], span)
            }
            (Type::String, "append") => {
                need!([None]);
                let v = self.check_expr(args[0].value, Some(TypeTable::STRING));
                let v = if v.ty == TypeTable::CHARACTER {
                    v
                } else {
                    self.coerce(v, TypeTable::STRING, ARG)
                };
                let r = mutating!();
                self.builtin(Builtin::StrAppend, TypeTable::VOID, vec![r, v], span)
            }
            (Type::Array(e) | Type::ArraySlice(e), name) => {
                self.array_method(base, e, name, m, args, &labels, span)
            }
            (Type::Dictionary(k, v), name) => self.dict_method(base, k, v, name, m, args, span),
            (Type::Set(e), name) => self.set_method(base, e, name, m, args, span),
            (Type::Range(e) | Type::ClosedRange(e), "contains") => {
                need!([None]);
                let v = self.check_expr_as(args[0].value, e, ARG);
                self.builtin(Builtin::RangeContains, TypeTable::BOOL, vec![base, v], span)
            }
            (Type::Range(e) | Type::ClosedRange(e) | Type::Seq(_, e, _), _) => {
                // Other sequence methods work on the elements as an array.
                let arr_ty = self.types().array(e);
                let arr = self.builtin(Builtin::ArrayFromSeq, arr_ty, vec![base], base.span);
                self.array_method(arr, e, m.name, m, args, &labels, span)
            }
            (Type::String, "filter") => {
                // `String.filter` gives a String.
                let arr_ty = self.types().array(TypeTable::CHARACTER);
                let arr = self.builtin(Builtin::StrChars, arr_ty, vec![base], base.span);
                let labels: Vec<Option<&str>> =
                    args.iter().map(|a| a.label.map(|l| l.name)).collect();
                let filtered =
                    self.array_method(arr, TypeTable::CHARACTER, "filter", m, args, &labels, span);
                self.builtin(
                    Builtin::StringFromChars,
                    TypeTable::STRING,
                    vec![filtered],
                    span,
                )
            }
            (
                Type::String,
                "map" | "forEach" | "sorted" | "allSatisfy" | "reduce" | "compactMap"
                | "enumerated" | "first" | "last" | "firstIndex" | "min" | "max" | "joined",
            ) => {
                let arr_ty = self.types().array(TypeTable::CHARACTER);
                let arr = self.builtin(Builtin::StrChars, arr_ty, vec![base], base.span);
                self.array_method(arr, TypeTable::CHARACTER, m.name, m, args, &labels, span)
            }
            _ => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.no_member(ty, m)
            }
        }
    }

    /// `base[args]`.
    pub(super) fn subscript(&mut self, base: &Expr<'_>, args: &[Arg<'_>], span: Span) -> TExpr<'s> {
        let b = self.check_expr(base, None);
        match (self.ty(b.ty), args) {
            (Type::Array(e) | Type::ArraySlice(e), [Arg { label: None, value }]) => {
                let i = self.check_expr(value, Some(TypeTable::INT));
                // A range subscript is an `ArraySlice` with the base's indices, on an array
                // and on a slice alike.
                let slice = self.types().array_slice(e);
                match self.ty(i.ty) {
                    Type::Int => self.builtin(Builtin::ArrGet, e, vec![b, i], span),
                    Type::Range(_)
                    | Type::ClosedRange(_)
                    | Type::RangeFrom(_)
                    | Type::RangeUpTo(_)
                    | Type::RangeThrough(_) => {
                        self.builtin(Builtin::ArrSlice, slice, vec![b, i], span)
                    }
                    _ => {
                        let i = self.coerce(i, TypeTable::INT, ARG);
                        self.builtin(Builtin::ArrGet, e, vec![b, i], span)
                    }
                }
            }
            (Type::Dictionary(k, v), [Arg { label: None, value }]) => {
                let key = self.check_expr_as(value, k, ARG);
                let t = self.types().optional(v);
                self.builtin(Builtin::DictGet, t, vec![b, key], span)
            }
            (
                Type::Dictionary(k, v),
                [Arg { label: None, value }, Arg {
                    label: Some(l),
                    value: d,
                }],
            ) if l.name == "default" => {
                let key = self.check_expr_as(value, k, ARG);
                let def = self.check_expr_as(d, v, ARG);
                self.builtin(Builtin::DictGetDefault, v, vec![b, key, def], span)
            }
            (Type::String, _) => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.error("'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.", span);
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
            (Type::Error, _) => self.mk(TypeTable::ERROR, TExprKind::Void, span),
            _ => {
                let n = self.ty_name(b.ty);
                self.error(format!("value of type '{n}' has no subscripts"), span);
                self.mk(TypeTable::ERROR, TExprKind::Void, span)
            }
        }
    }
}
