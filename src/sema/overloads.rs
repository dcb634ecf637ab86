//! Overload resolution for functions that share a base name: among the declarations whose
//! argument labels fit the call, the one whose parameter types fit the arguments best, by
//! Swift's ranking as far as this subset needs it: an exact type beats a literal's
//! non-default type (`1` as `Double`), which beats an optional promotion (`Int` to `Int?`);
//! a subclass converts to its superclass; fewer defaulted parameters break a tie, then the
//! contextual result type. Two equally good candidates are `ambiguous use of 'f'`.
//!
//! Argument types are found by checking each argument once without context, with its errors
//! discarded (the chosen candidate's parameter types then check it for real). Closure
//! arguments are not checked ahead: they fit any function-typed parameter.

use super::types::{Type, TypeId};
use super::{Checker, FuncSig};
use crate::syntax::ast::*;
use crate::syntax::token::PrefixOp;

/// What an argument is, for ranking.
#[derive(Clone, Copy, Debug)]
enum ArgKind {
    /// An integer literal (`1`, `-1`): `Int` by default, also any floating type.
    IntLiteral,
    /// A floating literal: `Double`.
    FloatLiteral,
    /// A string literal: `String` by default, also `Character` when one character long.
    StrLiteral,
    /// `nil`: any optional.
    Nil,
    /// A closure: any function type.
    Closure,
    /// An expression of a known type.
    Typed(TypeId),
}

/// How well a candidate fits: lower is better, compared in order.
type Score = (u32, u32, u32);

impl<'e, 's> Checker<'e, 's> {
    /// Chooses among overloads of `name` (module function indices, newest first, with their
    /// signatures) for a call with `args`. `None` after reporting an ambiguity; the first
    /// candidate whose labels fit when no candidate's types fit (its check reports why).
    pub(super) fn choose_overload(
        &mut self,
        name: &str,
        candidates: &[(u32, FuncSig)],
        args: &[Arg<'_>],
        expected: Option<TypeId>,
        span: Span,
    ) -> Option<(u32, FuncSig)> {
        let labels = Self::labels_of(args);
        let mut fitting: Vec<&(u32, FuncSig)> = Vec::new();
        for c in candidates {
            // A newer declaration with the same signature shadows an older one (REPL).
            let shadowed = fitting.iter().any(|f| {
                f.1.labels == c.1.labels && f.1.params == c.1.params && f.1.result == c.1.result
            });
            if !shadowed && arg_params(&c.1, &labels, self.trailing).is_some() {
                fitting.push(c);
            }
        }
        match fitting.len() {
            0 => return candidates.first().cloned(),
            1 => return fitting.first().map(|c| (*c).clone()),
            _ => {}
        }
        let kinds = self.probe_args(args);
        let mut best: Vec<(Score, &(u32, FuncSig))> = Vec::new();
        for c in fitting.iter().copied() {
            let Some(score) = self.score(&c.1, &labels, &kinds, expected) else {
                continue;
            };
            match best.first() {
                Some((s, _)) if score > *s => {}
                Some((s, _)) if score == *s => best.push((score, c)),
                _ => best = vec![(score, c)],
            }
        }
        match best.as_slice() {
            [] => fitting.first().map(|c| (*c).clone()),
            [(_, c)] => Some((*c).clone()),
            _ => {
                self.error(format!("ambiguous use of '{name}'"), span);
                None
            }
        }
    }

    /// Each argument's kind, checking typed arguments without context (errors discarded).
    fn probe_args(&mut self, args: &[Arg<'_>]) -> Vec<ArgKind> {
        let (trailing, paren) = (self.trailing, self.call_paren);
        let kinds = args.iter().map(|a| self.probe(a.value)).collect();
        (self.trailing, self.call_paren) = (trailing, paren);
        kinds
    }

    fn probe(&mut self, e: &Expr<'_>) -> ArgKind {
        match e.kind {
            ExprKind::Int(_) => ArgKind::IntLiteral,
            ExprKind::Float(_) => ArgKind::FloatLiteral,
            ExprKind::Prefix(PrefixOp::Neg | PrefixOp::Plus, inner) => match self.probe(inner) {
                k @ (ArgKind::IntLiteral | ArgKind::FloatLiteral) => k,
                _ => self.probe_typed(e),
            },
            ExprKind::Str([StrSegment::Text(_)] | []) => ArgKind::StrLiteral,
            ExprKind::Nil => ArgKind::Nil,
            ExprKind::Closure(_) => ArgKind::Closure,
            ExprKind::Paren(inner) | ExprKind::InOut(inner) => self.probe(inner),
            _ => self.probe_typed(e),
        }
    }

    fn probe_typed(&mut self, e: &Expr<'_>) -> ArgKind {
        let errors = self.errors.len();
        let ty = self.check_expr(e, None).ty;
        self.errors.truncate(errors);
        ArgKind::Typed(ty)
    }

    /// How well `sig` fits; `None` when some argument cannot be passed.
    fn score(
        &self,
        sig: &FuncSig,
        labels: &[Option<String>],
        kinds: &[ArgKind],
        expected: Option<TypeId>,
    ) -> Option<Score> {
        let map = arg_params(sig, labels, self.trailing)?;
        let mut conversions = 0;
        for (kind, param) in kinds.iter().zip(&map) {
            let pty = *sig.params.get(*param)?;
            conversions += self.arg_cost(*kind, pty)?;
        }
        let defaulted =
            sig.params.len() - map.iter().collect::<std::collections::HashSet<_>>().len();
        let result_mismatch = u32::from(expected.is_some_and(|t| t != sig.result));
        Some((
            conversions,
            u32::try_from(defaulted).unwrap_or(u32::MAX),
            result_mismatch,
        ))
    }

    /// The cost of passing an argument of `kind` as `param`: 0 exact, 1 a literal's other
    /// type or an upcast, 2 an optional promotion; `None` when it cannot be passed.
    fn arg_cost(&self, kind: ArgKind, param: TypeId) -> Option<u32> {
        let types = &self.env.types;
        if types.is_error(param) {
            return Some(0);
        }
        if let Some(inner) = types.optional_inner(param) {
            if matches!(kind, ArgKind::Nil) {
                return Some(0);
            }
            if let ArgKind::Typed(t) = kind {
                if t == param {
                    return Some(0);
                }
            }
            return self.arg_cost(kind, inner).map(|c| c + 2);
        }
        match (kind, types.get(param)) {
            (ArgKind::IntLiteral, Type::Int) => Some(0),
            (ArgKind::IntLiteral | ArgKind::FloatLiteral, Type::Double) => {
                Some(u32::from(matches!(kind, ArgKind::IntLiteral)))
            }
            (ArgKind::StrLiteral, Type::String) => Some(0),
            (ArgKind::StrLiteral, Type::Character) => Some(1),
            (ArgKind::Closure, Type::Function(..)) => Some(0),
            (ArgKind::Typed(t), _) if t == param || types.is_error(t) => Some(0),
            (ArgKind::Typed(t), Type::Nominal(_)) if types.is_subclass(t, param) => Some(1),
            _ => None,
        }
    }
}

/// For each argument, the index of the parameter it is passed to (a variadic parameter
/// takes several); `None` when the labels do not fit. A trailing closure matches its
/// parameter whatever the parameter's label.
fn arg_params(sig: &FuncSig, labels: &[Option<String>], trailing: usize) -> Option<Vec<usize>> {
    let first_trailing = labels.len().saturating_sub(trailing);
    let mut map = Vec::with_capacity(labels.len());
    let mut ai = 0;
    for (pi, l) in sig.labels.iter().enumerate() {
        let fits = |ai: usize| {
            labels
                .get(ai)
                .is_some_and(|al| al == l || (ai >= first_trailing && al.is_none()))
        };
        if sig.variadic == Some(pi) {
            if fits(ai) {
                map.push(pi);
                ai += 1;
                while ai < first_trailing && labels.get(ai).is_some_and(Option::is_none) {
                    map.push(pi);
                    ai += 1;
                }
            }
            continue;
        }
        if fits(ai) {
            map.push(pi);
            ai += 1;
        } else if sig.defaults.get(pi).copied().flatten().is_none() {
            return None;
        }
    }
    (ai == labels.len()).then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sema::types::TypeTable;

    fn sig(labels: &[Option<&str>], defaults: &[bool], variadic: Option<usize>) -> FuncSig {
        FuncSig {
            name: "f".into(),
            labels: labels.iter().map(|l| l.map(str::to_string)).collect(),
            params: vec![TypeTable::INT; labels.len()],
            inout: vec![false; labels.len()],
            variadic,
            defaults: defaults.iter().map(|d| d.then_some(0)).collect(),
            result: TypeTable::VOID,
            discardable: false,
        }
    }

    fn labels(ls: &[Option<&str>]) -> Vec<Option<String>> {
        ls.iter().map(|l| l.map(str::to_string)).collect()
    }

    #[test]
    fn arguments_map_to_parameters_by_label() {
        let s = sig(&[None, Some("y")], &[false, true], None);
        assert_eq!(arg_params(&s, &labels(&[None]), 0), Some(vec![0]));
        assert_eq!(
            arg_params(&s, &labels(&[None, Some("y")]), 0),
            Some(vec![0, 1])
        );
        assert_eq!(arg_params(&s, &labels(&[Some("y")]), 0), None);
        assert_eq!(arg_params(&s, &labels(&[None, Some("z")]), 0), None);
    }

    #[test]
    fn variadics_and_trailing_closures() {
        let s = sig(&[None, Some("then")], &[false, false], Some(0));
        assert_eq!(
            arg_params(&s, &labels(&[None, None, None, Some("then")]), 0),
            Some(vec![0, 0, 0, 1])
        );
        let t = sig(&[Some("x"), Some("body")], &[false, false], None);
        assert_eq!(
            arg_params(&t, &labels(&[Some("x"), None]), 1),
            Some(vec![0, 1])
        );
        assert_eq!(arg_params(&t, &labels(&[Some("x"), None]), 0), None);
    }
}
