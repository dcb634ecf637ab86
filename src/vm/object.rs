//! The object model's core: [`Obj<T>`], a reference-counted pointer whose memory comes from
//! the Objects subsystem (size-class freelists behind the registry's pool allocator).
//!
//! It is `Rc` with the allocation moved to our allocator and a weak count reserved for
//! Swift's `weak` references. Copy-on-write: [`Obj::make_mut`] clones the value when it is
//! shared, so collections and strings are value types with O(1) copies.
//!
//! This module and `alloc/` are the only places with `unsafe`; each block says why it holds.

use std::alloc::Layout;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::alloc::{registry, AllocError, AllocInfo, Subsystem};

/// The header and value of one object.
#[repr(C)]
struct ObjBox<T> {
    /// Strong references.
    strong: Cell<u32>,
    /// Weak references (plus one while any strong reference exists).
    weak: Cell<u32>,
    value: T,
}

/// A counted reference to a `T` in the Objects subsystem.
pub struct Obj<T> {
    ptr: NonNull<ObjBox<T>>,
    /// Owns a `T`; not `Send`/`Sync` (the counts are plain cells).
    _marker: PhantomData<ObjBox<T>>,
}

fn allocate(layout: Layout) -> Result<NonNull<u8>, AllocError> {
    let info = AllocInfo::here();
    registry::with_allocator(Subsystem::Objects, |a| a.allocate_with(layout, &info))
}

impl<T> Obj<T> {
    /// Moves `value` into a new object (strong count 1).
    pub fn new(value: T) -> Result<Obj<T>, AllocError> {
        let layout = Layout::new::<ObjBox<T>>();
        let ptr = allocate(layout)?.cast::<ObjBox<T>>();
        // SAFETY: `ptr` is a fresh block with the size and alignment of `ObjBox<T>`.
        unsafe {
            ptr.as_ptr().write(ObjBox {
                strong: Cell::new(1),
                weak: Cell::new(1),
                value,
            })
        };
        Ok(Obj {
            ptr,
            _marker: PhantomData,
        })
    }

    fn inner(&self) -> &ObjBox<T> {
        // SAFETY: while an `Obj` exists the strong count is at least 1, so the box is live.
        unsafe { self.ptr.as_ref() }
    }

    /// Number of strong references.
    pub fn strong_count(this: &Obj<T>) -> u32 {
        this.inner().strong.get()
    }

    /// Whether two references point to the same object.
    pub fn ptr_eq(a: &Obj<T>, b: &Obj<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The object's address (for identity and reports).
    pub fn addr(this: &Obj<T>) -> usize {
        this.ptr.as_ptr() as usize
    }

    /// Mutable access when this is the only reference.
    pub fn get_mut(this: &mut Obj<T>) -> Option<&mut T> {
        if this.inner().strong.get() == 1 && this.inner().weak.get() == 1 {
            // SAFETY: unique strong reference and no weak ones: nobody else can observe the
            // value while `this` is mutably borrowed.
            Some(unsafe { &mut (*this.ptr.as_ptr()).value })
        } else {
            None
        }
    }
}

impl<T: Clone> Obj<T> {
    /// Copy-on-write: mutable access, cloning the value first if it is shared.
    pub fn make_mut(this: &mut Obj<T>) -> Result<&mut T, AllocError> {
        if Obj::get_mut(this).is_none() {
            let copy = Obj::new(this.inner().value.clone())?;
            *this = copy;
        }
        Obj::get_mut(this).ok_or(AllocError::InvalidFree {
            address: 0,
            reason: "copy-on-write lost uniqueness",
        })
    }
}

impl<T> Clone for Obj<T> {
    #[inline]
    fn clone(&self) -> Obj<T> {
        let s = self.inner().strong.get();
        // Four billion references to one object would need 64 GiB of them; saturating keeps
        // the object alive forever rather than freeing it early.
        self.inner().strong.set(s.saturating_add(1));
        Obj {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T> Deref for Obj<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T> Drop for Obj<T> {
    /// A count decrement, inline; freeing the object is out of line.
    #[inline]
    fn drop(&mut self) {
        let inner = self.inner();
        let s = inner.strong.get();
        if s == u32::MAX {
            return;
        }
        inner.strong.set(s - 1);
        if s != 1 {
            return;
        }
        self.drop_last();
    }
}

impl<T> Obj<T> {
    /// The last strong reference is going away.
    #[inline(never)]
    fn drop_last(&mut self) {
        let inner = self.inner();
        // SAFETY: the last strong reference is going away: drop the value in place once.
        unsafe { std::ptr::drop_in_place(&mut (*self.ptr.as_ptr()).value) };
        let w = inner.weak.get() - 1;
        inner.weak.set(w);
        if w == 0 {
            let layout = Layout::new::<ObjBox<T>>();
            let info = AllocInfo::here();
            registry::with_allocator(Subsystem::Objects, |a| {
                // SAFETY: the block came from the Objects allocator with this layout, and no
                // strong or weak reference remains to use it.
                let _ = unsafe { a.free_with(self.ptr.cast(), layout, &info) };
            });
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Obj<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner().value.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_copy_on_write() {
        let mut a = Obj::new(vec![1, 2, 3]).unwrap();
        let b = a.clone();
        assert_eq!(Obj::strong_count(&a), 2);
        Obj::make_mut(&mut a).unwrap().push(4);
        assert_eq!(*a, vec![1, 2, 3, 4]);
        assert_eq!(*b, vec![1, 2, 3]);
        assert_eq!(Obj::strong_count(&b), 1);
        let before = registry::stats(Subsystem::Objects).current;
        drop(a);
        drop(b);
        if cfg!(feature = "custom-allocators") {
            assert!(registry::stats(Subsystem::Objects).current < before);
        }
    }
}
