//! The fused instructions of the peephole pass (`compile/peephole.rs`): operations that
//! read their operands from frame slots and write their results to slots or stored
//! properties, without going through the stack. Each returns whether it stayed on its fast
//! path (numbers only: nothing released, so the loop need not look for deinits); otherwise
//! it does what the unfused instructions would have done, traps included.

use super::*;

impl<'m> Vm<'m> {
    /// The value in slot `s` of the frame at `base`, copied (`Void` past the frame).
    #[inline(always)]
    pub(super) fn slot_value(&self, base: usize, s: u16) -> Value {
        match self.stack.get(base + s as usize) {
            Some(v) => v.copy(),
            None => Value::Void,
        }
    }

    /// `a (op) b` pushed on the stack the general way (every trap and non-number).
    fn push_binary(&mut self, a: Value, b: Value, kind: BinKind) -> R<()> {
        self.stack.push(a);
        self.stack.push(b);
        self.binary(kind)
    }

    /// Stores `v` in slot `s`; true if the value it replaced released nothing.
    #[inline(always)]
    pub(super) fn store_slot(&mut self, base: usize, s: u16, v: Value) -> R<bool> {
        let old = std::mem::replace(self.slot_mut(base, s)?, v);
        if old.is_plain() {
            // No drop glue: `drop` would call out to it.
            std::mem::forget(old);
            return Ok(true);
        }
        old.release();
        Ok(false)
    }

    /// Pushes `slot a (op) b`.
    #[inline(always)]
    pub(super) fn load_binary(&mut self, base: usize, a: u16, b: &Value, kind: BinKind) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => scalar_binary(kind, x, b),
            None => None,
        };
        match fast {
            Some(v) => {
                self.stack.push(v);
                Ok(true)
            }
            None => {
                let a = self.slot_value(base, a);
                self.push_binary(a, b.clone(), kind)?;
                Ok(false)
            }
        }
    }

    /// `slot d = slot a (op) b`.
    #[inline(always)]
    pub(super) fn slot_binary(
        &mut self,
        base: usize,
        d: u16,
        a: u16,
        b: &Value,
        kind: BinKind,
    ) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => scalar_binary(kind, x, b),
            None => None,
        };
        match fast {
            Some(v) => self.store_slot(base, d, v),
            None => {
                let a = self.slot_value(base, a);
                self.push_binary(a, b.clone(), kind)?;
                let v = self.pop();
                self.store_slot(base, d, v)?;
                Ok(false)
            }
        }
    }

    /// Pops `x`, stores `x (op) b` in slot `d`.
    #[inline(always)]
    pub(super) fn binary_store(
        &mut self,
        b: Option<&Value>,
        kind: BinKind,
        base: usize,
        d: u16,
    ) -> R<bool> {
        let n = self.stack.len();
        // The right operand: given, or the value on top.
        let (at, fast) = match b {
            Some(b) => (
                n.wrapping_sub(1),
                self.stack.last().and_then(|a| scalar_binary(kind, a, b)),
            ),
            None => (
                n.wrapping_sub(2),
                match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
                    (Some(a), Some(b)) => scalar_binary(kind, a, b),
                    _ => None,
                },
            ),
        };
        match fast {
            Some(v) => {
                // The operands were numbers: popped without drop glue.
                while self.stack.len() > at {
                    self.discard_top();
                }
                self.store_slot(base, d, v)
            }
            None => {
                if let Some(b) = b {
                    self.stack.push(b.clone());
                }
                self.binary(kind)?;
                let v = self.pop();
                self.store_slot(base, d, v)?;
                Ok(false)
            }
        }
    }

    /// Whether `slot a (op) b` holds (a comparison).
    #[inline(always)]
    pub(super) fn slot_compare(
        &mut self,
        base: usize,
        a: u16,
        b: &Value,
        kind: BinKind,
    ) -> R<bool> {
        let fast = match self.stack.get(base + a as usize) {
            Some(x) => scalar_binary(kind, x, b),
            None => None,
        };
        match fast {
            Some(Value::Bool(h)) => Ok(h),
            _ => {
                let a = self.slot_value(base, a);
                self.push_binary(a, b.clone(), kind)?;
                self.pop_bool()
            }
        }
    }

    /// Stored property `i` of the instance in slot `s` becomes itself (op) `b`.
    #[inline(always)]
    pub(super) fn field_binary(
        &mut self,
        base: usize,
        s: u16,
        i: u16,
        b: &Value,
        kind: BinKind,
    ) -> R<bool> {
        let Some(Value::Object(o)) = self.stack.get(base + s as usize) else {
            return Err(self.internal("expected an instance"));
        };
        let inst = o.get();
        if let Some(v) = scalar_binary(kind, &inst.field(i as usize), b) {
            // The old value was a number: nothing to release.
            if let Some(old) = inst.replace_field(i as usize, v) {
                old.release();
            }
            return Ok(true);
        }
        // What `Load; ObjTake; Binary; ObjPut` do.
        let o = o.clone();
        let current = self.read_field(&o, i)?;
        self.push_binary(current, b.clone(), kind)?;
        let v = self.pop();
        self.write_field(&o, i, v);
        Ok(false)
    }
}
