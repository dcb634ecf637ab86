//! `allocator_api2::alloc::Allocator` for our allocators, so that `allocator_api2`'s `Vec` and
//! `Box`, `hashbrown`'s maps and bumpalo's collections can live in any subsystem on stable
//! Rust. Zero-size requests (which our allocators refuse) get a dangling aligned pointer here,
//! as the allocator-api2 contract expects.

use std::alloc::Layout;
use std::ptr::NonNull;

use allocator_api2::alloc::{AllocError as Api2Error, Allocator as Api2Allocator};

use super::{
    AllocInfo, Allocator, ArenaAllocator, FreelistAllocator, Handle, PlatformAllocator,
    PoolAllocator, SystemAllocator, TraceAllocator,
};

fn dangling(layout: Layout) -> NonNull<[u8]> {
    // An aligned, non-null address is a valid zero-size block.
    let ptr = NonNull::new(layout.align() as *mut u8).unwrap_or(NonNull::dangling());
    NonNull::slice_from_raw_parts(ptr, 0)
}

pub(super) fn allocate(
    a: &dyn Allocator,
    layout: Layout,
    info: &AllocInfo,
    zeroed: bool,
) -> Result<NonNull<[u8]>, Api2Error> {
    if layout.size() == 0 {
        return Ok(dangling(layout));
    }
    let ptr = if zeroed {
        a.allocate_zeroed_with(layout, info)
    } else {
        a.allocate_with(layout, info)
    };
    ptr.map(|p| NonNull::slice_from_raw_parts(p, layout.size()))
        .map_err(|_| Api2Error)
}

/// # Safety
/// `ptr` was allocated by `a` with `old` (or is dangling for a zero-size `old`).
pub(super) unsafe fn resize(
    a: &dyn Allocator,
    ptr: NonNull<u8>,
    old: Layout,
    new: Layout,
    info: &AllocInfo,
) -> Result<NonNull<[u8]>, Api2Error> {
    if old.size() == 0 {
        return allocate(a, new, info, false);
    }
    if new.size() == 0 {
        // SAFETY: forwarded contract.
        unsafe { deallocate(a, ptr, old, info) };
        return Ok(dangling(new));
    }
    if new.align() != old.align() {
        // Our allocators keep the alignment across a resize: move the block instead.
        let fresh = allocate(a, new, info, false)?;
        // SAFETY: both blocks are live and distinct; the copy stays within both.
        unsafe {
            fresh
                .cast::<u8>()
                .as_ptr()
                .copy_from_nonoverlapping(ptr.as_ptr(), old.size().min(new.size()));
            deallocate(a, ptr, old, info);
        }
        return Ok(fresh);
    }
    // SAFETY: forwarded contract; same alignment.
    unsafe { a.reallocate_with(ptr, old, new.size(), info) }
        .map(|p| NonNull::slice_from_raw_parts(p, new.size()))
        .map_err(|_| Api2Error)
}

/// # Safety
/// `ptr` was allocated by `a` with `layout` (or is dangling for a zero-size `layout`).
pub(super) unsafe fn deallocate(
    a: &dyn Allocator,
    ptr: NonNull<u8>,
    layout: Layout,
    info: &AllocInfo,
) {
    if layout.size() != 0 {
        // SAFETY: forwarded contract. A refusal (debug-build double free) cannot be reported
        // through this interface; the block is then left alone rather than corrupted.
        let _ = unsafe { a.free_with(ptr, layout, info) };
    }
}

// SAFETY (for every impl below): blocks come from our allocators, which hand out distinct,
// live, suitably aligned blocks until they are freed, and keep contents across resizes;
// zero-size blocks are dangling aligned pointers that are never passed on.
macro_rules! api2_impl {
    ($($ty:ty => |$s:ident| $info:expr;)*) => {$(
        // SAFETY: see above.
        unsafe impl Api2Allocator for $ty {
            fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let $s = self;
                allocate(&**self, layout, &$info, false)
            }

            fn allocate_zeroed(&self, layout: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let $s = self;
                allocate(&**self, layout, &$info, true)
            }

            unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
                let $s = self;
                // SAFETY: the allocator-api2 contract is ours.
                unsafe { deallocate(&**self, ptr, layout, &$info) }
            }

            unsafe fn grow(&self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let $s = self;
                // SAFETY: the allocator-api2 contract is ours.
                unsafe { resize(&**self, ptr, old, new, &$info) }
            }

            unsafe fn grow_zeroed(&self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let $s = self;
                // SAFETY: the allocator-api2 contract is ours; the grown tail is zeroed.
                unsafe {
                    let block = resize(&**self, ptr, old, new, &$info)?;
                    block.cast::<u8>().as_ptr().add(old.size()).write_bytes(0, new.size() - old.size());
                    Ok(block)
                }
            }

            unsafe fn shrink(&self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let $s = self;
                // SAFETY: the allocator-api2 contract is ours.
                unsafe { resize(&**self, ptr, old, new, &$info) }
            }
        }
    )*};
}

api2_impl! {
    Handle => |h| h.info();
    &PlatformAllocator => |_a| AllocInfo::here();
    &ArenaAllocator => |_a| AllocInfo::here();
    &FreelistAllocator => |_a| AllocInfo::here();
    &PoolAllocator => |_a| AllocInfo::here();
    &SystemAllocator => |_a| AllocInfo::here();
    &dyn Allocator => |_a| AllocInfo::here();
}

// SAFETY: as above; the trace forwards to the allocator it wraps.
unsafe impl<A: Allocator> Api2Allocator for &TraceAllocator<A> {
    fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, Api2Error> {
        allocate(*self, layout, &AllocInfo::here(), false)
    }

    unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
        // SAFETY: the allocator-api2 contract is ours.
        unsafe { deallocate(*self, ptr, layout, &AllocInfo::here()) }
    }

    unsafe fn grow(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new: Layout,
    ) -> Result<NonNull<[u8]>, Api2Error> {
        // SAFETY: the allocator-api2 contract is ours.
        unsafe { resize(*self, ptr, old, new, &AllocInfo::here()) }
    }

    unsafe fn shrink(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new: Layout,
    ) -> Result<NonNull<[u8]>, Api2Error> {
        // SAFETY: the allocator-api2 contract is ours.
        unsafe { resize(*self, ptr, old, new, &AllocInfo::here()) }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{allocators_get, Subsystem};
    use super::*;

    #[test]
    fn collections_live_in_subsystems() {
        let vm = allocators_get(Subsystem::Vm);
        let mut v = allocator_api2::vec::Vec::new_in(vm.clone());
        v.extend(0..1000u32);
        assert_eq!(v.iter().sum::<u32>(), 499_500);
        let mut map = hashbrown::HashMap::new_in(vm.clone());
        map.insert("k", 1);
        let b = allocator_api2::boxed::Box::new_in([7u8; 100], vm.clone());
        assert_eq!(b[99], 7);
        if cfg!(feature = "custom-allocators") {
            assert!(vm.stats().current >= 4000 + 100);
        }
        drop((v, map, b));
        if cfg!(feature = "custom-allocators") {
            assert_eq!(vm.stats().current, 0);
        }
    }

    #[test]
    fn arena_backed_vec_and_zero_sized() {
        let arena = ArenaAllocator::new();
        let mut v = allocator_api2::vec::Vec::new_in(&arena);
        for i in 0..100u64 {
            v.push(i);
        }
        assert_eq!(v[99], 99);
        let z = allocator_api2::boxed::Box::new_in((), &arena);
        drop(z);
        let empty: allocator_api2::vec::Vec<u64, _> =
            allocator_api2::vec::Vec::with_capacity_in(0, &arena);
        assert!(empty.is_empty());
    }
}
