//! The builtins that deal in indices, for arrays and `ArraySlice`s alike: `a[i]`, `a[r]`,
//! `startIndex`/`endIndex`/`indices`, `firstIndex`/`lastIndex`, `prefix`/`suffix`/
//! `dropFirst`/`dropLast`, and the mutating builtins on a slice receiver. An array's indices
//! start at 0, a slice's at its `start` (the base's indices, as in Swift).
//!
//! The interpreter's array fast paths (`array_get_in_place`, `array_put_slots`) only match
//! `Value::Array`: a slice falls through to these builtins.

use super::builtins::items;
use super::interp::{Stop, Vm};
use super::object::Obj;
use super::slice::{window, SliceObj};
use super::trap::TrapKind;
use super::value::{equal, items_with_capacity, new_items, RangeObj, Value};
use crate::stdlib::Builtin;

type R<T> = Result<T, Stop>;

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => 0,
    }
}

/// The first index of an array (0) or a slice (its `startIndex`).
pub(super) fn start_of(v: &Value) -> i64 {
    match v {
        Value::Slice(s) => s.start,
        _ => 0,
    }
}

/// The trap for an element subscript out of range: an array's and a slice's messages differ
/// (Swift's `_checkValidSubscript` in `ContiguousArrayBuffer` and `SliceBuffer`).
pub(super) fn out_of_range(v: &Value) -> TrapKind {
    match v {
        Value::Slice(_) => TrapKind::Fatal("Index out of bounds".into()),
        _ => TrapKind::index_out_of_range(),
    }
}

/// A slice value of `base`'s elements at positions `lo..hi` (checked by the caller).
fn slice_value(vm: &Vm<'_>, base: &Value, lo: usize, hi: usize) -> R<Value> {
    let start = start_of(base).saturating_add(lo as i64);
    match window(base, lo, hi, start) {
        Some(s) => Ok(Value::Slice(vm.obj(s)?)),
        None => Err(vm.internal("slicing a value that is not an array")),
    }
}

/// Swift's preconditions on the counts.
const PREFIX_NEGATIVE: &str = "Can't take a prefix of negative length from a collection";
const SUFFIX_NEGATIVE: &str = "Can't take a suffix of negative length from a collection";
const DROP_NEGATIVE: &str = "Can't drop a negative number of elements from a collection";

/// A count argument of `prefix`/`suffix`/`dropFirst`/`dropLast`, clamped to the length
/// (a negative one traps as in Swift).
fn count_arg(vm: &Vm<'_>, v: &Value, len: usize, negative: &str) -> R<usize> {
    let k = int(v);
    if k < 0 {
        return Err(vm.trap(TrapKind::Fatal(negative.into())));
    }
    Ok(usize::try_from(k).unwrap_or(usize::MAX).min(len))
}

/// Runs index builtin `b` on `a0` (an array or slice) and `a1`.
pub(super) fn call(vm: &mut Vm<'_>, b: Builtin, a0: &Value, a1: &Value) -> R<Value> {
    let start = start_of(a0);
    let len = items(a0).len();
    let index = |p: usize| Value::Int(start.saturating_add(p as i64));
    Ok(match b {
        Builtin::ArrGet => {
            let p = int(a1)
                .checked_sub(start)
                .and_then(|p| usize::try_from(p).ok());
            match p.and_then(|p| items(a0).get(p)) {
                Some(v) => v.clone(),
                None => return Err(vm.trap(out_of_range(a0))),
            }
        }
        Builtin::ArrSlice => {
            let Value::Range(r) = a1 else {
                return Err(vm.trap(TrapKind::index_out_of_range()));
            };
            let end = start.saturating_add(len as i64);
            // One-sided ranges carry `Int.min` / `Int.max` as their open ends: the
            // collection's `startIndex` / `endIndex`.
            let lo = match &r.lo {
                Value::Int(i64::MIN) => start,
                l => int(l),
            };
            let hi = match &r.hi {
                Value::Int(i64::MAX) => end,
                h => int(h).saturating_add(i64::from(r.closed)),
            };
            // Swift checks the lower bound, then the upper one, each against `endIndex`
            // first; an array and a slice say it differently.
            let is_slice = matches!(a0, Value::Slice(_));
            for bound in [lo, hi] {
                let message = match (bound > end, bound < start, is_slice) {
                    (true, _, false) => "Array index is out of range",
                    (false, true, false) => "Negative Array index is out of range",
                    (true, _, true) => "ArraySlice index is out of range",
                    (false, true, true) => "ArraySlice index is out of range (before startIndex)",
                    (false, false, _) => continue,
                };
                return Err(vm.trap(TrapKind::Fatal(message.into())));
            }
            if lo > hi {
                return Err(vm.trap(TrapKind::Fatal(
                    "Range requires lowerBound <= upperBound".into(),
                )));
            }
            slice_value(vm, a0, (lo - start) as usize, (hi - start) as usize)?
        }
        Builtin::ArrStartIndex => Value::Int(start),
        Builtin::ArrEndIndex => index(len),
        Builtin::ArrIndices => Value::Range(vm.obj(RangeObj {
            lo: Value::Int(start),
            hi: index(len),
            closed: false,
        })?),
        Builtin::ArrFirstIndexOf => items(a0)
            .iter()
            .position(|v| equal(v, a1))
            .map_or(Value::Nil, index),
        Builtin::ArrLastIndexOf => items(a0)
            .iter()
            .rposition(|v| equal(v, a1))
            .map_or(Value::Nil, index),
        Builtin::ArrFirstIndexWhere | Builtin::ArrLastIndexWhere => {
            let mut elems: Vec<(usize, Value)> = items(a0).iter().cloned().enumerate().collect();
            if b == Builtin::ArrLastIndexWhere {
                elems.reverse();
            }
            for (p, v) in elems {
                if matches!(vm.call_value(a1, vec![v])?, Value::Bool(true)) {
                    return Ok(index(p));
                }
            }
            Value::Nil
        }
        Builtin::ArrPrefix => {
            let k = count_arg(vm, a1, len, PREFIX_NEGATIVE)?;
            slice_value(vm, a0, 0, k)?
        }
        Builtin::ArrSuffix => {
            let k = count_arg(vm, a1, len, SUFFIX_NEGATIVE)?;
            slice_value(vm, a0, len - k, len)?
        }
        Builtin::ArrDropFirst => {
            let k = count_arg(vm, a1, len, DROP_NEGATIVE)?;
            slice_value(vm, a0, k, len)?
        }
        Builtin::ArrDropLast => {
            let k = count_arg(vm, a1, len, DROP_NEGATIVE)?;
            slice_value(vm, a0, 0, len - k)?
        }
        Builtin::SliceFromSeq => {
            let elems = vm.elements(a0)?;
            let n = elems.len();
            Value::Slice(vm.obj(SliceObj::new(vm.obj(elems)?, 0, n, 0))?)
        }
        Builtin::SliceFilter => {
            let mut out = new_items();
            for v in items(a0).to_vec() {
                if matches!(vm.call_value(a1, vec![v.clone()])?, Value::Bool(true)) {
                    out.push(v);
                }
            }
            let n = out.len();
            Value::Slice(vm.obj(SliceObj::new(vm.obj(out)?, 0, n, 0))?)
        }
        other => return Err(vm.internal(&format!("{other:?} is not an index builtin"))),
    })
}

/// `x + y` where one side is a slice: the elements of both, as the left side's type (a slice
/// keeps its `startIndex`: Swift appends to the left operand).
pub(crate) fn concat(vm: &Vm<'_>, x: &Value, y: &Value) -> R<Value> {
    let (xs, ys) = (items(x), items(y));
    let mut v = items_with_capacity(xs.len() + ys.len());
    v.extend(xs.iter().cloned());
    v.extend(ys.iter().cloned());
    Ok(match x {
        Value::Slice(s) => {
            let n = v.len();
            Value::Slice(vm.obj(SliceObj::new(vm.obj(v)?, 0, n, s.start))?)
        }
        _ => vm.array(v)?,
    })
}

/// A mutating builtin on a slice receiver: the slice's own elements (copied out of a shared
/// base first) stand in for an array's, with indices translated from the slice's.
/// `removeFirst` moves `startIndex` up, as Swift's does.
pub(super) fn call_mut(vm: &mut Vm<'_>, b: Builtin, recv: &mut Value, args: &[Value]) -> R<Value> {
    let Value::Slice(obj) = recv else {
        return Err(vm.internal("expected a slice"));
    };
    if b == Builtin::ArrRemoveFirst && obj.items().is_empty() {
        // `RangeReplaceableCollection where SubSequence == Self`'s precondition.
        return Err(vm.trap(TrapKind::Fatal(
            "Can't remove items from an empty collection".into(),
        )));
    }
    let s = Obj::make_mut(obj).map_err(|e| vm.alloc_trap(e))?;
    // Index arguments become positions in the slice's elements.
    let mut args = args.to_vec();
    let first_index = match b {
        Builtin::ArrInsert => 1,
        Builtin::ArrRemoveAt | Builtin::ArrSwapAt => 0,
        _ => args.len(),
    };
    for a in args.iter_mut().skip(first_index) {
        if let Value::Int(i) = a {
            *i = i.saturating_sub(s.start);
        }
    }
    let old_len = s.hi - s.lo;
    let mut arr = Value::Array(vm.obj(std::mem::replace(
        s.own().map_err(|e| vm.alloc_trap(e))?,
        new_items(),
    ))?);
    let r = super::builtins::call_mut(vm, b, &mut arr, &args);
    // Back into the slice, whether the builtin trapped or not.
    if let Value::Array(mut a) = arr {
        let elems = match Obj::get_mut(&mut a) {
            Some(v) => std::mem::replace(v, new_items()),
            None => (*a).clone(),
        };
        if let Some(own) = Obj::get_mut(&mut s.storage) {
            *own = elems;
        }
    }
    s.fit();
    match b {
        // `removeFirst` is `self = self[index(after: startIndex)...]`.
        Builtin::ArrRemoveFirst if r.is_ok() && s.hi < old_len => {
            s.start = s.start.saturating_add(1);
        }
        // ArraySlice's `removeAll()` starts over with an empty buffer: indices from 0.
        Builtin::ArrRemoveAll => s.start = 0,
        _ => {}
    }
    r
}

/// Why a slice element cannot be written.
pub(super) enum SlotError {
    /// The index is not one of the slice's.
    OutOfRange,
    /// Copying the shared elements was refused (a budget).
    Alloc(crate::alloc::AllocError),
}

/// The element of slice `s` at Swift index `i`, to write. Copy on write: shared elements are
/// copied first (the window only, as Swift's slice buffer does); a storage the slice alone
/// holds is written in place, elements outside the window kept (released with the storage,
/// as in Swift).
pub(super) fn slot_mut(s: &mut Obj<SliceObj>, i: i64) -> Result<&mut Value, SlotError> {
    let p = s.position(i).ok_or(SlotError::OutOfRange)?;
    let s = Obj::make_mut(s).map_err(SlotError::Alloc)?;
    let at = if Obj::get_mut(&mut s.storage).is_some() {
        s.lo + p
    } else {
        s.own().map_err(SlotError::Alloc)?;
        p
    };
    Obj::get_mut(&mut s.storage)
        .and_then(|v| v.get_mut(at))
        .ok_or(SlotError::OutOfRange)
}

impl Vm<'_> {
    /// The trap for a [`SlotError`].
    pub(super) fn slot_trap(&self, e: SlotError) -> Stop {
        match e {
            SlotError::OutOfRange => self.trap(TrapKind::Fatal("Index out of bounds".into())),
            SlotError::Alloc(e) => self.alloc_trap(e),
        }
    }
}
