//! Patterns: `switch` cases, `if case`, `for` and `let` destructuring, compiled to
//! [`TPattern`]s matched against a subject variable.

use super::ir::*;
use super::types::{Type, TypeId, TypeTable};
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::token::{BinOp, PrefixOp};

impl<'e, 's> Checker<'e, 's> {
    /// A pattern that must always match (declarations, `for`): names bind.
    pub(super) fn irrefutable_pattern(
        &mut self,
        p: &Pattern<'_>,
        ty: TypeId,
        mutable: bool,
    ) -> &'s TPattern<'s> {
        let mut names = Vec::new();
        let t = self.pattern_inner(p, ty, &mut names, Some(mutable));
        if !pattern_total(&t) {
            self.error(
                "pattern can fail to match here; use 'if case' or 'switch'",
                p.span,
            );
        }
        self.alloc(t)
    }

    /// A pattern that may fail (`case`, `if case`); `names` collects bindings so the
    /// alternatives of one case bind the same variables.
    pub(super) fn refutable_pattern(
        &mut self,
        p: &Pattern<'_>,
        ty: TypeId,
        names: &mut Vec<(String, VarId)>,
    ) -> &'s TPattern<'s> {
        let t = self.pattern_inner(p, ty, names, None);
        self.alloc(t)
    }

    fn bind(
        &mut self,
        name: Ident<'_>,
        ty: TypeId,
        mutable: bool,
        names: &mut Vec<(String, VarId)>,
    ) -> TPattern<'s> {
        if let Some((_, v)) = names.iter().find(|(n, _)| n == name.name) {
            return TPattern::Bind(*v);
        }
        let v = self.declare_local(name.name, ty, mutable);
        names.push((name.name.to_string(), v));
        TPattern::Bind(v)
    }

    /// `binding`: inside `let`/`var` (or a declaration), with its mutability.
    fn pattern_inner(
        &mut self,
        p: &Pattern<'_>,
        ty: TypeId,
        names: &mut Vec<(String, VarId)>,
        binding: Option<bool>,
    ) -> TPattern<'s> {
        match p.kind {
            PatternKind::Wildcard => TPattern::Any,
            PatternKind::Bind(name) => match binding {
                Some(mutable) => self.bind(name, ty, mutable, names),
                None => {
                    let e = Expr {
                        kind: ExprKind::Name(name.name),
                        span: name.span,
                    };
                    self.expr_pattern(&e, ty)
                }
            },
            PatternKind::Binding { mutable, inner } => {
                self.pattern_inner(inner, ty, names, Some(mutable))
            }
            PatternKind::Typed(inner, t) => {
                let declared = self.resolve_type(t);
                if declared != ty && !self.types().is_error(ty) {
                    let (a, b) = (self.ty_name(ty), self.ty_name(declared));
                    self.error(
                        format!("cannot convert value of type '{a}' to specified type '{b}'"),
                        p.span,
                    );
                }
                self.pattern_inner(inner, declared, names, binding)
            }
            PatternKind::Tuple(elems) => {
                let fields = match self.ty(ty) {
                    Type::Tuple(f) if f.len() == elems.len() => f,
                    Type::Error => vec![(None, TypeTable::ERROR); elems.len()],
                    _ => {
                        let n = self.ty_name(ty);
                        self.error(
                            format!(
                                "tuple pattern cannot match values of the non-tuple type '{n}'"
                            ),
                            p.span,
                        );
                        return TPattern::Any;
                    }
                };
                let mut out = Vec::with_capacity(elems.len());
                for (e, (_, fty)) in elems.iter().zip(fields) {
                    let v = self.temp(fty);
                    let inner = self.pattern_inner(e, fty, names, binding);
                    out.push((v, inner));
                }
                TPattern::Tuple(self.slice(out))
            }
            PatternKind::Optional(inner) => match self.ty(ty) {
                Type::Optional(i) => {
                    let v = self.temp(i);
                    let inner = self.pattern_inner(inner, i, names, binding);
                    TPattern::Some(v, self.alloc(inner))
                }
                _ => {
                    let n = self.ty_name(ty);
                    self.error(
                        format!("'?' pattern cannot match values of type '{n}'"),
                        p.span,
                    );
                    TPattern::Any
                }
            },
            PatternKind::EnumCase {
                ty: None,
                case,
                payload,
            } if matches!(self.ty(ty), Type::Optional(_)) => {
                let inner_ty = self
                    .env
                    .types
                    .optional_inner(ty)
                    .unwrap_or(TypeTable::ERROR);
                match (case.name, payload) {
                    ("some", Some([inner])) => {
                        let v = self.temp(inner_ty);
                        let inner = self.pattern_inner(inner, inner_ty, names, binding);
                        TPattern::Some(v, self.alloc(inner))
                    }
                    ("none", None) => {
                        let nil = self.mk(ty, TExprKind::Nil, p.span);
                        TPattern::Equal(BinKind::EqValue, nil)
                    }
                    _ => {
                        let n = self.ty_name(ty);
                        self.error(
                            format!("type '{n}' has no member '{}'", case.name),
                            case.span,
                        );
                        TPattern::Any
                    }
                }
            }
            PatternKind::EnumCase {
                case,
                payload,
                ty: written,
            } => {
                // Only the name, kind and this case (not the whole type: a 10,000-case
                // `switch` would copy it once per case).
                let info = self.env.types.nominal(ty).map(|n| {
                    let case = n.case_named(case.name).map(|(t, c)| (t, c.clone()));
                    (n.name.clone(), n.kind, case)
                });
                if let (Some(w), Some((name, ..))) = (written, &info) {
                    let wt = self.resolve_type(w);
                    if wt != ty && !self.types().is_error(wt) {
                        let n = self.ty_name(wt);
                        self.error(
                            format!("pattern of type '{n}' cannot match values of type '{name}'"),
                            p.span,
                        );
                    }
                }
                let Some((type_name, _, found)) =
                    info.filter(|i| i.1 == super::types::NominalKind::Enum)
                else {
                    if !self.types().is_error(ty) {
                        let n = self.ty_name(ty);
                        self.error(
                            format!("type '{n}' has no member '{}'", case.name),
                            case.span,
                        );
                    }
                    return TPattern::Any;
                };
                let Some((tag, ci)) = found else {
                    self.error(
                        format!("type '{type_name}' has no member '{}'", case.name),
                        case.span,
                    );
                    return TPattern::Any;
                };
                let mut subs = Vec::new();
                match (payload, &ci.payload) {
                    (Some(pats), Some(types)) => {
                        // `.case(let x)` with one tuple-binding pattern for several values is
                        // allowed by Swift (`.upc(let a, let b)` is the usual form).
                        if pats.len() != types.len() {
                            self.error(
                                format!(
                                    "tuple pattern has the wrong length for enum case '{}'",
                                    case.name
                                ),
                                p.span,
                            );
                        }
                        for (sub, (_, t)) in pats.iter().zip(types) {
                            let v = self.temp(*t);
                            let inner = self.pattern_inner(sub, *t, names, binding);
                            subs.push((v, inner));
                        }
                    }
                    (Some(_), None) => {
                        self.error(
                            format!("enum case '{}' has no associated values", case.name),
                            p.span,
                        );
                    }
                    _ => {}
                }
                TPattern::EnumCase(tag, self.slice(subs))
            }
            PatternKind::Is(t) => {
                let target = self.resolve_type(t);
                match self
                    .env
                    .types
                    .nominal_index(target)
                    .filter(|_| self.is_class_type(target))
                {
                    Some(i) => TPattern::IsClass(i),
                    None => {
                        self.error(
                            "'is' patterns are supported on class hierarchies only",
                            p.span,
                        );
                        TPattern::Any
                    }
                }
            }
            PatternKind::As(inner, t) => {
                let target = self.resolve_type(t);
                match self
                    .env
                    .types
                    .nominal_index(target)
                    .filter(|_| self.is_class_type(target))
                {
                    Some(i) => {
                        let v = self.temp(target);
                        let inner = self.pattern_inner(inner, target, names, binding);
                        TPattern::AsClass(i, v, self.alloc(inner))
                    }
                    None => {
                        self.error(
                            "'as' patterns are supported on class hierarchies only",
                            p.span,
                        );
                        TPattern::Any
                    }
                }
            }
            PatternKind::Expr(e) => {
                if binding.is_some() {
                    if let ExprKind::Name(n) = e.kind {
                        return self.bind(
                            Ident {
                                name: n,
                                span: e.span,
                            },
                            ty,
                            binding.unwrap_or(false),
                            names,
                        );
                    }
                }
                self.expr_pattern(e, ty)
            }
        }
    }

    /// An expression pattern: a range (`1...5`, `..<0`) or a value compared with `==`.
    fn expr_pattern(&mut self, e: &Expr<'_>, ty: TypeId) -> TPattern<'s> {
        let cmp_kind = match self.ty(ty) {
            Type::Int => Some(BinKind::LtInt),
            Type::Double => Some(BinKind::LtDouble),
            Type::String | Type::Character => Some(BinKind::LtStr),
            _ => None,
        };
        let range = match e.kind {
            ExprKind::Binary(op @ (BinOp::HalfOpen | BinOp::Closed), lo, hi) => {
                Some((Some(lo), Some(hi), op == BinOp::Closed))
            }
            ExprKind::Prefix(op @ (PrefixOp::UpTo | PrefixOp::Through), hi) => {
                Some((None, Some(hi), op == PrefixOp::Through))
            }
            ExprKind::PostfixRange(lo) => Some((Some(lo), None, true)),
            _ => None,
        };
        if let Some((lo, hi, closed)) = range {
            let Some(kind) = cmp_kind else {
                let n = self.ty_name(ty);
                self.error(
                    format!("expression pattern of a range cannot match values of type '{n}'"),
                    e.span,
                );
                return TPattern::Any;
            };
            let lo = lo.map(|l| {
                self.check_expr_as(
                    l,
                    ty,
                    "expression pattern of type '{}' cannot match values of type '{}'",
                )
            });
            let hi = hi.map(|h| {
                self.check_expr_as(
                    h,
                    ty,
                    "expression pattern of type '{}' cannot match values of type '{}'",
                )
            });
            return TPattern::Range(lo, hi, closed, kind);
        }
        let v = self.check_expr(e, Some(ty));
        let v = if v.ty == ty {
            v
        } else {
            self.coerce(
                v,
                ty,
                "expression pattern of type '{}' cannot match values of type '{}'",
            )
        };
        let kind = match self.binary_kind(BinOp::Eq, ty, ty) {
            Some((k, _)) => k,
            None => {
                if !self.types().is_error(ty) {
                    let n = self.ty_name(ty);
                    self.error(
                        format!(
                            "operator function '~=' requires that '{n}' conform to 'Equatable'"
                        ),
                        e.span,
                    );
                }
                BinKind::EqValue
            }
        };
        TPattern::Equal(kind, v)
    }
}

/// Whether a pattern matches every value of its type.
fn pattern_total(p: &TPattern<'_>) -> bool {
    match p {
        TPattern::Any | TPattern::Bind(_) => true,
        TPattern::Tuple(e) => e.iter().all(|(_, p)| pattern_total(p)),
        _ => false,
    }
}
