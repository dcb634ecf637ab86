//! The fused instructions of the peephole pass (`compile/peephole.rs`): operations that
//! read their operands from frame slots and write their results to slots or stored
//! properties, without going through the stack. Each returns whether it stayed on its fast
//! path (numbers only: nothing released, so the loop need not look for deinits); otherwise
//! it does what the unfused instructions would have done, traps included.

use super::*;

/// A fused instruction's right operand.
#[derive(Clone, Copy)]
pub(super) enum Rhs {
    /// A constant Int.
    Int(i64),
    /// A frame slot, read in place.
    Slot(u16),
}

/// A copy of `v` to push: a number as a [`Scalar`] (read as tag and bits, not copied
/// whole), anything else copied (`()` for nothing).
#[inline(always)]
pub(super) fn copied(v: Option<&Value>) -> Result<Scalar, Value> {
    match v {
        Some(v) => Scalar::of(v).ok_or_else(|| v.copy()),
        None => Err(Value::Void),
    }
}

impl<'m> Vm<'m> {
    /// The value in slot `s` of the frame at `base`, copied (`Void` past the frame).
    #[inline(always)]
    pub(super) fn slot_value(&self, base: usize, s: u16) -> Value {
        match self.stack.get(base + s as usize) {
            // A number is read as tag and bits: a whole-value copy of a slot just written
            // in pieces waits for every earlier store to reach the cache.
            Some(v) => match Scalar::of(v) {
                Some(n) => n.value(),
                None => v.copy(),
            },
            None => Value::Void,
        }
    }

    /// Moves slot `s`'s value out, leaving `()` (numbers read as a [`Scalar`]).
    #[inline(always)]
    pub(super) fn take_slot(&mut self, base: usize, s: u16) -> R<Value> {
        let slot = self.slot_mut(base, s)?;
        Ok(match Scalar::of(slot) {
            Some(n) => {
                // Plain data: overwritten without being read whole.
                std::mem::forget(std::mem::replace(slot, Value::Void));
                n.value()
            }
            None => std::mem::take(slot),
        })
    }

    /// Pushes a copy of slot `s` (numbers as a [`Scalar`], not copied whole).
    #[inline(always)]
    pub(super) fn push_slot(&mut self, base: usize, s: u16) {
        let v = copied(self.stack.get(base + s as usize));
        self.push_copied(v);
    }

    /// Pushes what [`copied`] made.
    #[inline(always)]
    pub(super) fn push_copied(&mut self, v: Result<Scalar, Value>) {
        match v {
            Ok(n) => self.push_scalar(n),
            Err(v) => self.stack.push(v),
        }
    }

    /// `slot d = slot a`; true if that released nothing.
    #[inline(always)]
    pub(super) fn move_slot(&mut self, base: usize, d: u16, a: u16) -> R<bool> {
        match self.stack.get(base + a as usize).and_then(Scalar::of) {
            Some(n) => self.store_scalar(base, d, n),
            None => {
                let v = self.slot_value(base, a);
                self.store_slot(base, d, v)
            }
        }
    }

    /// The value below the top (op) the top, on numbers.
    #[inline(always)]
    pub(super) fn scalar_top_two(&self, kind: BinKind) -> Option<Scalar> {
        let n = self.stack.len();
        match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
            (Some(a), Some(b)) => scalar_binary(kind, a, b),
            _ => None,
        }
    }

    /// The top (op) `rhs`, on numbers.
    #[inline(always)]
    pub(super) fn scalar_top(&self, base: usize, rhs: Rhs, kind: BinKind) -> Option<Scalar> {
        self.stack
            .last()
            .and_then(|a| self.scalar_rhs(base, a, rhs, kind))
    }

    /// `a (op) rhs` on numbers (`None`: not numbers, or a trap to report).
    #[inline(always)]
    fn scalar_rhs(&self, base: usize, a: &Value, rhs: Rhs, kind: BinKind) -> Option<Scalar> {
        match rhs {
            Rhs::Int(i) => {
                // Plain data: never dropped through the drop glue.
                let b = std::mem::ManuallyDrop::new(Value::Int(i));
                scalar_binary(kind, a, &b)
            }
            Rhs::Slot(s) => scalar_binary(kind, a, self.stack.get(base + s as usize)?),
        }
    }

    /// The operand as a value of its own (for the general path).
    fn rhs_value(&self, base: usize, rhs: Rhs) -> Value {
        match rhs {
            Rhs::Int(i) => Value::Int(i),
            Rhs::Slot(s) => self.slot_value(base, s),
        }
    }

    /// `slot a (op) rhs` pushed on the stack the general way (every trap and non-number).
    fn push_binary(&mut self, base: usize, a: Value, rhs: Rhs, kind: BinKind) -> R<()> {
        let b = self.rhs_value(base, rhs);
        self.stack.push(a);
        self.stack.push(b);
        self.binary(kind)
    }

    /// Stores a number in slot `s`; true if the value it replaced released nothing.
    #[inline(always)]
    fn store_scalar(&mut self, base: usize, s: u16, v: Scalar) -> R<bool> {
        let slot = self.slot_mut(base, s)?;
        if slot.is_plain() {
            v.put(slot);
            return Ok(true);
        }
        drop(std::mem::replace(slot, v.value()));
        Ok(false)
    }

    /// Pushes a number.
    #[inline(always)]
    pub(super) fn push_scalar(&mut self, v: Scalar) {
        self.stack.push(Value::Void);
        if let Some(top) = self.stack.last_mut() {
            v.put(top);
        }
    }

    /// Stores `v` in slot `s`; true if the value it replaced released nothing.
    #[inline(always)]
    pub(super) fn store_slot(&mut self, base: usize, s: u16, v: Value) -> R<bool> {
        let slot = self.slot_mut(base, s)?;
        if slot.is_plain() {
            // Plain data is overwritten without being read or dropped.
            std::mem::forget(std::mem::replace(slot, v));
            return Ok(true);
        }
        drop(std::mem::replace(slot, v));
        Ok(false)
    }

    /// Pushes `slot a (op) rhs`.
    #[inline(always)]
    pub(super) fn load_binary(&mut self, base: usize, a: u16, rhs: Rhs, kind: BinKind) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => self.scalar_rhs(base, x, rhs, kind),
            None => None,
        };
        match fast {
            Some(v) => {
                self.push_scalar(v);
                Ok(true)
            }
            None => {
                let a = self.slot_value(base, a);
                self.push_binary(base, a, rhs, kind)?;
                Ok(false)
            }
        }
    }

    /// `slot d = slot a (op) rhs`.
    #[inline(always)]
    pub(super) fn slot_binary(
        &mut self,
        base: usize,
        d: u16,
        a: u16,
        rhs: Rhs,
        kind: BinKind,
    ) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => self.scalar_rhs(base, x, rhs, kind),
            None => None,
        };
        match fast {
            Some(v) => self.store_scalar(base, d, v),
            None => {
                let a = self.slot_value(base, a);
                self.push_binary(base, a, rhs, kind)?;
                let v = self.pop();
                self.store_slot(base, d, v)?;
                Ok(false)
            }
        }
    }

    /// Pops `x`, stores `x (op) rhs` in slot `d`.
    #[inline(always)]
    pub(super) fn binary_rhs_store(
        &mut self,
        rhs: Rhs,
        kind: BinKind,
        base: usize,
        d: u16,
    ) -> R<bool> {
        let fast = self.scalar_top(base, rhs, kind);
        match fast {
            Some(v) => {
                // The operand was a number: popped without drop glue.
                std::mem::forget(self.stack.pop());
                self.store_scalar(base, d, v)
            }
            None => {
                let a = self.pop();
                self.push_binary(base, a, rhs, kind)?;
                let v = self.pop();
                self.store_slot(base, d, v)?;
                Ok(false)
            }
        }
    }

    /// Pops `y` and `x`, stores `x (op) y` in slot `d`.
    #[inline(always)]
    pub(super) fn binary_store(&mut self, kind: BinKind, base: usize, d: u16) -> R<bool> {
        let fast = self.scalar_top_two(kind);
        match fast {
            Some(v) => {
                // The operands were numbers: popped without drop glue.
                std::mem::forget(self.stack.pop());
                std::mem::forget(self.stack.pop());
                self.store_scalar(base, d, v)
            }
            None => {
                self.binary(kind)?;
                let v = self.pop();
                self.store_slot(base, d, v)?;
                Ok(false)
            }
        }
    }

    /// Whether `slot a (op) rhs` holds (a comparison).
    #[inline(always)]
    pub(super) fn slot_compare(&mut self, base: usize, a: u16, rhs: Rhs, kind: BinKind) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => self.scalar_rhs(base, x, rhs, kind),
            None => None,
        };
        match fast.and_then(Scalar::as_bool) {
            Some(h) => Ok(h),
            None => {
                let a = self.slot_value(base, a);
                self.push_binary(base, a, rhs, kind)?;
                self.pop_bool()
            }
        }
    }

    /// Stored property `i` of the instance in slot `s` becomes itself (op) `rhs`.
    #[inline(always)]
    pub(super) fn field_binary(
        &mut self,
        base: usize,
        s: u16,
        i: u16,
        rhs: Rhs,
        kind: BinKind,
    ) -> R<bool> {
        let Some(Value::Object(o)) = self.stack.get(base + s as usize) else {
            return Err(self.internal("expected an instance"));
        };
        // The right operand first: the field is then updated in place.
        let b = match rhs {
            Rhs::Int(i) => Some(Scalar::int(i)),
            Rhs::Slot(r) => self.stack.get(base + r as usize).and_then(Scalar::of),
        };
        if let Some(b) = b {
            let done = o.with_plain_field_mut(i as usize, |field| {
                let b = std::mem::ManuallyDrop::new(b.value());
                match scalar_binary(kind, field, &b) {
                    Some(v) => {
                        // The old value was a number: nothing to release.
                        v.put(field);
                        true
                    }
                    None => false,
                }
            });
            if done == Some(true) {
                return Ok(true);
            }
        }
        // What `Load; ObjTake; Binary; ObjPut` do.
        let o = o.clone();
        let current = self.read_field(&o, i)?;
        self.push_binary(base, current, rhs, kind)?;
        let v = self.pop();
        self.write_field(&o, i, v);
        Ok(false)
    }

    /// Pushes stored property `i` of the instance in slot `s`; true if that released
    /// nothing (a lazy property's first read runs its initializer).
    #[inline(always)]
    pub(super) fn load_field(&mut self, base: usize, s: u16, i: u16) -> R<bool> {
        let number = match self.stack.get(base + s as usize) {
            Some(Value::Object(o)) => o.with_plain_field(i as usize, Scalar::of).flatten(),
            _ => None,
        };
        if let Some(v) = number {
            self.push_scalar(v);
            return Ok(true);
        }
        let v = match self.stack.get(base + s as usize) {
            Some(Value::Object(o)) => self.read_field(o, i)?,
            _ => return Err(self.internal("expected an instance")),
        };
        if !matches!(v, Value::Void) {
            self.stack.push(v);
            return Ok(true);
        }
        let o = match self.stack.get(base + s as usize) {
            Some(Value::Object(o)) => o.clone(),
            _ => return Err(self.internal("expected an instance")),
        };
        let v = self.init_lazy(&o, i, v)?;
        self.stack.push(v);
        Ok(false)
    }

    /// `x (op) field i of the instance in slot s`, where `x` is slot `a` (pushed) or the
    /// value on top (replaced).
    #[inline(always)]
    pub(super) fn binary_field(
        &mut self,
        base: usize,
        a: Option<u16>,
        s: u16,
        i: u16,
        kind: BinKind,
    ) -> R<bool> {
        let field = match self.stack.get(base + s as usize) {
            Some(Value::Object(o)) => o.with_plain_field(i as usize, Scalar::of).flatten(),
            _ => return Err(self.internal("expected an instance")),
        };
        if let Some(field) = field {
            let field = std::mem::ManuallyDrop::new(field.value());
            let left = match a {
                Some(a) => self.stack.get(base + a as usize),
                None => self.stack.last(),
            };
            if let Some(v) = left.and_then(|x| scalar_binary(kind, x, &field)) {
                match a {
                    Some(_) => self.push_scalar(v),
                    None => {
                        if let Some(top) = self.stack.last_mut() {
                            // The operand was a number: nothing to release.
                            v.put(top);
                        }
                    }
                }
                return Ok(true);
            }
        }
        // What `Load(a); LoadField(s, i); Binary(op)` do.
        if let Some(a) = a {
            let x = self.slot_value(base, a);
            self.stack.push(x);
        }
        self.load_field(base, s, i)?;
        self.binary(kind)?;
        Ok(false)
    }

    /// `a[i] = v` in place in slot `a` (copy on write); traps when `i` is out of range.
    pub(super) fn array_put_slots(&mut self, base: usize, a: u16, i: u16, v: u16) -> R<()> {
        let index = match self.stack.get(base + i as usize) {
            Some(Value::Int(i)) => *i,
            _ => return Err(self.internal("expected an Int index")),
        };
        let value = self.take_slot(base, v)?;
        let refused = match self.slot_mut(base, a)? {
            Value::Array(items) => {
                if index < 0 || index as usize >= items.len() {
                    None
                } else {
                    match Obj::make_mut(items) {
                        Ok(items) => {
                            if let Some(slot) = items.get_mut(index as usize) {
                                // The old element is released (an instance may be pending).
                                drop(std::mem::replace(slot, value));
                            }
                            return Ok(());
                        }
                        Err(e) => Some(e),
                    }
                }
            }
            Value::Slice(s) => match crate::vm::slice_ops::slot_mut(s, index) {
                Ok(slot) => {
                    drop(std::mem::replace(slot, value));
                    return Ok(());
                }
                Err(e) => return Err(self.slot_trap(e)),
            },
            _ => return Err(self.internal("expected an array")),
        };
        Err(match refused {
            Some(e) => self.alloc_trap(e),
            None => self.trap(TrapKind::index_out_of_range()),
        })
    }

    /// `d[k] = v` in place in slot `d` (copy on write): `nil` removes the key.
    pub(super) fn dict_put_slots(&mut self, base: usize, d: u16, k: u16, v: u16) -> R<()> {
        let key = self.slot_value(base, k);
        let value = self.take_slot(base, v)?;
        let refused = match self.slot_mut(base, d)? {
            Value::Dict(dict) => match Obj::make_mut(dict) {
                Ok(dict) => {
                    match value {
                        Value::Nil => drop(dict.remove(&key)),
                        Value::Some(inner) => drop(dict.insert(key, (*inner).clone())),
                        v => drop(dict.insert(key, v)),
                    }
                    // The table may have grown past a budget.
                    return self.check_soft_budget();
                }
                Err(e) => e,
            },
            _ => return Err(self.internal("expected a dictionary")),
        };
        Err(self.alloc_trap(refused))
    }

    /// Captured variable `a` becomes itself (op) `rhs`; true if that released nothing.
    pub(super) fn capture_binary(&mut self, a: u16, rhs: Value, kind: BinKind) -> R<bool> {
        let fast = {
            let mut current = self.capture(a)?.value.borrow_mut();
            match scalar_binary(kind, &current, &rhs) {
                Some(v) => {
                    // The old value was a number: nothing to release.
                    v.put(&mut current);
                    true
                }
                None => false,
            }
        };
        if fast {
            std::mem::forget(rhs);
            return Ok(true);
        }
        // What `LoadCapture; LoadCapture; Binary; StoreCapture` do (traps included).
        let current = self.capture(a)?.value.borrow().clone();
        self.stack.push(current);
        self.stack.push(rhs);
        self.binary(kind)?;
        let v = self.pop();
        let old = self.capture(a)?.value.replace(v);
        drop(old);
        Ok(false)
    }
}
