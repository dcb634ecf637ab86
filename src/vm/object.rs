//! The object model's core: [`Obj<T>`], a reference-counted pointer whose memory comes from
//! the Objects subsystem (size-class freelists behind the registry's pool allocator).
//!
//! It is `Rc` with the allocation moved to our allocator and a weak count reserved for
//! Swift's `weak` references. Copy-on-write: [`Obj::make_mut`] clones the value when it is
//! shared, so collections and strings are value types with O(1) copies.
//!
//! This module and `alloc/` are the only places with `unsafe`; each block says why it holds.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
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

    /// A new strong reference to the object whose block is at `block` (its [`Obj::addr`]).
    ///
    /// # Safety
    /// `block` is an `ObjBox<T>` with a strong count of at least one.
    pub(crate) unsafe fn from_block(block: usize) -> Option<Obj<T>> {
        let ptr = NonNull::new(block as *mut ObjBox<T>)?;
        // SAFETY: a live object (the contract); the new reference is counted.
        let strong = &unsafe { ptr.as_ref() }.strong;
        if strong.get() == 0 {
            // Being finished (a deferred drop): not a reference to hand out.
            return None;
        }
        count_up(strong);
        Some(Obj {
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
        count_up(&self.inner().strong);
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
        if count_down(&self.inner().strong) == Some(0) {
            self.drop_last();
        }
    }
}

impl<T> Obj<T> {
    /// The last strong reference is going away: the value is dropped and the block freed,
    /// here or (when drops are already nested [`MAX_DROP_DEPTH`] deep) from the outermost
    /// drop's loop, so that dropping a 100,000-node chain of objects uses bounded host stack.
    #[inline(never)]
    fn drop_last(&mut self) {
        let erased = self.ptr.cast::<u8>();
        let depth = DROP_DEPTH.try_with(Cell::get).unwrap_or(0);
        if depth >= MAX_DROP_DEPTH {
            let item = Deferred {
                ptr: erased,
                finish: finish_box::<T>,
            };
            // The queue owns the object now (strong count 0); should the thread's storage be
            // gone already (thread exit), it is finished here instead.
            if DEFERRED.try_with(|d| d.borrow_mut().push(item)).is_ok() {
                return;
            }
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth + 1));
        // SAFETY: the strong count just reached zero: this is the one finish of the block,
        // an `ObjBox<T>`.
        unsafe { finish_box::<T>(erased) };
        if depth == 0 {
            // The outermost drop: finish what deeper drops left, one at a time (each may
            // defer more).
            while let Some(item) = DEFERRED.try_with(|d| d.borrow_mut().pop()).ok().flatten() {
                // SAFETY: a deferred block had strong count zero when it was queued, and only
                // this loop takes it out of the queue, once.
                unsafe { (item.finish)(item.ptr) };
            }
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth));
    }
}

/// How deep drops of objects holding objects may nest on the host stack before the inner
/// ones are queued (clox's `freeObjects`, bounded rather than flat, so the common shallow
/// case keeps Swift's release order exactly).
const MAX_DROP_DEPTH: u32 = 64;

/// An object whose last strong reference went away while drops were nested too deep.
struct Deferred {
    ptr: NonNull<u8>,
    /// `finish_box::<T>` for the object's `T`.
    finish: unsafe fn(NonNull<u8>),
}

thread_local! {
    /// Nested `drop_last` calls on this thread.
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects waiting for the outermost `drop_last` to finish them.
    static DEFERRED: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
}

/// Drops the value of an `ObjBox<T>` whose strong count is zero and frees the block once no
/// weak reference remains.
///
/// # Safety
/// `ptr` is a live `ObjBox<T>` from [`Obj::new`] with strong count zero, finished once.
unsafe fn finish_box<T>(ptr: NonNull<u8>) {
    let ptr = ptr.cast::<ObjBox<T>>();
    // SAFETY: by the contract the value is initialised and dropped only here, once.
    unsafe { std::ptr::drop_in_place(&mut (*ptr.as_ptr()).value) };
    // SAFETY: the header stays valid until the block is freed below; the borrow ends here.
    let last = count_down(unsafe { &(*ptr.as_ptr()).weak }) == Some(0);
    if last {
        let layout = Layout::new::<ObjBox<T>>();
        let info = AllocInfo::here();
        registry::with_allocator(Subsystem::Objects, |a| {
            // SAFETY: the block came from the Objects allocator with this layout (the registry
            // refuses to replace that allocator while it has live blocks), and no strong or
            // weak reference remains to use it.
            let _ = unsafe { a.free_with(ptr.cast(), layout, &info) };
        });
    }
}

/// Adds a reference to a count. Every count of the object model (`Obj`'s, and an
/// instance's strong and weak counts) follows one rule: it saturates at `u32::MAX` and then
/// sticks, so that the object stays alive forever rather than being freed early (four
/// billion references to one object would need 64 GiB of them).
#[inline(always)]
pub(crate) fn count_up(count: &Cell<u32>) {
    count.set(count.get().saturating_add(1));
}

/// Removes a reference from a count and returns what is left; `None` when the count is
/// stuck at `u32::MAX` (see [`count_up`]) or already zero, which leaves it unchanged.
#[inline(always)]
pub(crate) fn count_down(count: &Cell<u32>) -> Option<u32> {
    let n = count.get();
    if n == u32::MAX || n == 0 {
        return None;
    }
    count.set(n - 1);
    Some(n - 1)
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

#[cfg(test)]
mod drop_tests {
    use super::*;
    use crate::alloc::registry::RegistryConfig;
    use crate::alloc::AllocError;
    use crate::vm::value::Value;

    #[test]
    fn a_million_nested_objects_drop_on_a_small_stack() {
        // The test thread has 2 MiB of stack: a recursive drop of a million levels would
        // overflow it many times over.
        let before = registry::stats(Subsystem::Objects).current;
        let mut v = Value::Int(0);
        for _ in 0..1_000_000 {
            v = Value::Array(Obj::new(crate::vm::value::items_of([v])).unwrap());
        }
        let mut list = Value::Nil;
        for i in 0..1_000_000 {
            list = Value::Enum(
                1,
                Some(Obj::new(crate::vm::value::items_of([Value::Int(i), list])).unwrap()),
            );
        }
        drop(v);
        drop(list);
        if registry::stats_available() {
            assert_eq!(registry::stats(Subsystem::Objects).current, before);
        }
    }

    #[test]
    fn a_saturated_count_sticks() {
        let a = Obj::new(5).unwrap();
        a.inner().strong.set(u32::MAX - 1);
        let b = a.clone();
        let c = a.clone();
        drop(b);
        drop(c);
        assert_eq!(Obj::strong_count(&a), u32::MAX);
        a.inner().strong.set(1);
    }

    #[test]
    fn the_objects_allocator_is_not_replaced_under_live_objects() {
        let debug = RegistryConfig {
            debug: true,
            ..RegistryConfig::default()
        };
        let a = Obj::new(String::from("alive")).unwrap();
        if registry::stats_available() {
            assert_eq!(
                registry::configure(debug.clone()),
                Err(AllocError::InUse {
                    subsystem: Subsystem::Objects
                })
            );
        }
        drop(a);
        assert_eq!(registry::configure(debug), Ok(()));
        let b = Obj::new(String::from("traced")).unwrap();
        drop(b);
        assert_eq!(registry::configure(RegistryConfig::default()), Ok(()));
    }
}
