//! Builtins done in place on the stack or on frame slots: array and dictionary reads and
//! one-argument numeric functions, without collecting an argument list or calling out.

use super::*;

impl Vm<'_> {
    /// The one-character string of ASCII byte `b`, shared.
    pub(super) fn ascii_char(&mut self, b: u8) -> R<Value> {
        let i = usize::from(b);
        if let Some(Some(s)) = self.ascii_chars.get(i) {
            return Ok(Value::Str(s.clone()));
        }
        let s = self.str(char::from(b).encode_utf8(&mut [0; 4]))?;
        if self.ascii_chars.len() <= i {
            self.ascii_chars.resize(i + 1, None);
        }
        if let Some(slot) = self.ascii_chars.get_mut(i) {
            *slot = Some(s.clone());
        }
        Ok(Value::Str(s))
    }

    /// `array[i]` with an Int index in range, without collecting arguments: replaces the
    /// two operands by the element. False (nothing done) otherwise: the builtin reports.
    pub(super) fn array_get_in_place(&mut self) -> bool {
        let n = self.stack.len();
        let element = match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
            (Some(Value::Array(a)), Some(Value::Int(i))) => {
                match usize::try_from(*i).ok().and_then(|i| a.get(i)) {
                    Some(v) => v.clone(),
                    None => return false,
                }
            }
            _ => return false,
        };
        self.discard_top();
        if let Some(top) = self.stack.last_mut() {
            std::mem::replace(top, element).release();
        }
        true
    }

    /// A one-argument numeric builtin on the number on top, replaced in place (no argument
    /// list, no call). False (nothing done) for other builtins and operands.
    #[inline(always)]
    pub(super) fn numeric_in_place(&mut self, b: Builtin) -> bool {
        let Some(top) = self.stack.last_mut() else {
            return false;
        };
        let r = match (b, &*top) {
            (Builtin::IntToDouble, Value::Int(i)) => *i as f64,
            (Builtin::SquareRoot, Value::Double(d)) => d.sqrt(),
            (Builtin::AbsDouble, Value::Double(d)) => d.abs(),
            (Builtin::Floor, Value::Double(d)) => d.floor(),
            (Builtin::Ceil, Value::Double(d)) => d.ceil(),
            _ => return false,
        };
        // The operand was a number: nothing to release.
        std::mem::forget(std::mem::replace(top, Value::Double(r)));
        true
    }

    /// Pushes element `slot i` of the array in slot `a` without copying the array. False
    /// (nothing done) when the index is out of range or the operands are not an array and
    /// an Int.
    #[inline(always)]
    pub(super) fn array_get_slots(&mut self, base: usize, a: u16, i: u16) -> bool {
        let element = match (
            self.stack.get(base + a as usize),
            self.stack.get(base + i as usize),
        ) {
            (Some(Value::Array(items)), Some(Value::Int(i))) => {
                match usize::try_from(*i).ok().and_then(|i| items.get(i)) {
                    Some(v) => v.copy(),
                    None => return false,
                }
            }
            _ => return false,
        };
        self.stack.push(element);
        true
    }

    /// `dict[key]` without collecting arguments: replaces the two operands by the optional
    /// value. False (nothing done) when the operands are not a dictionary and a key.
    pub(super) fn dict_get_in_place(&mut self) -> bool {
        let n = self.stack.len();
        let found = match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
            (Some(Value::Dict(d)), Some(k)) => d.get(k).cloned().unwrap_or(Value::Nil),
            _ => return false,
        };
        self.pop().release();
        if let Some(top) = self.stack.last_mut() {
            std::mem::replace(top, found).release();
        }
        true
    }
}
