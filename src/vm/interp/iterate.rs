//! Iteration: `for in` over ranges, strides, arrays and strings (lazily) and everything else
//! (materialised), and the elements of any sequence value for builtins.

use super::*;

impl<'m> Vm<'m> {
    /// An iterator over a sequence value.
    pub(crate) fn iterator(&mut self, seq: Value) -> R<IterObj> {
        let items = match seq {
            Value::Range(r) => match (&r.lo, &r.hi) {
                (Value::Int(lo), Value::Int(hi)) => IterItems::IntRange(*lo, *hi, r.closed),
                _ => return Err(self.internal("iteration over a non-integer range")),
            },
            Value::Seq(s) => match &*s {
                SeqObj::StrideInt {
                    from,
                    to,
                    by,
                    through,
                } => IterItems::Stride(*from, *to, *by, *through),
                _ => IterItems::List(self.elements(&Value::Seq(s.clone()))?, 0),
            },
            Value::Array(a) => IterItems::Array(a, 0),
            Value::Str(s) => IterItems::Chars(s, 0),
            Value::Dict(d) => IterItems::Dict(d, 0),
            other => IterItems::List(self.elements(&other)?, 0),
        };
        Ok(IterObj { items })
    }

    /// The next element of the iterator in slot `s`. With `reuse`, a dictionary entry
    /// refills the (key, value) tuple in that slot when nothing else holds it.
    pub(super) fn next_element(&mut self, base: usize, s: u16, reuse: Option<u16>) -> R<Element> {
        let next = match self.stack.get(base + s as usize) {
            Some(Value::Iter(it)) => next_item(&mut it.borrow_mut()),
            _ => return Err(self.internal("expected an iterator")),
        };
        // A string's next character is text to make into a value.
        Ok(match next {
            Some(Next::Value(v)) => Element::Value(v),
            Some(Next::Char(c)) => Element::Value(self.string(c)?),
            Some(Next::AsciiChar(b)) => Element::Value(self.ascii_char(b)?),
            Some(Next::Pair(k, v)) => {
                let slot = reuse.and_then(|e| self.stack.get_mut(base + e as usize));
                if let Some(Value::Tuple(t)) = slot {
                    if let Some([old_k, old_v]) = Obj::get_mut(t).map(|t| t.as_mut_slice()) {
                        drop(std::mem::replace(old_k, k));
                        drop(std::mem::replace(old_v, v));
                        return Ok(Element::Refilled);
                    }
                }
                Element::Value(self.tuple(items_of([k, v]))?)
            }
            None => Element::Done,
        })
    }

    /// All elements of a sequence value, in order.
    pub(crate) fn elements(&mut self, seq: &Value) -> R<Items> {
        Ok(match seq {
            Value::Array(a) => (**a).clone(),
            Value::Slice(s) => items_from(s.items().iter().cloned()),
            Value::Set(s) => items_from(s.iter().cloned()),
            Value::Dict(d) => {
                let mut out = items_with_capacity(d.len());
                for (k, v) in d.iter() {
                    out.push(self.tuple(items_of([k.clone(), v.clone()]))?);
                }
                out
            }
            Value::Str(s) => {
                let mut out = new_items();
                for g in crate::text::graphemes(s) {
                    out.push(self.string(g)?);
                }
                out
            }
            Value::Range(_) => self.range_elements(seq, u128::MAX)?,
            Value::Seq(s) => match &**s {
                SeqObj::StrideInt {
                    from,
                    to,
                    by,
                    through,
                } => {
                    let mut items = IterItems::Stride(*from, *to, *by, *through);
                    let mut out = self.room(stride_count(*from, *to, *by, *through))?;
                    while let Some(v) = next_number(&mut items) {
                        out.push(v);
                    }
                    out
                }
                SeqObj::StrideDouble {
                    from,
                    to,
                    by,
                    through,
                } => items_from(
                    stride_doubles(*from, *to, *by, *through)
                        .into_iter()
                        .map(Value::Double),
                ),
                SeqObj::Enumerated(b) => {
                    let items = self.elements(b)?;
                    let mut out = items_with_capacity(items.len());
                    for (i, v) in items.into_iter().enumerate() {
                        out.push(self.tuple(items_of([Value::Int(i as i64), v]))?);
                    }
                    out
                }
                SeqObj::Reversed(b) => {
                    let mut items = self.elements(b)?;
                    items.reverse();
                    items
                }
                SeqObj::Zip(a, b) => {
                    // A range side (`1...` is endless) yields only as many elements as the
                    // other side has: `zip(1..., xs)` numbers `xs`.
                    let (xs, ys) = if matches!(a, Value::Range(_)) {
                        let ys = self.elements(b)?;
                        (self.range_elements(a, ys.len() as u128)?, ys)
                    } else {
                        let xs = self.elements(a)?;
                        let ys = match b {
                            Value::Range(_) => self.range_elements(b, xs.len() as u128)?,
                            _ => self.elements(b)?,
                        };
                        (xs, ys)
                    };
                    let mut out = items_with_capacity(xs.len().min(ys.len()));
                    for (x, y) in xs.into_iter().zip(ys) {
                        out.push(self.tuple(items_of([x, y]))?);
                    }
                    out
                }
                SeqObj::Repeated(v, n) => {
                    let n = (*n).max(0) as u128;
                    let mut out = self.room(n)?;
                    out.resize(n as usize, v.clone());
                    out
                }
                SeqObj::Keys(d) => match d {
                    Value::Dict(d) => items_from(d.iter().map(|(k, _)| k.clone())),
                    _ => new_items(),
                },
                SeqObj::Values(d) => match d {
                    Value::Dict(d) => items_from(d.iter().map(|(_, v)| v.clone())),
                    _ => new_items(),
                },
            },
            other => return Err(self.internal(&format!("iteration over {}", other.kind_name()))),
        })
    }
}

impl Vm<'_> {
    /// The first `limit` elements of an integer range (all of them if it has fewer).
    fn range_elements(&self, range: &Value, limit: u128) -> R<Items> {
        let Value::Range(r) = range else {
            return Err(self.internal("expected a range"));
        };
        let (Value::Int(lo), Value::Int(hi)) = (&r.lo, &r.hi) else {
            return Err(self.internal("elements of a non-integer range"));
        };
        let (lo, hi) = (i128::from(*lo), i128::from(*hi));
        let end = if r.closed { hi } else { hi - 1 };
        let count = (end - lo + 1).max(0) as u128;
        let count = count.min(limit);
        let mut out = self.room(count)?;
        // `count` fits in memory, so the elements are within `lo..=end` and within `Int`.
        out.extend((0..count).map(|i| Value::Int((lo + i as i128) as i64)));
        Ok(out)
    }

    /// An empty vector with room for `n` values, or the trap for an allocation the machine
    /// cannot make (`Fatal error: cannot allocate <N> bytes`).
    pub(crate) fn room(&self, n: u128) -> R<Items> {
        let mut out = new_items();
        let fits = usize::try_from(n)
            .ok()
            .is_some_and(|n| out.try_reserve_exact(n).is_ok());
        if !fits {
            return Err(self.cannot_allocate(n * std::mem::size_of::<Value>() as u128));
        }
        Ok(out)
    }

    /// The trap for an allocation of `bytes` the machine cannot make.
    pub(crate) fn cannot_allocate(&self, bytes: u128) -> Stop {
        self.trap(TrapKind::Fatal(format!("cannot allocate {bytes} bytes")))
    }
}

/// How many integers `stride(from:to:by:)` (or `through:`) yields.
fn stride_count(from: i64, to: i64, by: i64, through: bool) -> u128 {
    let (from, to, by) = (i128::from(from), i128::from(to), i128::from(by));
    if by == 0 {
        return 0;
    }
    // The distance to cover, in the stride's direction, and whether the end is included.
    let span = if by > 0 { to - from } else { from - to };
    let step = by.abs();
    if span < 0 || (span == 0 && !through) {
        return 0;
    }
    let n = span / step;
    let exact = span % step == 0;
    (if exact && !through { n } else { n + 1 }) as u128
}

/// The doubles of `stride(from:to:by:)` / `through:`, computed as Swift does (start + i*step).
pub(crate) fn stride_doubles(from: f64, to: f64, by: f64, through: bool) -> Vec<f64> {
    let mut out = Vec::new();
    if by == 0.0 || by.is_nan() {
        return out;
    }
    let mut i = 0u32;
    loop {
        let v = from + f64::from(i) * by;
        let go = if by > 0.0 {
            if through {
                v <= to
            } else {
                v < to
            }
        } else if through {
            v >= to
        } else {
            v > to
        };
        if !go || out.len() > 10_000_000 {
            break;
        }
        out.push(v);
        i += 1;
    }
    out
}

/// What an iterator yields next: a value, or a string's next character as text.
/// What [`Vm::next_element`] found.
pub(super) enum Element {
    /// The next element.
    Value(Value),
    /// The next element is already in the slot given to reuse.
    Refilled,
    /// The iterator is done.
    Done,
}

pub(super) enum Next {
    Value(Value),
    Char(String),
    /// A one-byte (ASCII) character.
    AsciiChar(u8),
    /// A dictionary entry, to make into a tuple.
    Pair(Value, Value),
}

pub(super) fn next_item(it: &mut IterObj) -> Option<Next> {
    match &mut it.items {
        IterItems::Array(a, pos) => {
            let v = a.get(*pos)?.copy();
            *pos += 1;
            Some(Next::Value(v))
        }
        IterItems::Chars(s, pos) => {
            let rest = s.get(*pos..)?;
            let c = crate::text::first_grapheme(rest)?;
            *pos += c.len();
            Some(match c.as_bytes() {
                [b] => Next::AsciiChar(*b),
                _ => Next::Char(c.to_string()),
            })
        }
        IterItems::Dict(d, pos) => {
            let (at, k, v) = d.entry_from(*pos)?;
            let pair = Next::Pair(k.copy(), v.copy());
            *pos = at + 1;
            Some(pair)
        }
        other => next_number(other).map(Next::Value),
    }
}

pub(super) fn next_number(items: &mut IterItems) -> Option<Value> {
    match items {
        IterItems::Array(..) | IterItems::Chars(..) | IterItems::Dict(..) => None,
        IterItems::List(items, pos) => {
            let v = items.get_mut(*pos).map(std::mem::take);
            *pos += 1;
            v
        }
        IterItems::IntRange(next, hi, closed) => {
            let in_range = if *closed { *next <= *hi } else { *next < *hi };
            if !in_range {
                return None;
            }
            let v = *next;
            if v == i64::MAX {
                // Stop after the last element instead of overflowing.
                *closed = false;
                *hi = i64::MIN;
            } else {
                *next += 1;
            }
            Some(Value::Int(v))
        }
        IterItems::Stride(next, end, by, through) => {
            let go = if *by > 0 {
                if *through {
                    *next <= *end
                } else {
                    *next < *end
                }
            } else if *by < 0 {
                if *through {
                    *next >= *end
                } else {
                    *next > *end
                }
            } else {
                false
            };
            if !go {
                return None;
            }
            let v = *next;
            match next.checked_add(*by) {
                Some(n) => *next = n,
                None => *by = 0,
            }
            Some(Value::Int(v))
        }
    }
}
