//! Places in bytecode: reading, taking, putting back and releasing what an assignment,
//! a compound assignment or an `inout` argument writes to. Index and key expressions are
//! evaluated once into scratch slots before the access begins, as Swift does.

use super::op::Op;
use super::FnCompiler;
use crate::sema::ir::*;
use crate::sema::types::TypeId;
use crate::stdlib::Builtin;

impl<'m, 'f, 's, 'c> FnCompiler<'m, 'f, 's, 'c> {
    /// Evaluates a place's index and key expressions into scratch slots, so the place can be
    /// taken and put back without evaluating anything in between (Swift evaluates them before
    /// the access begins).
    pub(super) fn prepare(&mut self, p: &Place<'s>) -> Prepared {
        match p {
            Place::Var(r, _) => Prepared::Var(*r),
            Place::Discard => Prepared::Discard,
            Place::Index(base, i, _) => {
                let b = self.prepare(base);
                self.expr(i);
                let s = self.scratch();
                self.emit(Op::Store(s));
                Prepared::Index(Box::new(b), s)
            }
            Place::DictKey(base, k, _) => {
                let b = self.prepare(base);
                self.expr(k);
                let s = self.scratch();
                self.emit(Op::Store(s));
                Prepared::DictKey(Box::new(b), s)
            }
            Place::DictForce(base, k, _) => {
                let b = self.prepare(base);
                self.expr(k);
                let s = self.scratch();
                self.emit(Op::Store(s));
                Prepared::DictForce(Box::new(b), s)
            }
            Place::DictKeyDefault(base, k, d, _) => {
                let b = self.prepare(base);
                self.expr(k);
                let ks = self.scratch();
                self.emit(Op::Store(ks));
                self.expr(d);
                let ds = self.scratch();
                self.emit(Op::Store(ds));
                Prepared::DictKeyDefault(Box::new(b), ks, ds)
            }
            Place::TupleField(base, i, _) => {
                let b = self.prepare(base);
                let i = self.fit16(*i, "too many elements in tuple or struct");
                Prepared::TupleField(Box::new(b), i)
            }
            Place::Unwrapped(base, t) => {
                let b = self.prepare(base);
                Prepared::Unwrapped(Box::new(b), *t)
            }
            Place::Computed(base, getter, setter, _) => {
                let b = self.prepare(base);
                Prepared::Computed(Box::new(b), *getter, *setter)
            }
            Place::ObjField(base, i, _) => {
                self.expr(base);
                let s = self.scratch();
                self.emit(Op::Store(s));
                let i = self.fit16(*i, "too many stored properties in type");
                Prepared::ObjField(s, i)
            }
            Place::ObjComputed(base, getter, setter, _) => {
                self.expr(base);
                let s = self.scratch();
                self.emit(Op::Store(s));
                Prepared::ObjComputed(s, *getter, *setter)
            }
        }
    }

    /// Pushes the place's context and moves its value out: `[ctx..., value]`.
    pub(super) fn take_prepared(&mut self, p: &Prepared) {
        match p {
            Prepared::Var(r) => self.take_var(*r),
            Prepared::Index(base, s) => {
                self.take_prepared(base);
                self.emit(Op::Load(*s));
                self.emit(Op::ArrayTake);
            }
            Prepared::DictKey(base, s) => {
                self.take_prepared(base);
                self.emit(Op::Load(*s));
                self.emit(Op::DictTake);
            }
            Prepared::DictForce(base, s) => {
                self.take_prepared(base);
                self.emit(Op::Load(*s));
                self.emit(Op::DictTake);
                self.emit(Op::ForceUnwrap);
            }
            Prepared::DictKeyDefault(base, k, d) => {
                self.take_prepared(base);
                self.emit(Op::Load(*k));
                self.emit(Op::Load(*d));
                self.emit(Op::DictTakeDefault);
            }
            Prepared::TupleField(base, i) => {
                self.take_prepared(base);
                self.emit(Op::TupleTake(*i));
            }
            Prepared::Unwrapped(base, _) => {
                self.take_prepared(base);
                self.emit(Op::ForceUnwrap);
            }
            Prepared::ObjField(s, i) => {
                self.emit(Op::Load(*s));
                self.emit(Op::ObjTake(*i));
            }
            Prepared::ObjComputed(s, getter, _) => {
                // [] -> [obj, value]
                self.emit(Op::Load(*s));
                self.emit(Op::Dup);
                self.get_with(*getter, true);
            }
            Prepared::Computed(base, getter, _) => {
                // [ctx, base] -> [ctx, base, value]
                self.take_prepared(base);
                self.emit(Op::Dup);
                self.get_with(*getter, false);
            }
            Prepared::Discard => {
                self.emit(Op::Void);
            }
        }
    }

    /// Consumes `[ctx..., value]` and writes the value back into the place.
    pub(super) fn put_prepared(&mut self, p: &Prepared) {
        match p {
            Prepared::Var(r) => self.store_var(*r),
            Prepared::Index(base, _) => {
                self.emit(Op::ArrayPut);
                self.put_prepared(base);
            }
            Prepared::DictKey(base, _) => {
                self.emit(Op::DictPut);
                self.put_prepared(base);
            }
            Prepared::DictKeyDefault(base, _, _) | Prepared::DictForce(base, _) => {
                self.emit(Op::DictPutValue);
                self.put_prepared(base);
            }
            Prepared::TupleField(base, i) => {
                self.emit(Op::TuplePut(*i));
                self.put_prepared(base);
            }
            Prepared::Unwrapped(base, t) => {
                self.wrap_if_nested(*t);
                self.put_prepared(base);
            }
            Prepared::ObjField(_, i) => {
                self.emit(Op::ObjPut(*i));
            }
            Prepared::ObjComputed(_, _, setter) => {
                // [obj, value] -> setter(obj, value) -> ()
                match *setter {
                    Accessor::Method(key) => self.emit(Op::CallMethod(key, 2)),
                    Accessor::Func(f) | Accessor::Field(f) => self.emit(Op::Call(f, 2)),
                };
                self.emit(Op::Pop);
            }
            Prepared::Computed(base, _, setter) => {
                // [ctx, base, value] -> setter(&base, value) leaves [ctx, (), base']
                self.emit(Op::Call(*setter, 2));
                self.emit(Op::Swap);
                self.emit(Op::Pop);
                self.put_prepared(base);
            }
            Prepared::Discard => {
                self.emit(Op::Pop);
            }
        }
    }

    /// Pushes a copy of the place's current value.
    pub(super) fn load_place(&mut self, p: &Place<'s>) {
        match p {
            Place::Var(r, _) => self.load_var(*r),
            Place::Discard => {
                self.emit(Op::Void);
            }
            Place::Index(base, i, _) => {
                self.load_place(base);
                self.expr(i);
                self.emit(Op::Builtin(Builtin::ArrGet, 2));
            }
            Place::DictKey(base, k, _) => {
                self.load_place(base);
                self.expr(k);
                self.emit(Op::Builtin(Builtin::DictGet, 2));
            }
            Place::DictForce(base, k, _) => {
                self.load_place(base);
                self.expr(k);
                self.emit(Op::Builtin(Builtin::DictGet, 2));
                self.emit(Op::ForceUnwrap);
            }
            Place::DictKeyDefault(base, k, d, _) => {
                self.load_place(base);
                self.expr(k);
                self.expr(d);
                self.emit(Op::Builtin(Builtin::DictGetDefault, 3));
            }
            Place::TupleField(base, i, _) => {
                self.load_place(base);
                let i = self.fit16(*i, "too many elements in tuple or struct");
                self.emit(Op::TupleGet(i));
            }
            Place::Unwrapped(base, _) => {
                self.load_place(base);
                self.emit(Op::ForceUnwrap);
            }
            Place::Computed(base, getter, _, _) => {
                self.load_place(base);
                self.get_with(*getter, false);
            }
            Place::ObjField(base, i, _) => {
                self.expr(base);
                let i = self.fit16(*i, "too many stored properties in type");
                self.emit(Op::ObjGet(i));
            }
            Place::ObjComputed(base, getter, _, _) => {
                self.expr(base);
                self.get_with(*getter, true);
            }
        }
    }

    /// Replaces the instance (`object`) or value on top with the property `getter` reads.
    fn get_with(&mut self, getter: Accessor, object: bool) {
        match getter {
            Accessor::Func(f) => self.emit(Op::Call(f, 1)),
            Accessor::Method(key) => self.emit(Op::CallMethod(key, 1)),
            Accessor::Field(i) => {
                let i = u16::try_from(i).unwrap_or(u16::MAX);
                self.emit(if object {
                    Op::ObjGet(i)
                } else {
                    Op::TupleGet(i)
                })
            }
        };
    }

    /// Stores the value on top into a place.
    pub(super) fn store_into_place(&mut self, p: &Place<'s>) {
        match p {
            Place::Var(r, _) => self.store_var(*r),
            Place::Discard => {
                self.emit(Op::Pop);
            }
            _ => {
                let tmp = self.scratch();
                self.emit(Op::Store(tmp));
                let prepared = self.prepare(p);
                // A plain assignment reads nothing of the old value (a computed property's
                // getter is not called, a dictionary is looked up once); a forced key must
                // still be present, so it is taken (and checked) like a compound assignment.
                if !self.push_context(&prepared) {
                    self.take_prepared(&prepared);
                    self.emit(Op::Pop);
                }
                self.emit(Op::Take(tmp));
                self.put_prepared(&prepared);
                self.release_prepared(&prepared);
            }
        }
    }

    /// Pushes what `put_prepared` needs below the new value (`[ctx...]`) without taking the
    /// place's current value; false (nothing emitted) for places that must be read first.
    fn push_context(&mut self, p: &Prepared) -> bool {
        match p {
            Prepared::Var(_)
            | Prepared::Discard
            | Prepared::DictForce(..)
            | Prepared::Unwrapped(..) => return false,
            Prepared::Index(base, s) | Prepared::DictKey(base, s) => {
                self.take_prepared(base);
                self.emit(Op::Load(*s));
            }
            Prepared::DictKeyDefault(base, k, _) => {
                self.take_prepared(base);
                self.emit(Op::Load(*k));
            }
            Prepared::TupleField(base, _) | Prepared::Computed(base, _, _) => {
                self.take_prepared(base);
            }
            Prepared::ObjField(s, _) | Prepared::ObjComputed(s, _, _) => {
                self.emit(Op::Load(*s));
            }
        }
        true
    }

    /// Ends an access: the scratch slots holding a class instance let it go (ARC), so
    /// `obj.x = v` leaves no hidden strong reference behind.
    pub(super) fn release_prepared(&mut self, p: &Prepared) {
        match p {
            Prepared::Var(_) | Prepared::Discard => {}
            Prepared::Index(base, _)
            | Prepared::DictKey(base, _)
            | Prepared::DictForce(base, _)
            | Prepared::DictKeyDefault(base, _, _)
            | Prepared::TupleField(base, _)
            | Prepared::Unwrapped(base, _)
            | Prepared::Computed(base, _, _) => self.release_prepared(base),
            Prepared::ObjField(s, _) | Prepared::ObjComputed(s, _, _) => {
                self.emit(Op::Void);
                self.emit(Op::Store(*s));
            }
        }
    }
}

/// A place with its index and key values already in scratch slots.
pub(super) enum Prepared {
    Var(VarRef),
    Index(Box<Prepared>, u16),
    DictKey(Box<Prepared>, u16),
    DictKeyDefault(Box<Prepared>, u16, u16),
    DictForce(Box<Prepared>, u16),
    TupleField(Box<Prepared>, u16),
    Unwrapped(Box<Prepared>, TypeId),
    Computed(Box<Prepared>, Accessor, u32),
    ObjField(u16, u16),
    ObjComputed(u16, Accessor, Accessor),
    Discard,
}
