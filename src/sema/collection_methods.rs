//! Methods of arrays, dictionaries and sets: each resolved to a [`Builtin`] with its static
//! types (element types flow into closures such as `map`, `filter`, `sorted(by:)`).

use super::builtins::ARG;
use super::expr::ClosureHint;
use super::ir::*;
use super::types::{ParamType, SeqKind, Type, TypeId, TypeTable};
use super::Checker;
use crate::stdlib::Builtin;
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn array_method(
        &mut self,
        base: TExpr<'s>,
        e: TypeId,
        name: &str,
        m: Ident<'_>,
        args: &[Arg<'_>],
        labels: &[Option<&str>],
        span: Span,
    ) -> TExpr<'s> {
        let err = TypeTable::ERROR;
        // The receiver's type (`[T]` or `ArraySlice<T>`); results that Swift makes Arrays
        // (`sorted`, `map`, ...) are `[T]` for both.
        let own = base.ty;
        let is_slice = matches!(self.ty(own), Type::ArraySlice(_));
        let arr = self.types().array(e);
        macro_rules! need {
            ($labels:expr) => {
                if !self.expect_args(name, args, &$labels, span) {
                    return self.mk(err, TExprKind::Void, span);
                }
            };
        }
        macro_rules! mutating {
            () => {
                match self.mutating_receiver(base, base.span, name) {
                    Some(r) => r,
                    None => return self.mk(err, TExprKind::Void, span),
                }
            };
        }
        let pred = |c: &mut Self, a: &Expr<'_>| {
            c.closure_arg(
                a,
                ClosureHint {
                    params: vec![ParamType {
                        ty: e,
                        inout: false,
                    }],
                    result: Some(TypeTable::BOOL),
                },
            )
        };
        match (name, labels) {
            ("append", [None]) => {
                let v = self.check_expr_as(args[0].value, e, ARG);
                let r = mutating!();
                self.builtin(Builtin::ArrAppend, TypeTable::VOID, vec![r, v], span)
            }
            ("append", [Some("contentsOf")]) => {
                let v = self.seq_arg("append(contentsOf:)", args[0].value, e, arr, m.span);
                let r = mutating!();
                self.builtin(
                    Builtin::ArrAppendContents,
                    TypeTable::VOID,
                    vec![r, v],
                    span,
                )
            }
            ("insert", _) => {
                need!([None, Some("at")]);
                let v = self.check_expr_as(args[0].value, e, ARG);
                let i = self.check_expr_as(args[1].value, TypeTable::INT, ARG);
                let r = mutating!();
                self.builtin(Builtin::ArrInsert, TypeTable::VOID, vec![r, v, i], span)
            }
            ("remove", _) => {
                need!([Some("at")]);
                let i = self.check_expr_as(args[0].value, TypeTable::INT, ARG);
                let r = mutating!();
                self.builtin(Builtin::ArrRemoveAt, e, vec![r, i], span)
            }
            ("removeFirst" | "removeLast" | "removeAll" | "popLast" | "sort" | "shuffle", []) => {
                let r = mutating!();
                let (b, t) = match name {
                    "removeFirst" => (Builtin::ArrRemoveFirst, e),
                    "removeLast" => (Builtin::ArrRemoveLast, e),
                    "removeAll" => (Builtin::ArrRemoveAll, TypeTable::VOID),
                    "popLast" => (Builtin::ArrPopLast, self.types().optional(e)),
                    _ => {
                        if !self.comparable(e) {
                            return self.not_comparable(name, e, span);
                        }
                        (Builtin::ArrSort, TypeTable::VOID)
                    }
                };
                self.builtin(b, t, vec![r], span)
            }
            ("sort", [Some("by")]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![
                            ParamType {
                                ty: e,
                                inout: false
                            };
                            2
                        ],
                        result: Some(TypeTable::BOOL),
                    },
                );
                let r = mutating!();
                self.builtin(Builtin::ArrSortBy, TypeTable::VOID, vec![r, f], span)
            }
            ("swapAt", _) => {
                need!([None, None]);
                let i = self.check_expr_as(args[0].value, TypeTable::INT, ARG);
                let j = self.check_expr_as(args[1].value, TypeTable::INT, ARG);
                let r = mutating!();
                self.builtin(Builtin::ArrSwapAt, TypeTable::VOID, vec![r, i, j], span)
            }
            ("contains", [None]) => {
                if !self.is_equatable(e) {
                    let n = self.ty_name(e);
                    self.error(format!("referencing instance method 'contains' requires that '{n}' conform to 'Equatable'"), span);
                }
                let v = self.check_expr_as(args[0].value, e, ARG);
                self.builtin(Builtin::ArrContains, TypeTable::BOOL, vec![base, v], span)
            }
            ("contains", [Some("where")]) | ("allSatisfy", [None]) => {
                let f = pred(self, args[0].value);
                let b = if name == "contains" {
                    Builtin::ArrContainsWhere
                } else {
                    Builtin::ArrAllSatisfy
                };
                self.builtin(b, TypeTable::BOOL, vec![base, f], span)
            }
            ("firstIndex", [Some("of")]) => {
                let v = self.check_expr_as(args[0].value, e, ARG);
                let t = self.types().optional(TypeTable::INT);
                self.builtin(Builtin::ArrFirstIndexOf, t, vec![base, v], span)
            }
            ("firstIndex", [Some("where")]) => {
                let f = pred(self, args[0].value);
                let t = self.types().optional(TypeTable::INT);
                self.builtin(Builtin::ArrFirstIndexWhere, t, vec![base, f], span)
            }
            ("lastIndex", [Some("of")]) => {
                let v = self.check_expr_as(args[0].value, e, ARG);
                let t = self.types().optional(TypeTable::INT);
                self.builtin(Builtin::ArrLastIndexOf, t, vec![base, v], span)
            }
            ("lastIndex", [Some("where")]) => {
                let f = pred(self, args[0].value);
                let t = self.types().optional(TypeTable::INT);
                self.builtin(Builtin::ArrLastIndexWhere, t, vec![base, f], span)
            }
            ("prefix" | "suffix", [None]) | ("dropFirst" | "dropLast", [] | [None]) => {
                // Subsequences: `ArraySlice`s with the base's indices.
                let k = match args.first() {
                    Some(a) => self.check_expr_as(a.value, TypeTable::INT, ARG),
                    None => self.mk(TypeTable::INT, TExprKind::Int(1), span),
                };
                let b = match name {
                    "prefix" => Builtin::ArrPrefix,
                    "suffix" => Builtin::ArrSuffix,
                    "dropFirst" => Builtin::ArrDropFirst,
                    _ => Builtin::ArrDropLast,
                };
                let t = self.types().array_slice(e);
                self.builtin(b, t, vec![base, k], span)
            }
            ("first", [Some("where")]) => {
                let f = pred(self, args[0].value);
                let t = self.types().optional(e);
                self.builtin(Builtin::ArrFirstWhere, t, vec![base, f], span)
            }
            ("filter", [None]) => {
                let f = pred(self, args[0].value);
                if is_slice {
                    // `RangeReplaceableCollection.filter` returns `Self`.
                    return self.builtin(Builtin::SliceFilter, own, vec![base, f], span);
                }
                self.builtin(Builtin::ArrFilter, arr, vec![base, f], span)
            }
            ("map", [None]) | ("compactMap", [None]) | ("flatMap", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: e,
                            inout: false,
                        }],
                        result: None,
                    },
                );
                let r = self.closure_result(f.ty);
                let (b, t) = match name {
                    "map" => (Builtin::ArrMap, self.types().array(r)),
                    "compactMap" => match self.ty(r) {
                        Type::Optional(i) => (Builtin::ArrCompactMap, self.types().array(i)),
                        _ => (Builtin::ArrMap, self.types().array(r)),
                    },
                    _ => match self.types().element_of(r) {
                        Some(i) => (Builtin::ArrFlatMap, self.types().array(i)),
                        None => {
                            let n = self.ty_name(r);
                            self.error(
                                format!("'flatMap' closure must return a sequence, not '{n}'"),
                                span,
                            );
                            return self.mk(err, TExprKind::Void, span);
                        }
                    },
                };
                self.builtin(b, t, vec![base, f], span)
            }
            ("forEach", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: e,
                            inout: false,
                        }],
                        result: Some(TypeTable::VOID),
                    },
                );
                self.builtin(Builtin::ArrForEach, TypeTable::VOID, vec![base, f], span)
            }
            ("reduce", [None, None]) => {
                // A literal initial value takes a numeric element type (`[Double].reduce(0, +)`).
                let numeric = e == TypeTable::INT || e == TypeTable::DOUBLE;
                let init = self.check_expr(args[0].value, if numeric { Some(e) } else { None });
                let acc = init.ty;
                let f = self.closure_arg(
                    args[1].value,
                    ClosureHint {
                        params: vec![
                            ParamType {
                                ty: acc,
                                inout: false,
                            },
                            ParamType {
                                ty: e,
                                inout: false,
                            },
                        ],
                        result: Some(acc),
                    },
                );
                self.builtin(Builtin::ArrReduce, acc, vec![base, init, f], span)
            }
            ("sorted", []) => {
                if !self.comparable(e) {
                    return self.not_comparable(name, e, span);
                }
                self.builtin(Builtin::ArrSorted, arr, vec![base], span)
            }
            ("sorted", [Some("by")]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![
                            ParamType {
                                ty: e,
                                inout: false
                            };
                            2
                        ],
                        result: Some(TypeTable::BOOL),
                    },
                );
                self.builtin(Builtin::ArrSortedBy, arr, vec![base, f], span)
            }
            ("reversed", []) => {
                let t = self.types().intern(Type::Seq(SeqKind::Reversed, e, own));
                self.builtin(Builtin::ArrReversed, t, vec![base], span)
            }
            ("enumerated", []) => {
                let elem = self.types().tuple(vec![
                    (Some("offset".into()), TypeTable::INT),
                    (Some("element".into()), e),
                ]);
                let t = self
                    .types()
                    .intern(Type::Seq(SeqKind::Enumerated, elem, own));
                self.builtin(Builtin::ArrEnumerated, t, vec![base], span)
            }
            ("joined", []) | ("joined", [Some("separator")]) => {
                if e != TypeTable::STRING && e != TypeTable::CHARACTER {
                    let n = self.ty_name(own);
                    self.error(format!("referencing instance method 'joined(separator:)' on '{n}' requires that the elements be 'String'"), span);
                }
                let sep = match args.first() {
                    Some(a) => self.check_expr_as(a.value, TypeTable::STRING, ARG),
                    None => self.mk(TypeTable::STRING, TExprKind::Str(""), span),
                };
                self.builtin(Builtin::ArrJoined, TypeTable::STRING, vec![base, sep], span)
            }
            ("min" | "max", []) => {
                if !self.comparable(e) {
                    return self.not_comparable(name, e, span);
                }
                let t = self.types().optional(e);
                let b = if name == "min" {
                    Builtin::ArrMin
                } else {
                    Builtin::ArrMax
                };
                self.builtin(b, t, vec![base], span)
            }
            ("shuffled", []) => self.builtin(Builtin::ArrShuffled, arr, vec![base], span),
            ("min" | "max", [Some("by")]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![
                            ParamType {
                                ty: e,
                                inout: false
                            };
                            2
                        ],
                        result: Some(TypeTable::BOOL),
                    },
                );
                let t = self.types().optional(e);
                let b = if name == "min" {
                    Builtin::ArrMinBy
                } else {
                    Builtin::ArrMaxBy
                };
                self.builtin(b, t, vec![base, f], span)
            }
            _ => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.no_member(own, m)
            }
        }
    }

    pub(super) fn comparable(&self, t: TypeId) -> bool {
        matches!(
            self.env.types.get(t),
            Type::Int | Type::Double | Type::String | Type::Character | Type::Error
        )
    }

    pub(super) fn not_comparable(&mut self, name: &str, e: TypeId, span: Span) -> TExpr<'s> {
        let n = self.ty_name(e);
        self.error(format!("referencing instance method '{name}()' requires that '{n}' conform to 'Comparable'"), span);
        self.mk(TypeTable::ERROR, TExprKind::Void, span)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn dict_method(
        &mut self,
        base: TExpr<'s>,
        k: TypeId,
        v: TypeId,
        name: &str,
        m: Ident<'_>,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let err = TypeTable::ERROR;
        let dict = base.ty;
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        let pair = self
            .types()
            .tuple(vec![(Some("key".into()), k), (Some("value".into()), v)]);
        match (name, labels.as_slice()) {
            ("removeValue", [Some("forKey")]) => {
                let key = self.check_expr_as(args[0].value, k, ARG);
                let Some(r) = self.mutating_receiver(base, base.span, name) else {
                    return self.mk(err, TExprKind::Void, span);
                };
                let t = self.types().optional(v);
                self.builtin(Builtin::DictRemoveValue, t, vec![r, key], span)
            }
            ("updateValue", [None, Some("forKey")]) => {
                let val = self.check_expr_as(args[0].value, v, ARG);
                let key = self.check_expr_as(args[1].value, k, ARG);
                let Some(r) = self.mutating_receiver(base, base.span, name) else {
                    return self.mk(err, TExprKind::Void, span);
                };
                let t = self.types().optional(v);
                self.builtin(Builtin::DictUpdateValue, t, vec![r, val, key], span)
            }
            ("mapValues", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: v,
                            inout: false,
                        }],
                        result: None,
                    },
                );
                let r = self.closure_result(f.ty);
                let t = self.types().intern(Type::Dictionary(k, r));
                self.builtin(Builtin::DictMapValues, t, vec![base, f], span)
            }
            ("sorted", [Some("by")]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![
                            ParamType {
                                ty: pair,
                                inout: false
                            };
                            2
                        ],
                        result: Some(TypeTable::BOOL),
                    },
                );
                let t = self.types().array(pair);
                self.builtin(Builtin::DictSortedBy, t, vec![base, f], span)
            }
            ("filter", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: pair,
                            inout: false,
                        }],
                        result: Some(TypeTable::BOOL),
                    },
                );
                self.builtin(Builtin::DictFilter, dict, vec![base, f], span)
            }
            ("map", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: pair,
                            inout: false,
                        }],
                        result: None,
                    },
                );
                let r = self.closure_result(f.ty);
                let t = self.types().array(r);
                self.builtin(Builtin::DictMap, t, vec![base, f], span)
            }
            ("contains", [Some("where")]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: pair,
                            inout: false,
                        }],
                        result: Some(TypeTable::BOOL),
                    },
                );
                self.builtin(
                    Builtin::DictContainsWhere,
                    TypeTable::BOOL,
                    vec![base, f],
                    span,
                )
            }
            ("forEach", [None]) => {
                let f = self.closure_arg(
                    args[0].value,
                    ClosureHint {
                        params: vec![ParamType {
                            ty: pair,
                            inout: false,
                        }],
                        result: Some(TypeTable::VOID),
                    },
                );
                let arr_ty = self.types().array(pair);
                let arr = self.builtin(Builtin::ArrayFromSeq, arr_ty, vec![base], base.span);
                self.builtin(Builtin::ArrForEach, TypeTable::VOID, vec![arr, f], span)
            }
            _ => {
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.no_member(dict, m)
            }
        }
    }

    pub(super) fn set_method(
        &mut self,
        base: TExpr<'s>,
        e: TypeId,
        name: &str,
        m: Ident<'_>,
        args: &[Arg<'_>],
        span: Span,
    ) -> TExpr<'s> {
        let err = TypeTable::ERROR;
        let set = base.ty;
        let labels: Vec<Option<&str>> = args.iter().map(|a| a.label.map(|l| l.name)).collect();
        match (name, labels.as_slice()) {
            ("insert" | "remove", [None]) => {
                let v = self.check_expr_as(args[0].value, e, ARG);
                let Some(r) = self.mutating_receiver(base, base.span, name) else {
                    return self.mk(err, TExprKind::Void, span);
                };
                if name == "insert" {
                    // Swift returns `(inserted: Bool, memberAfterInsert: T)`, almost always discarded.
                    let t = self.types().tuple(vec![
                        (Some("inserted".into()), TypeTable::BOOL),
                        (Some("memberAfterInsert".into()), e),
                    ]);
                    self.builtin(Builtin::SetInsert, t, vec![r, v], span)
                } else {
                    let t = self.types().optional(e);
                    self.builtin(Builtin::SetRemove, t, vec![r, v], span)
                }
            }
            ("contains", [None]) => {
                let v = self.check_expr_as(args[0].value, e, ARG);
                self.builtin(Builtin::SetContains, TypeTable::BOOL, vec![base, v], span)
            }
            ("union" | "intersection" | "subtracting" | "symmetricDifference", [None]) => {
                let v = self.seq_arg(name, args[0].value, e, set, m.span);
                let b = match name {
                    "union" => Builtin::SetUnion,
                    "intersection" => Builtin::SetIntersection,
                    "subtracting" => Builtin::SetSubtracting,
                    _ => Builtin::SetSymmetricDifference,
                };
                self.builtin(b, set, vec![base, v], span)
            }
            ("formUnion" | "formIntersection" | "subtract" | "formSymmetricDifference", [None]) => {
                let v = self.seq_arg(name, args[0].value, e, set, m.span);
                let b = match name {
                    "formUnion" => Builtin::SetUnion,
                    "formIntersection" => Builtin::SetIntersection,
                    "subtract" => Builtin::SetSubtracting,
                    _ => Builtin::SetSymmetricDifference,
                };
                self.set_form(base, b, v, span)
            }
            ("isSubset", [Some("of")])
            | ("isSuperset", [Some("of")])
            | ("isDisjoint", [Some("with")]) => {
                let label = if name == "isDisjoint" { "with" } else { "of" };
                let shown = format!("{name}({label}:)");
                let v = self.seq_arg(&shown, args[0].value, e, set, m.span);
                let b = match name {
                    "isSubset" => Builtin::SetIsSubset,
                    "isSuperset" => Builtin::SetIsSuperset,
                    _ => Builtin::SetIsDisjoint,
                };
                self.builtin(b, TypeTable::BOOL, vec![base, v], span)
            }
            ("sorted", []) => {
                if !self.comparable(e) {
                    return self.not_comparable(name, e, span);
                }
                let t = self.types().array(e);
                self.builtin(Builtin::SetSorted, t, vec![base], span)
            }
            _ => {
                // Sequence methods on a set work on its elements in order.
                let arr_ty = self.types().array(e);
                let arr = self.builtin(Builtin::ArrayFromSeq, arr_ty, vec![base], base.span);
                let labels: Vec<Option<&str>> =
                    args.iter().map(|a| a.label.map(|l| l.name)).collect();
                if matches!(
                    name,
                    "map"
                        | "filter"
                        | "forEach"
                        | "reduce"
                        | "contains"
                        | "allSatisfy"
                        | "compactMap"
                        | "min"
                        | "max"
                        | "first"
                ) {
                    return self.array_method(arr, e, name, m, args, &labels, span);
                }
                for a in args {
                    let _ = self.check_expr(a.value, None);
                }
                self.no_member(set, m)
            }
        }
    }
}
