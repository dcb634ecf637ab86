//! Swift's law of exclusivity, where it can be enforced statically: two `inout` accesses
//! in one call (`f(&x, &x)`, `swap(&a[0], &a[1])`, `x.mutate(with: &x)`) that overlap are
//! compile errors with swiftc's wording. Accesses to distinct stored properties of a local
//! struct do not overlap; any two elements of one collection do (the access is to the
//! whole collection). Class properties are left to the run time, as in Swift.

use super::ir::*;
use super::Checker;
use crate::diag::Diagnostic;
use crate::stdlib::Builtin;
use crate::syntax::ast::Span;

/// One step from a variable to the part of it an access touches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A stored property or tuple element.
    Field(u32),
    /// An element of a collection, a computed property, an unwrapped optional: the access
    /// is to the whole value.
    Whole,
}

impl<'e, 's> Checker<'e, 's> {
    /// Reports overlapping `inout` arguments of a call about to be built.
    pub(super) fn check_exclusive_args(&mut self, kind: &TExprKind<'s>) {
        let (args, is_swap) = match kind {
            TExprKind::Call(_, args) | TExprKind::CallMethod(_, args) => (*args, false),
            TExprKind::CallValue(_, args) => (*args, false),
            TExprKind::Builtin(b, args) => (*args, *b == Builtin::Swap),
            _ => return,
        };
        let accesses: Vec<(VarRef, Vec<Step>, Span)> = args
            .iter()
            .filter_map(|a| match a.kind {
                TExprKind::InOut(p) => access_path(p).map(|(r, path)| (r, path, a.span)),
                _ => None,
            })
            .collect();
        for (j, (rj, pj, sj)) in accesses.iter().enumerate() {
            for (ri, pi, si) in &accesses[..j] {
                if ri != rj || !overlap(pi, pj) {
                    continue;
                }
                let name = self.var_info(*ri).2;
                if pi.is_empty() && pj.is_empty() {
                    self.errors.push(
                        Diagnostic::error(
                            "inout arguments are not allowed to alias each other",
                            *sj,
                        )
                        .with_note("previous aliasing argument", *si),
                    );
                }
                let advice = if is_swap {
                    "consider calling MutableCollection.swapAt(_:_:)"
                } else {
                    "consider copying to a local variable"
                };
                self.errors.push(
                    Diagnostic::error(
                        format!("overlapping accesses to '{name}', but modification requires exclusive access; {advice}"),
                        *si,
                    )
                    .with_note("conflicting access is here", *sj),
                );
                return;
            }
        }
        self.check_closure_args(args, &accesses);
    }

    /// A closure literal passed in the same call as an `inout` access to a local variable it
    /// captures would access the variable during the modification (the closure is
    /// non-escaping, so swiftc proves the overlap statically; boxes of escaping closures
    /// are checked at run time).
    fn check_closure_args(&mut self, args: &[TExpr<'s>], accesses: &[(VarRef, Vec<Step>, Span)]) {
        for a in args {
            let TExprKind::Closure(fid, _) = a.kind else {
                continue;
            };
            let Some(Some(f)) = self.done.get(fid.0 as usize) else {
                continue;
            };
            let captured: Vec<VarRef> = f
                .captures
                .iter()
                .filter_map(|c| match c {
                    CaptureSource::Local(v) => Some(VarRef::Local(*v)),
                    CaptureSource::Capture(i) => Some(VarRef::Capture(*i)),
                    _ => None,
                })
                .collect();
            if let Some((r, _, span)) = accesses.iter().find(|(r, ..)| captured.contains(r)) {
                let name = self.var_info(*r).2;
                self.errors.push(
                    Diagnostic::error(
                        format!("overlapping accesses to '{name}', but modification requires exclusive access; consider copying to a local variable"),
                        *span,
                    )
                    .with_note("conflicting access is here", a.span),
                );
                return;
            }
        }
    }
}

/// The variable an `inout` place is part of and the path to that part; `None` for places
/// rooted in a class instance (dynamic enforcement) or discarded.
fn access_path(p: &Place<'_>) -> Option<(VarRef, Vec<Step>)> {
    match p {
        Place::Var(r, _) => Some((*r, Vec::new())),
        Place::TupleField(b, i, _) => access_path(b).map(|(r, mut path)| {
            path.push(Step::Field(*i));
            (r, path)
        }),
        Place::Index(b, ..)
        | Place::DictKey(b, ..)
        | Place::DictForce(b, ..)
        | Place::DictKeyDefault(b, ..)
        | Place::Computed(b, ..)
        | Place::Unwrapped(b, _) => access_path(b).map(|(r, mut path)| {
            path.push(Step::Whole);
            (r, path)
        }),
        Place::ObjField(..) | Place::ObjComputed(..) | Place::Discard => None,
    }
}

/// Whether two accesses to one variable overlap: one path is a prefix of the other, or
/// they part only where one of them touches a whole value.
fn overlap(a: &[Step], b: &[Step]) -> bool {
    for (x, y) in a.iter().zip(b) {
        match (x, y) {
            (Step::Field(i), Step::Field(j)) if i != j => return false,
            (Step::Field(_), Step::Field(_)) => {}
            _ => return true,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_fields_do_not_overlap_but_elements_do() {
        assert!(overlap(&[], &[]));
        assert!(overlap(&[], &[Step::Field(0)]));
        assert!(!overlap(&[Step::Field(0)], &[Step::Field(1)]));
        assert!(overlap(
            &[Step::Field(0)],
            &[Step::Field(0), Step::Field(1)]
        ));
        assert!(overlap(&[Step::Whole], &[Step::Whole]));
        assert!(overlap(
            &[Step::Field(1), Step::Whole],
            &[Step::Field(1), Step::Whole]
        ));
    }
}
