//! The seed's conveniences in Rust form: typed `new`, `new_array`, zeroed blocks, `strdup`,
//! their tagged variants, and `with_arena` scopes.
//!
//! | seed (C)                              | here (Rust)                                        |
//! |---------------------------------------|----------------------------------------------------|
//! | `VM_ALLOC(size)` / `VM_FREE(p, size)` | [`alloc_block`]`(Subsystem::Vm, size)`; dropping the [`Block`] frees it with its size |
//! | `VM_ALLOC_ZERO(size)`                 | [`alloc_zeroed`]`(Subsystem::Vm, size)`            |
//! | `VM_NEW(MyStruct)`                    | [`new`]`(Subsystem::Vm, value)`                    |
//! | `VM_NEW_ARRAY(int, 10)`               | [`new_array`]`(Subsystem::Vm, 10, 0)`               |
//! | `VM_STRDUP(str)` / `STR_DUP`          | [`strdup`]`(Subsystem::Vm, s)`                     |
//! | `OBJ_NEW(Object, "player-object")`    | [`new_tagged`]`(Subsystem::Objects, value, tag)`   |
//! | `WITH_ARENA(temp, 4096, {...})`       | [`with_arena`]`(4096, \|arena\| ...)`             |
//!
//! Every function returns `Result<_, AllocError>`; none panics.

use std::alloc::Layout;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use super::{
    allocators_get, global, registry, AllocError, Allocator, ArenaAllocator, Handle, Subsystem, Tag,
};

/// A `Box` whose memory lives in a subsystem.
pub type SubBox<T> = allocator_api2::boxed::Box<T, Handle>;
/// A `Vec` whose memory lives in a subsystem.
pub type SubVec<T> = allocator_api2::vec::Vec<T, Handle>;

/// An owned untyped block in a subsystem; dropping it frees it with its size.
pub struct Block {
    ptr: NonNull<u8>,
    layout: Layout,
    handle: Handle,
}

impl Block {
    /// The block's size.
    pub fn len(&self) -> usize {
        self.layout.size()
    }

    /// Whether the block is empty (never: zero-size blocks are refused).
    pub fn is_empty(&self) -> bool {
        self.layout.size() == 0
    }

    /// The block's address.
    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// Resizes the block, keeping its contents up to the smaller size (`VM_REALLOC`).
    pub fn resize(&mut self, new_size: usize) -> Result<(), AllocError> {
        // SAFETY: the block is live with `self.layout` in `self.handle`'s allocator.
        let ptr = unsafe {
            self.handle
                .reallocate_with(self.ptr, self.layout, new_size, &self.handle.info())?
        };
        self.ptr = ptr;
        self.layout = Layout::from_size_align(new_size, self.layout.align())
            .map_err(|_| AllocError::TooLarge { size: new_size })?;
        Ok(())
    }
}

impl Deref for Block {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: the block has `len()` bytes, initialised (zeroed or written through
        // `deref_mut`; fresh non-zeroed blocks are filled by `alloc_block`).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.layout.size()) }
    }
}

impl DerefMut for Block {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as `deref`, and `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.layout.size()) }
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        // SAFETY: the block is live with `self.layout` and is never used again. A refusal
        // (debug-build canary) has nowhere to go from `drop`; the block is then left alone.
        let _ = unsafe {
            self.handle
                .free_with(self.ptr, self.layout, &self.handle.info())
        };
    }
}

fn block_in(handle: Handle, size: usize, zeroed: bool) -> Result<Block, AllocError> {
    let layout = Layout::from_size_align(size, 16).map_err(|_| AllocError::TooLarge { size })?;
    // Safe code may read the block, so it is always initialised: zeroed here, and the fresh
    // variant fills it too (the seed's MALLOC leaves it uninitialised; Rust may not).
    let _ = zeroed;
    let ptr = handle.allocate_zeroed_with(layout, &handle.info())?;
    Ok(Block {
        ptr,
        layout,
        handle,
    })
}

/// A block of `size` bytes in `subsystem` (`VM_ALLOC`). Its contents start zeroed.
#[track_caller]
pub fn alloc_block(subsystem: Subsystem, size: usize) -> Result<Block, AllocError> {
    block_in(allocators_get(subsystem), size, false)
}

/// A zero-filled block (`VM_ALLOC_ZERO`).
#[track_caller]
pub fn alloc_zeroed(subsystem: Subsystem, size: usize) -> Result<Block, AllocError> {
    block_in(allocators_get(subsystem), size, true)
}

/// A tagged block (`MEM_ALLOC_TAGGED(alloc, size, "game-state")`).
#[track_caller]
pub fn alloc_tagged(subsystem: Subsystem, size: usize, tag: Tag) -> Result<Block, AllocError> {
    block_in(allocators_get(subsystem).tagged(tag), size, true)
}

/// `value` boxed in `subsystem` (`VM_NEW(T)`).
#[track_caller]
pub fn new<T>(subsystem: Subsystem, value: T) -> Result<SubBox<T>, AllocError> {
    boxed(allocators_get(subsystem), value)
}

/// `value` boxed in `subsystem` under `tag` (`OBJ_NEW(Object, "player-object")`).
#[track_caller]
pub fn new_tagged<T>(subsystem: Subsystem, value: T, tag: Tag) -> Result<SubBox<T>, AllocError> {
    boxed(allocators_get(subsystem).tagged(tag), value)
}

fn boxed<T>(handle: Handle, value: T) -> Result<SubBox<T>, AllocError> {
    let subsystem = handle.subsystem();
    SubBox::try_new_in(value, handle)
        .map_err(|_| budget_or_oom(subsystem, std::mem::size_of::<T>()))
}

/// `len` copies of `value` in `subsystem` (`VM_NEW_ARRAY(T, n)`).
#[track_caller]
pub fn new_array<T: Clone>(
    subsystem: Subsystem,
    len: usize,
    value: T,
) -> Result<SubVec<T>, AllocError> {
    let handle = allocators_get(subsystem);
    let mut v = SubVec::new_in(handle);
    v.try_reserve_exact(len).map_err(|_| {
        budget_or_oom(
            Some(subsystem),
            len.saturating_mul(std::mem::size_of::<T>()),
        )
    })?;
    v.resize(len, value);
    Ok(v)
}

/// A copy of `s` in `subsystem` (`VM_STRDUP`).
#[track_caller]
pub fn strdup(subsystem: Subsystem, s: &str) -> Result<SubString, AllocError> {
    let handle = allocators_get(subsystem);
    let mut bytes = SubVec::new_in(handle);
    bytes
        .try_reserve_exact(s.len())
        .map_err(|_| budget_or_oom(Some(subsystem), s.len()))?;
    bytes.extend_from_slice(s.as_bytes());
    Ok(SubString { bytes })
}

/// A string whose bytes live in a subsystem.
pub struct SubString {
    bytes: SubVec<u8>,
}

impl Deref for SubString {
    type Target = str;

    fn deref(&self) -> &str {
        // SAFETY: the bytes are a copy of a `str` and are never changed.
        unsafe { std::str::from_utf8_unchecked(&self.bytes) }
    }
}

impl std::fmt::Debug for SubString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// allocator-api2 reports failure without a reason; a budget is the likely one when set.
fn budget_or_oom(subsystem: Option<Subsystem>, size: usize) -> AllocError {
    if let Some(s) = subsystem {
        let stats = registry::stats(s);
        if let Some(limit) = stats.limit {
            if stats.current.saturating_add(size as u64) > limit {
                return AllocError::BudgetExceeded {
                    subsystem: Some(s),
                    limit,
                    current: stats.current,
                    requested: size as u64,
                };
            }
        }
    }
    AllocError::OutOfMemory { size }
}

/// Runs `f` with a fresh arena of at least `capacity` bytes; everything allocated in it is
/// freed when `f` returns (the seed's `WITH_ARENA`). References into the arena cannot escape
/// the closure. The scope's counters are folded into the Temp subsystem's, and other heap
/// allocations made meanwhile are attributed to Temp.
pub fn with_arena<R>(
    capacity: usize,
    f: impl FnOnce(&ArenaAllocator) -> R,
) -> Result<R, AllocError> {
    let _scope = global::SubsystemScope::enter(Subsystem::Temp);
    let arena = ArenaAllocator::with_capacity(capacity)?;
    arena.set_subsystem(Some(Subsystem::Temp));
    let result = f(&arena);
    registry::absorb(Subsystem::Temp, &arena.stats());
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_helpers_allocate_in_their_subsystem() {
        let b = new(Subsystem::Vm, [1u64; 8]).unwrap();
        let arr = new_array(Subsystem::Modules, 10, 0i32).unwrap();
        let s = strdup(Subsystem::Strings, "hello").unwrap();
        let mut blk = alloc_zeroed(Subsystem::Vm, 100).unwrap();
        assert!(blk.iter().all(|b| *b == 0));
        blk[0] = 9;
        blk.resize(200).unwrap();
        assert_eq!((blk[0], blk.len()), (9, 200));
        assert_eq!(b[7], 1);
        assert_eq!(arr.len(), 10);
        assert_eq!(&*s, "hello");
        if cfg!(feature = "custom-allocators") {
            assert!(registry::stats(Subsystem::Vm).current >= 64 + 200);
            assert!(registry::stats(Subsystem::Modules).current >= 40);
            assert!(registry::stats(Subsystem::Strings).current >= 5);
        }
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn tagged_allocations_reach_the_tag_table() {
        let tag = Tag::new("player-object");
        let a = new_tagged(Subsystem::Objects, [0u8; 48], tag).unwrap();
        let b = alloc_tagged(Subsystem::Vm, 200, tag).unwrap();
        let s = super::super::stats::tag_stats_of(tag);
        assert_eq!((s.count, s.current), (2, 248));
        drop(a);
        drop(b);
        let s = super::super::stats::tag_stats_of(tag);
        assert_eq!((s.live, s.current, s.peak), (0, 0, 248));
    }

    #[test]
    fn with_arena_frees_at_the_end() {
        let n = with_arena(4096, |arena| {
            let s = arena.alloc_str("temporary").unwrap();
            let data = arena.alloc_slice_copy(&[1u8; 1024]).unwrap();
            s.len() + data.len()
        })
        .unwrap();
        assert_eq!(n, 1033);
        if cfg!(feature = "custom-allocators") {
            let temp = registry::stats(Subsystem::Temp);
            assert_eq!(temp.current, 0);
            assert!(temp.peak >= 1033);
        }
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn budget_errors_name_the_subsystem() {
        registry::set_limit(Subsystem::Stdlib, Some(1024));
        let err = new_array(Subsystem::Stdlib, 2048, 0u8).unwrap_err();
        assert!(matches!(
            err,
            AllocError::BudgetExceeded {
                subsystem: Some(Subsystem::Stdlib),
                limit: 1024,
                ..
            }
        ));
        registry::set_limit(Subsystem::Stdlib, None);
    }
}
