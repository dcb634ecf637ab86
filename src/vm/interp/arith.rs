//! Arithmetic, comparison and identity: the fast paths on numbers the loop takes in place,
//! and `binary`, which handles every other case and every trap.

use super::*;

impl<'m> Vm<'m> {
    pub(super) fn binary(&mut self, kind: BinKind) -> R<()> {
        use BinKind::*;
        let b = self.pop();
        let mut a = self.pop();
        // `a + b` on strings appends to `a` when nothing else holds it (a temporary such as
        // the previous `+`'s result), as Swift's unique buffers do.
        // (Shared, it is copied first, exactly the size of the result.)
        if let (Concat, Value::Str(x), Value::Str(y)) = (kind, &mut a, &b) {
            x.push_str(y).map_err(|e| self.alloc_trap(e))?;
            self.stack.push(a);
            return Ok(());
        }
        let v = match (kind, &a, &b) {
            (AddInt, Value::Int(x), Value::Int(y)) => Value::Int(
                x.checked_add(*y)
                    .ok_or_else(|| self.trap(TrapKind::overflow()))?,
            ),
            (SubInt, Value::Int(x), Value::Int(y)) => Value::Int(
                x.checked_sub(*y)
                    .ok_or_else(|| self.trap(TrapKind::overflow()))?,
            ),
            (MulInt, Value::Int(x), Value::Int(y)) => Value::Int(
                x.checked_mul(*y)
                    .ok_or_else(|| self.trap(TrapKind::overflow()))?,
            ),
            (DivInt, Value::Int(x), Value::Int(y)) => {
                if *y == 0 {
                    return Err(self.trap(TrapKind::Fatal("Division by zero".into())));
                }
                Value::Int(
                    x.checked_div(*y)
                        .ok_or_else(|| self.trap(TrapKind::overflow()))?,
                )
            }
            (RemInt, Value::Int(x), Value::Int(y)) => {
                if *y == 0 {
                    return Err(self.trap(TrapKind::Fatal(
                        "Division by zero in remainder operation".into(),
                    )));
                }
                Value::Int(
                    x.checked_rem(*y)
                        .ok_or_else(|| self.trap(TrapKind::overflow()))?,
                )
            }
            (AddWrapInt, Value::Int(x), Value::Int(y)) => Value::Int(x.wrapping_add(*y)),
            (SubWrapInt, Value::Int(x), Value::Int(y)) => Value::Int(x.wrapping_sub(*y)),
            (MulWrapInt, Value::Int(x), Value::Int(y)) => Value::Int(x.wrapping_mul(*y)),
            (AndInt, Value::Int(x), Value::Int(y)) => Value::Int(x & y),
            (OrInt, Value::Int(x), Value::Int(y)) => Value::Int(x | y),
            (XorInt, Value::Int(x), Value::Int(y)) => Value::Int(x ^ y),
            (ShlInt, Value::Int(x), Value::Int(y)) => Value::Int(smart_shl(*x, *y)),
            (ShrInt, Value::Int(x), Value::Int(y)) => Value::Int(smart_shr(*x, *y)),
            (AddDouble, Value::Double(x), Value::Double(y)) => Value::Double(x + y),
            (SubDouble, Value::Double(x), Value::Double(y)) => Value::Double(x - y),
            (MulDouble, Value::Double(x), Value::Double(y)) => Value::Double(x * y),
            (DivDouble, Value::Double(x), Value::Double(y)) => Value::Double(x / y),
            (ArrayConcat, Value::Array(x), Value::Array(y)) => {
                let mut v = items_with_capacity(x.len() + y.len());
                v.extend(x.iter().cloned());
                v.extend(y.iter().cloned());
                self.array(v)?
            }
            (ArrayConcat, x, y) => crate::vm::slice_ops::concat(self, x, y)?,
            (LtInt, Value::Int(x), Value::Int(y)) => Value::Bool(x < y),
            (LeInt, Value::Int(x), Value::Int(y)) => Value::Bool(x <= y),
            (GtInt, Value::Int(x), Value::Int(y)) => Value::Bool(x > y),
            (GeInt, Value::Int(x), Value::Int(y)) => Value::Bool(x >= y),
            (LtDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x < y),
            (LeDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x <= y),
            (GtDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x > y),
            (GeDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x >= y),
            (EqInt, Value::Int(x), Value::Int(y)) => Value::Bool(x == y),
            (NeInt, Value::Int(x), Value::Int(y)) => Value::Bool(x != y),
            (EqInt, Value::Bool(x), Value::Bool(y)) => Value::Bool(x == y),
            (NeInt, Value::Bool(x), Value::Bool(y)) => Value::Bool(x != y),
            (EqDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x == y),
            (NeDouble, Value::Double(x), Value::Double(y)) => Value::Bool(x != y),
            (LtStr | LtTuple, _, _) => Value::Bool(compare(&a, &b) == std::cmp::Ordering::Less),
            (LeStr | LeTuple, _, _) => Value::Bool(compare(&a, &b) != std::cmp::Ordering::Greater),
            (GtStr | GtTuple, _, _) => Value::Bool(compare(&a, &b) == std::cmp::Ordering::Greater),
            (GeStr | GeTuple, _, _) => Value::Bool(compare(&a, &b) != std::cmp::Ordering::Less),
            (EqValue, _, _) => Value::Bool(equal(&a, &b)),
            (NeValue, _, _) => Value::Bool(!equal(&a, &b)),
            (Identical, _, _) => Value::Bool(same_instance(&a, &b)),
            (NotIdentical, _, _) => Value::Bool(!same_instance(&a, &b)),
            _ => {
                return Err(self.internal(&format!(
                    "{kind:?} on {} and {}",
                    a.kind_name(),
                    b.kind_name()
                )))
            }
        };
        self.stack.push(v);
        Ok(())
    }
}

/// A number or truth value made on the fast path. It is a tag and 64 bits rather than a
/// [`Value`] so that it stays in registers: a `Value` made in one of many branches is
/// assembled in memory piece by piece and then copied whole, and reading back what was
/// just written in pieces stalls the processor (store forwarding fails).
#[derive(Clone, Copy)]
pub(super) struct Scalar {
    tag: u8,
    bits: u64,
}

const INT: u8 = 0;
const DOUBLE: u8 = 1;
const BOOL: u8 = 2;

impl Scalar {
    #[inline(always)]
    pub(super) fn int(i: i64) -> Scalar {
        Scalar {
            tag: INT,
            bits: i as u64,
        }
    }

    #[inline(always)]
    fn double(d: f64) -> Scalar {
        Scalar {
            tag: DOUBLE,
            bits: d.to_bits(),
        }
    }

    #[inline(always)]
    fn bool(b: bool) -> Scalar {
        Scalar {
            tag: BOOL,
            bits: u64::from(b),
        }
    }

    /// The number or truth value `v` holds, read in place (`None` for anything else).
    #[inline(always)]
    pub(super) fn of(v: &Value) -> Option<Scalar> {
        match v {
            Value::Int(i) => Some(Scalar::int(*i)),
            Value::Double(d) => Some(Scalar::double(*d)),
            Value::Bool(b) => Some(Scalar::bool(*b)),
            _ => None,
        }
    }

    /// The truth value, if it is one.
    #[inline(always)]
    pub(super) fn as_bool(self) -> Option<bool> {
        (self.tag == BOOL).then_some(self.bits != 0)
    }

    /// As a value of its own.
    #[inline(always)]
    pub(super) fn value(self) -> Value {
        match self.tag {
            INT => Value::Int(self.bits as i64),
            DOUBLE => Value::Double(f64::from_bits(self.bits)),
            _ => Value::Bool(self.bits != 0),
        }
    }

    /// Writes itself over `dst`, which must hold plain data (it is not released).
    #[inline(always)]
    pub(super) fn put(self, dst: &mut Value) {
        let old = match self.tag {
            INT => std::mem::replace(dst, Value::Int(self.bits as i64)),
            DOUBLE => std::mem::replace(dst, Value::Double(f64::from_bits(self.bits))),
            _ => std::mem::replace(dst, Value::Bool(self.bits != 0)),
        };
        std::mem::forget(old);
    }
}

/// A binary operation on two numbers that cannot trap, or `None` (not numbers, another
/// kind, or a result that traps: overflow, division by zero).
#[inline(always)]
pub(super) fn scalar_binary(kind: BinKind, a: &Value, b: &Value) -> Option<Scalar> {
    use BinKind::*;
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            match kind {
                AddInt => Scalar::int(x.checked_add(y)?),
                SubInt => Scalar::int(x.checked_sub(y)?),
                MulInt => Scalar::int(x.checked_mul(y)?),
                DivInt => Scalar::int(x.checked_div(y)?),
                RemInt => Scalar::int(x.checked_rem(y)?),
                AddWrapInt => Scalar::int(x.wrapping_add(y)),
                SubWrapInt => Scalar::int(x.wrapping_sub(y)),
                MulWrapInt => Scalar::int(x.wrapping_mul(y)),
                AndInt => Scalar::int(x & y),
                OrInt => Scalar::int(x | y),
                XorInt => Scalar::int(x ^ y),
                LtInt => Scalar::bool(x < y),
                LeInt => Scalar::bool(x <= y),
                GtInt => Scalar::bool(x > y),
                GeInt => Scalar::bool(x >= y),
                EqInt => Scalar::bool(x == y),
                NeInt => Scalar::bool(x != y),
                _ => return None,
            }
        }
        (Value::Double(x), Value::Double(y)) => {
            let (x, y) = (*x, *y);
            match kind {
                AddDouble => Scalar::double(x + y),
                SubDouble => Scalar::double(x - y),
                MulDouble => Scalar::double(x * y),
                DivDouble => Scalar::double(x / y),
                LtDouble => Scalar::bool(x < y),
                LeDouble => Scalar::bool(x <= y),
                GtDouble => Scalar::bool(x > y),
                GeDouble => Scalar::bool(x >= y),
                EqDouble => Scalar::bool(x == y),
                NeDouble => Scalar::bool(x != y),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn same_instance(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => InstRef::ptr_eq(x, y),
        (Value::Nil, Value::Nil) => true,
        _ => false,
    }
}

/// Swift's smart shift left: a negative amount shifts right; 64 or more gives 0.
pub(super) fn smart_shl(x: i64, n: i64) -> i64 {
    if n < 0 {
        return smart_shr(x, n.saturating_neg());
    }
    if n >= 64 {
        0
    } else {
        x.wrapping_shl(n as u32)
    }
}

/// Swift's smart shift right (arithmetic): 64 or more gives 0 or -1.
pub(super) fn smart_shr(x: i64, n: i64) -> i64 {
    if n < 0 {
        return smart_shl(x, n.saturating_neg());
    }
    if n >= 64 {
        if x < 0 {
            -1
        } else {
            0
        }
    } else {
        x >> n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_shifts() {
        assert_eq!(smart_shl(1, 64), 0);
        assert_eq!(smart_shr(-1, 64), -1);
        assert_eq!(smart_shl(8, -2), 2);
        assert_eq!(smart_shr(8, -2), 32);
    }
}
