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

impl<'m> Vm<'m> {
    /// The value in slot `s` of the frame at `base`, copied (`Void` past the frame).
    #[inline(always)]
    pub(super) fn slot_value(&self, base: usize, s: u16) -> Value {
        match self.stack.get(base + s as usize) {
            Some(v) => v.copy(),
            None => Value::Void,
        }
    }

    /// `a (op) rhs` on numbers (`None`: not numbers, or a trap to report).
    #[inline(always)]
    fn scalar_rhs(&self, base: usize, a: &Value, rhs: Rhs, kind: BinKind) -> Option<Value> {
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
                self.stack.push(v);
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
            Some(v) => self.store_slot(base, d, v),
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
        let fast = match self.stack.last() {
            Some(x) => self.scalar_rhs(base, x, rhs, kind),
            None => None,
        };
        match fast {
            Some(v) => {
                // The operand was a number: popped without drop glue.
                std::mem::forget(self.stack.pop());
                self.store_slot(base, d, v)
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
        let n = self.stack.len();
        let fast = match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
            (Some(a), Some(b)) => scalar_binary(kind, a, b),
            _ => None,
        };
        match fast {
            Some(v) => {
                // The operands were numbers: popped without drop glue.
                std::mem::forget(self.stack.pop());
                std::mem::forget(self.stack.pop());
                self.store_slot(base, d, v)
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
        match fast {
            Some(Value::Bool(h)) => Ok(h),
            other => {
                drop(other);
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
        let inst = o.get();
        let current = std::mem::ManuallyDrop::new(inst.field(i as usize));
        if current.is_plain() {
            if let Some(v) = self.scalar_rhs(base, &current, rhs, kind) {
                // The old value was a number: nothing to release.
                std::mem::forget(inst.replace_field(i as usize, v));
                return Ok(true);
            }
        }
        let current = std::mem::ManuallyDrop::into_inner(current);
        // What `Load; ObjTake; Binary; ObjPut` do.
        let o = o.clone();
        let current = match current {
            Value::Weak(_) => {
                current.release();
                self.read_field(&o, i)?
            }
            v => v,
        };
        self.push_binary(base, current, rhs, kind)?;
        let v = self.pop();
        self.write_field(&o, i, v);
        Ok(false)
    }
}
