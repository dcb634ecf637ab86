//! Runtime values. Static types decide which instructions run, so a value carries only what
//! it needs to be itself: scalars unboxed, everything else a counted [`Obj`]. 16 bytes.
//!
//! Value types (strings, arrays, dictionaries, sets, tuples) are shared until written
//! (copy on write through [`Obj::make_mut`]).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use super::collections::{DictObj, SetObj};
use super::object::Obj;
pub use super::str_obj::Str;
use crate::alloc::ObjectsAlloc;

/// The elements of an array, tuple or enum payload: a vector whose buffer is in the Objects
/// subsystem (its statistics, tags, budget and leak records see every element).
pub type Items = allocator_api2::vec::Vec<Value, ObjectsAlloc>;

/// An empty [`Items`].
#[inline]
pub fn new_items() -> Items {
    Items::new_in(ObjectsAlloc)
}

/// An empty [`Items`] with room for `n` values.
#[inline]
pub fn items_with_capacity(n: usize) -> Items {
    Items::with_capacity_in(n, ObjectsAlloc)
}

/// The values of `iter` as [`Items`] (`collect`, which `allocator_api2` offers only for the
/// global allocator).
/// Room for what the iterator says it has, exactly (an array literal's storage is its size).
pub fn items_from(iter: impl IntoIterator<Item = Value>) -> Items {
    let iter = iter.into_iter();
    let mut out = items_with_capacity(iter.size_hint().0);
    out.extend(iter);
    out
}

/// The values of a fixed list as [`Items`] (`vec![a, b]`).
pub fn items_of<const N: usize>(values: [Value; N]) -> Items {
    let mut out = items_with_capacity(N);
    out.extend(values);
    out
}
use crate::text;

/// A closure: a function and the boxes of the variables it captured.
#[derive(Debug)]
pub struct Closure {
    /// The module function.
    pub func: u32,
    /// Captured variables (boxes shared with the enclosing function), the list in Objects.
    pub captures: allocator_api2::vec::Vec<Obj<VarBox>, ObjectsAlloc>,
}

impl Drop for Closure {
    fn drop(&mut self) {
        // Leave the live-object registry before the memory goes (`--mem-debug`).
        super::tracking::forget(std::ptr::from_ref(self) as usize);
    }
}

/// A captured variable's box.
#[derive(Debug)]
pub struct VarBox {
    /// The variable's current value.
    pub value: RefCell<Value>,
}

/// A range value (`a..<b`, `a...b`); one-sided ranges use sentinel bounds.
#[derive(Clone, Debug)]
pub struct RangeObj {
    /// Lower bound.
    pub lo: Value,
    /// Upper bound.
    pub hi: Value,
    /// `...` rather than `..<`.
    pub closed: bool,
}

/// A lazy sequence of the standard library (stride, enumerated, zip, reversed, ...).
#[derive(Clone, Debug)]
pub enum SeqObj {
    /// `stride(from:to:by:)` / `through:` over Int.
    StrideInt {
        /// Start.
        from: i64,
        /// End.
        to: i64,
        /// Step.
        by: i64,
        /// `through:` includes the end.
        through: bool,
    },
    /// The same over Double.
    StrideDouble {
        /// Start.
        from: f64,
        /// End.
        to: f64,
        /// Step.
        by: f64,
        /// `through:` includes the end.
        through: bool,
    },
    /// Elements of another sequence with their offsets.
    Enumerated(Value),
    /// A collection backwards.
    Reversed(Value),
    /// Two sequences in step.
    Zip(Value, Value),
    /// One value `count` times.
    Repeated(Value, i64),
    /// A dictionary's keys.
    Keys(Value),
    /// A dictionary's values.
    Values(Value),
}

/// An iterator state for `for in`.
#[derive(Debug)]
pub struct IterObj {
    /// The elements still to come, materialised (simple and correct; ranges are lazy).
    pub items: IterItems,
}

/// What an iterator walks.
#[derive(Debug)]
pub enum IterItems {
    /// Precomputed elements, next at `pos`.
    List(Items, usize),
    /// An Int range, next value and limit (inclusive).
    IntRange(i64, i64, bool),
    /// An Int stride: next, end, step, inclusive.
    Stride(i64, i64, i64, bool),
    /// An array's elements from index `pos` (the iteration holds the array value: writes to
    /// the variable meanwhile copy it, as in Swift).
    Array(Obj<Items>, usize),
    /// A string's characters from byte offset `pos`, made one at a time.
    Chars(Str, usize),
    /// A dictionary's entries from entry index `pos`, as (key, value) tuples made one at a
    /// time (the iteration holds the dictionary value, as for an array).
    Dict(super::object::Obj<DictObj>, usize),
}

/// A runtime value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// `()`, and the contents of a slot moved out or not yet initialised.
    #[default]
    Void,
    /// `Int`
    Int(i64),
    /// `Double`
    Double(f64),
    /// `Bool`
    Bool(bool),
    /// `nil` of any optional type.
    Nil,
    /// `String` or `Character`.
    Str(Str),
    /// `[T]`
    Array(Obj<Items>),
    /// `ArraySlice<T>`: a window on an array's storage with the base's indices.
    Slice(Obj<super::slice::SliceObj>),
    /// `[K: V]`
    Dict(Obj<DictObj>),
    /// `Set<T>`
    Set(Obj<SetObj>),
    /// A tuple.
    Tuple(Obj<Items>),
    /// A range.
    Range(Obj<RangeObj>),
    /// A lazy sequence.
    Seq(Obj<SeqObj>),
    /// A function value.
    Closure(Obj<Closure>),
    /// A captured variable's box (only in frame slots).
    Box(Obj<VarBox>),
    /// `.some(x)` where `x` is itself optional (`Int??`); other optionals are unwrapped values.
    Some(Obj<Value>),
    /// A `for in` iterator (only in hidden slots).
    Iter(Obj<RefCell<IterObj>>),
    /// An enum value: case index and associated values.
    Enum(u32, Option<Obj<Items>>),
    /// A class instance (a strong reference).
    Object(super::instance::InstRef),
    /// A `weak` or `unowned` stored property's reference (only inside instances).
    Weak(super::instance::InstWeak),
}

impl Value {
    /// A copy (`clone`), with numbers, booleans and `nil` copied inline: the interpreter's
    /// hottest path does not call out to the general clone.
    #[inline(always)]
    pub fn copy(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Double(d) => Value::Double(*d),
            Value::Bool(b) => Value::Bool(*b),
            Value::Nil => Value::Nil,
            Value::Void => Value::Void,
            // Instances are the other values the interpreter copies most (properties,
            // receivers): a count increment, inline.
            Value::Object(o) => Value::Object(o.clone()),
            other => other.clone(),
        }
    }

    /// Whether the value is plain data (dropping it releases nothing).
    #[inline(always)]
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            Value::Int(_) | Value::Double(_) | Value::Bool(_) | Value::Nil | Value::Void
        )
    }

    /// Drops the value, skipping the drop glue for plain data (nothing to release).
    #[inline(always)]
    pub fn release(self) {
        match self {
            Value::Int(_) | Value::Double(_) | Value::Bool(_) | Value::Nil | Value::Void => {
                std::mem::forget(self);
            }
            other => drop(other),
        }
    }

    /// A short name of the value's kind (for internal errors).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Void => "Void",
            Value::Int(_) => "Int",
            Value::Double(_) => "Double",
            Value::Bool(_) => "Bool",
            Value::Nil => "nil",
            Value::Str(_) => "String",
            Value::Array(_) => "Array",
            Value::Slice(_) => "ArraySlice",
            Value::Dict(_) => "Dictionary",
            Value::Set(_) => "Set",
            Value::Tuple(_) => "Tuple",
            Value::Range(_) => "Range",
            Value::Seq(_) => "Sequence",
            Value::Closure(_) => "Function",
            Value::Box(_) => "Box",
            Value::Some(_) => "Optional",
            Value::Iter(_) => "Iterator",
            Value::Enum(..) => "Enum",
            Value::Object(_) => "Object",
            Value::Weak(_) => "Weak",
        }
    }
}

/// Swift's `==` on two values of the same static type.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Double(x), Value::Double(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Nil, Value::Nil) | (Value::Void, Value::Void) => true,
        (Value::Str(x), Value::Str(y)) => Str::ptr_eq(x, y) || text::swift_eq(x, y),
        (Value::Array(x), Value::Array(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            Obj::ptr_eq(x, y)
                || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| equal(a, b)))
        }
        (Value::Slice(x), Value::Slice(y)) => {
            let (x, y) = (x.items(), y.items());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| equal(a, b))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        (Value::Set(x), Value::Set(y)) => x.len() == y.len() && x.iter().all(|k| y.contains(k)),
        (Value::Range(x), Value::Range(y)) => {
            x.closed == y.closed && equal(&x.lo, &y.lo) && equal(&x.hi, &y.hi)
        }
        (Value::Some(x), Value::Some(y)) => equal(x, y),
        (Value::Object(a), Value::Object(b)) => super::instance::InstRef::ptr_eq(a, b),
        (Value::Enum(a, pa), Value::Enum(b, pb)) => {
            a == b
                && match (pa, pb) {
                    (Some(x), Some(y)) => {
                        x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q))
                    }
                    (None, None) => true,
                    _ => false,
                }
        }
        _ => false,
    }
}

/// Hashes a value consistently with [`equal`].
pub fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::Int(i) => {
            0u8.hash(h);
            i.hash(h);
        }
        Value::Double(d) => {
            1u8.hash(h);
            // -0.0 == 0.0 must hash alike.
            let d = if *d == 0.0 { 0.0 } else { *d };
            d.to_bits().hash(h);
        }
        Value::Bool(b) => {
            2u8.hash(h);
            b.hash(h);
        }
        Value::Nil => 3u8.hash(h),
        Value::Str(s) => {
            4u8.hash(h);
            text::swift_hash(s, h);
        }
        Value::Array(items) | Value::Tuple(items) => {
            5u8.hash(h);
            items.len().hash(h);
            for i in items.iter() {
                hash_value(i, h);
            }
        }
        Value::Slice(s) => {
            5u8.hash(h);
            s.items().len().hash(h);
            for i in s.items() {
                hash_value(i, h);
            }
        }
        Value::Some(inner) => {
            6u8.hash(h);
            hash_value(inner, h);
        }
        Value::Set(s) => {
            // Order-independent: sum of element hashes.
            7u8.hash(h);
            let mut sum = 0u64;
            for k in s.iter() {
                let mut eh = std::collections::hash_map::DefaultHasher::new();
                hash_value(k, &mut eh);
                sum = sum.wrapping_add(eh.finish());
            }
            sum.hash(h);
        }
        Value::Dict(d) => {
            8u8.hash(h);
            let mut sum = 0u64;
            for (k, v) in d.iter() {
                let mut eh = std::collections::hash_map::DefaultHasher::new();
                hash_value(k, &mut eh);
                hash_value(v, &mut eh);
                sum = sum.wrapping_add(eh.finish());
            }
            sum.hash(h);
        }
        Value::Enum(tag, payload) => {
            10u8.hash(h);
            tag.hash(h);
            if let Some(p) = payload {
                for v in p.iter() {
                    hash_value(v, h);
                }
            }
        }
        _ => 9u8.hash(h),
    }
}

/// Swift's `<` ordering for Comparable values (Int, Double, String, tuples of them).
pub fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Double(x), Value::Double(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => text::swift_cmp(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match compare(p, q) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
            Ordering::Equal
        }
        _ => Ordering::Equal,
    }
}
