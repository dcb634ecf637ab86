//! `ArraySlice<T>` at run time: a window on an array's storage that keeps the base's indices.
//!
//! Representation: the base's storage, shared (the same counted `Obj<Items>` the array
//! value holds), the window `lo..hi` in it, and `start`, the Swift index of element `lo`.
//! Sharing makes slicing O(1) as in Swift: a loop `s = s.dropFirst()` or a recursive search
//! over `a[lo...hi]` stays linear or logarithmic where copying would make it quadratic.
//! Copy on write stays correct because every write first makes the storage unique *and*
//! exactly the window ([`SliceObj::own`]): while the array or another slice still holds the
//! storage, only the window's elements are copied, so a write through the slice reaches
//! neither. The price, as in Swift, is that a small slice keeps its whole base alive.
//!
//! Arrays never come here: the interpreter's array fast paths match `Value::Array` first and
//! slices take the slower builtin paths below.

use super::object::Obj;
use super::value::Items;
use super::value::Value;
use crate::alloc::AllocError;

/// An `ArraySlice` value's contents.
#[derive(Clone, Debug)]
pub struct SliceObj {
    /// The storage, shared with the base array (and other slices) until written.
    pub storage: Obj<Items>,
    /// The window's first element in `storage`.
    pub lo: usize,
    /// One past the window's last element in `storage`.
    pub hi: usize,
    /// The Swift index of the window's first element (`startIndex`).
    pub start: i64,
}

impl SliceObj {
    /// The slice of `storage[lo..hi]` whose first element has Swift index `start`.
    pub fn new(storage: Obj<Items>, lo: usize, hi: usize, start: i64) -> SliceObj {
        SliceObj {
            storage,
            lo,
            hi,
            start,
        }
    }

    /// The elements in order.
    pub fn items(&self) -> &[Value] {
        self.storage.get(self.lo..self.hi).unwrap_or(&[])
    }

    /// `endIndex`: one past the last element's Swift index.
    pub fn end(&self) -> i64 {
        self.start
            .saturating_add(i64::try_from(self.hi.saturating_sub(self.lo)).unwrap_or(i64::MAX))
    }

    /// The position in [`items`](Self::items) of Swift index `i`, when it is a valid index.
    pub fn position(&self, i: i64) -> Option<usize> {
        if i < self.start || i >= self.end() {
            return None;
        }
        usize::try_from(i - self.start).ok()
    }

    /// The elements to write: the storage made unique and exactly the window (`lo == 0`,
    /// `hi == len`). The caller sets `hi` again after changing the length ([`Self::fit`]).
    pub fn own(&mut self) -> Result<&mut Items, AllocError> {
        let (lo, hi) = (self.lo, self.hi);
        match Obj::get_mut(&mut self.storage) {
            Some(v) => {
                // Nobody else sees this storage: trim it to the window in place.
                v.truncate(hi);
                v.drain(..lo.min(v.len()));
            }
            None => {
                let copy = super::value::items_from(self.items().iter().cloned());
                self.storage = Obj::new(copy)?;
            }
        }
        self.lo = 0;
        self.hi = self.storage.len();
        Obj::get_mut(&mut self.storage).ok_or(AllocError::InvalidFree {
            address: 0,
            reason: "copy-on-write lost uniqueness",
        })
    }

    /// After a write through [`own`](Self::own): the window is the whole storage again.
    pub fn fit(&mut self) {
        self.lo = 0;
        self.hi = self.storage.len();
    }
}

/// The window `lo..hi` (positions in `items`, already checked) of a value that is an array
/// or a slice, as a slice value whose first element has Swift index `start`.
pub fn window(base: &Value, lo: usize, hi: usize, start: i64) -> Option<SliceObj> {
    match base {
        Value::Array(a) => Some(SliceObj::new(a.clone(), lo, hi, start)),
        Value::Slice(s) => Some(SliceObj::new(
            s.storage.clone(),
            s.lo + lo,
            s.lo + hi,
            start,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Obj<Items> {
        Obj::new(super::super::value::items_from(
            v.iter().map(|i| Value::Int(*i)),
        ))
        .unwrap()
    }

    fn as_ints(v: &[Value]) -> Vec<i64> {
        v.iter()
            .map(|x| match x {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    #[test]
    fn a_slice_shares_its_base_until_written() {
        let base = ints(&[10, 20, 30, 40, 50]);
        let mut s = SliceObj::new(base.clone(), 2, 4, 2);
        assert!(Obj::ptr_eq(&s.storage, &base));
        assert_eq!(as_ints(s.items()), vec![30, 40]);
        assert_eq!((s.start, s.end()), (2, 4));
        assert_eq!(s.position(3), Some(1));
        assert_eq!(s.position(4), None);
        assert_eq!(s.position(1), None);
        // A write copies only the window; the base is untouched.
        let own = s.own().unwrap();
        own[1] = Value::Int(9);
        assert!(!Obj::ptr_eq(&s.storage, &base));
        assert_eq!(as_ints(s.items()), vec![30, 9]);
        assert_eq!(as_ints(&base), vec![10, 20, 30, 40, 50]);
        assert_eq!(s.start, 2);
    }

    #[test]
    fn a_unique_storage_is_trimmed_in_place() {
        let mut s = SliceObj::new(ints(&[1, 2, 3, 4]), 1, 3, 1);
        let addr = Obj::addr(&s.storage);
        s.own().unwrap().push(Value::Int(7));
        s.fit();
        assert_eq!(Obj::addr(&s.storage), addr);
        assert_eq!(as_ints(s.items()), vec![2, 3, 7]);
        assert_eq!(s.end(), 4);
    }
}
