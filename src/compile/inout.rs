//! `inout` arguments and mutating receivers: the place's value is *moved* out for the
//! call and put back after it, so the callee mutates a unique value (`c.items.append(x)`,
//! `grid[r].fill()`, `swapAt` on a struct's array copy nothing), and an overlapping access
//! during the call finds the place empty (the VM's run-time exclusivity check).
//!
//! A variable is taken directly. Any other place is *parked*: its index and key values are
//! evaluated where the argument is written (Swift's formal evaluation order), then, after
//! every argument (Swift begins `inout` accesses at the call), the place's value and the
//! context `put_prepared` needs later (the bases it was taken from) go into scratch slots.

use super::op::Op;
use super::place::Prepared;
use super::FnCompiler;
use crate::sema::ir::*;

/// A place whose value was moved into a scratch slot, with its context in others.
pub(super) struct Parked {
    prepared: Prepared,
    /// The context values, top of the stack first.
    context: Vec<u16>,
    /// The slot holding the value.
    pub value: u16,
}

/// How an `inout` argument is written back after the call.
pub(super) enum WriteBack<'s> {
    /// A variable (moved), or a place copied in and out.
    Var(&'s Place<'s>),
    Parked(Parked),
}

/// How many values `take_prepared` leaves below the place's value.
fn context_len(p: &Prepared) -> usize {
    match p {
        Prepared::Var(_) | Prepared::Discard => 0,
        Prepared::Index(base, _)
        | Prepared::DictKey(base, _)
        | Prepared::DictForce(base, _)
        | Prepared::DictKeyDefault(base, _, _) => context_len(base) + 2,
        Prepared::TupleField(base, _) | Prepared::Computed(base, _, _) => context_len(base) + 1,
        Prepared::Unwrapped(base, _) => context_len(base),
        Prepared::ObjField(..) | Prepared::ObjComputed(..) => 1,
    }
}

impl<'m, 'f, 's, 'c> FnCompiler<'m, 'f, 's, 'c> {
    /// Moves a prepared place's value into a scratch slot and its context into others.
    pub(super) fn park(&mut self, prepared: Prepared) -> Parked {
        self.take_prepared(&prepared);
        let value = self.scratch();
        self.emit(Op::Store(value));
        let n = context_len(&prepared);
        let mut context = Vec::with_capacity(n);
        for _ in 0..n {
            let s = self.scratch();
            self.emit(Op::Store(s));
            context.push(s);
        }
        Parked {
            prepared,
            context,
            value,
        }
    }

    /// Writes the value on top back into a parked place.
    pub(super) fn unpark(&mut self, parked: &Parked) {
        self.emit(Op::Store(parked.value));
        for &s in parked.context.iter().rev() {
            self.emit(Op::Take(s));
        }
        self.emit(Op::Take(parked.value));
        self.put_prepared(&parked.prepared);
        self.release_prepared(&parked.prepared);
    }

    /// Pushes arguments; returns how to write back the `inout` ones, in argument order.
    /// Every argument is evaluated first; then each `inout` place's value is moved into its
    /// argument position, as Swift begins the `inout` accesses only at the call.
    pub(super) fn args(&mut self, args: &'s [TExpr<'s>]) -> Vec<WriteBack<'s>> {
        // Two places of one call may be disjoint parts of one variable (`add(&p.x,
        // &p.y)`), which cannot both be moved out of it: those are copied in and out.
        let parkable = args
            .iter()
            .filter(|a| matches!(a.kind, TExprKind::InOut(p) if !matches!(p, Place::Var(..))))
            .count()
            == 1;
        let mut places = Vec::new();
        for (i, a) in args.iter().enumerate() {
            match &a.kind {
                TExprKind::InOut(place) => {
                    let place: &'s Place<'s> = place;
                    let prepared = match place {
                        Place::Var(..) => None,
                        _ if parkable => Some(self.prepare(place)),
                        _ => {
                            self.load_place(place);
                            places.push((i, place, None));
                            continue;
                        }
                    };
                    self.emit(Op::Void);
                    places.push((i, place, prepared));
                }
                _ => self.expr(a),
            }
        }
        let mut back = Vec::with_capacity(places.len());
        for (i, place, prepared) in places {
            match (place, prepared) {
                (Place::Var(r, _), _) => {
                    self.take_var(*r);
                    back.push(WriteBack::Var(place));
                }
                (_, Some(prepared)) => {
                    let parked = self.park(prepared);
                    self.emit(Op::Take(parked.value));
                    back.push(WriteBack::Parked(parked));
                }
                (_, None) => {
                    // Copied in where it was written.
                    back.push(WriteBack::Var(place));
                    continue;
                }
            }
            let depth = args.len() - i;
            self.emit(Op::Poke(u16::try_from(depth).unwrap_or(u16::MAX)));
        }
        back
    }

    /// After a call, the callee left `[result, inout values...]`: write them back, last
    /// first, leaving the result.
    pub(super) fn write_back_inouts(&mut self, inouts: &[WriteBack<'s>]) {
        for w in inouts.iter().rev() {
            match w {
                WriteBack::Var(p) => self.store_into_place(p),
                WriteBack::Parked(parked) => self.unpark(parked),
            }
        }
    }
}
