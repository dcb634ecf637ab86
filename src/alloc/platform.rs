//! `PlatformAllocator`: the system allocator with accounting (the seed's "Platform
//! Allocator"). For long-lived data of various sizes: VM structures, module data.
//!
//! Blocks come from the global allocator (so the counting global allocator attributes them to
//! this subsystem's direct row). Debug builds append an 8-byte canary to each block and check
//! it on free and reallocation, and poison fresh and freed blocks.

use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::allocator::{check_request, resized};
use super::debug::{self, CANARY_BYTES};
use super::{
    global, Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, Stats, Subsystem,
};

/// The system allocator with accounting. Not `Send`/`Sync`: one per thread.
pub struct PlatformAllocator {
    /// Counters, budget, hook. The footprint (bytes held from the global allocator) is not
    /// counted but derived: every live block holds its size plus the debug canary.
    accounting: Accounting,
    _not_send: PhantomData<*const ()>,
}

impl Default for PlatformAllocator {
    fn default() -> Self {
        Self::new()
    }
}

impl PlatformAllocator {
    /// A platform allocator belonging to no subsystem.
    pub fn new() -> PlatformAllocator {
        PlatformAllocator {
            accounting: Accounting::new(),
            _not_send: PhantomData,
        }
    }

    /// A platform allocator labelled with its subsystem.
    pub fn for_subsystem(subsystem: Subsystem) -> PlatformAllocator {
        let a = Self::new();
        a.accounting.set_subsystem(Some(subsystem));
        a
    }

    /// The layout actually requested from the system: the block plus the debug canary.
    #[inline]
    fn backing(layout: Layout) -> Result<Layout, AllocError> {
        if CANARY_BYTES == 0 {
            return Ok(layout);
        }
        let size = layout
            .size()
            .checked_add(CANARY_BYTES)
            .ok_or(AllocError::TooLarge {
                size: layout.size(),
            })?;
        Layout::from_size_align(size, layout.align()).map_err(|_| AllocError::TooLarge { size })
    }

    #[inline]
    fn raw_allocate(
        &self,
        layout: Layout,
        zeroed: bool,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        if let Err(e) = check_request(layout) {
            self.accounting.record_failure();
            return Err(e);
        }
        self.accounting.allocate(layout.size(), info, || {
            let backing = Self::backing(layout)?;
            let raw = global::direct(self.accounting.subsystem(), || {
                // SAFETY: `backing` has a non-zero size (checked above).
                unsafe {
                    if zeroed {
                        std::alloc::alloc_zeroed(backing)
                    } else {
                        std::alloc::alloc(backing)
                    }
                }
            });
            let ptr = NonNull::new(raw).ok_or(AllocError::OutOfMemory {
                size: layout.size(),
            })?;
            // SAFETY: the block has `backing.size()` bytes: the request plus the canary.
            unsafe {
                if !zeroed {
                    debug::poison(ptr.as_ptr(), layout.size(), debug::FRESH_POISON);
                }
                debug::write_canary(ptr.as_ptr(), layout.size());
            }
            Ok(ptr)
        })
    }

    /// # Safety
    /// `ptr` is a live block of this allocator with `layout`.
    #[inline]
    unsafe fn check_canary(&self, ptr: NonNull<u8>, layout: Layout) -> Result<(), AllocError> {
        // SAFETY: the block has its canary right after `layout.size()` bytes.
        if unsafe { debug::canary_intact(ptr.as_ptr(), layout.size()) } {
            Ok(())
        } else {
            self.accounting.record_failure();
            Err(AllocError::CanaryCorrupted {
                address: ptr.as_ptr() as usize,
            })
        }
    }
}

impl Allocator for PlatformAllocator {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::Platform
    }

    fn accounting(&self) -> &Accounting {
        &self.accounting
    }

    fn stats(&self) -> Stats {
        let mut stats = self.accounting.stats();
        let live_blocks = stats.allocations.saturating_sub(stats.frees);
        stats.footprint = stats.current + live_blocks * CANARY_BYTES as u64;
        stats
    }

    #[inline]
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        self.raw_allocate(layout, false, info)
    }

    #[inline]
    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        self.raw_allocate(layout, true, info)
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        let new = resized(old, new_size).inspect_err(|_| self.accounting.record_failure())?;
        // SAFETY: the caller guarantees `ptr` is live with `old`.
        unsafe { self.check_canary(ptr, old)? };
        self.accounting
            .check_budget(new_size.saturating_sub(old.size()))?;
        let old_backing = Self::backing(old)?;
        let new_backing = Self::backing(new).inspect_err(|_| self.accounting.record_failure())?;
        let raw = global::direct(self.accounting.subsystem(), || {
            // SAFETY: `ptr` came from the global allocator with `old_backing` (caller's
            // contract); the new size is non-zero and forms a valid layout (checked above).
            unsafe { std::alloc::realloc(ptr.as_ptr(), old_backing, new_backing.size()) }
        });
        let Some(new_ptr) = NonNull::new(raw) else {
            self.accounting.record_failure();
            return Err(AllocError::OutOfMemory { size: new_size });
        };
        // SAFETY: the new block has `new_backing.size()` bytes.
        unsafe {
            if new_size > old.size() {
                debug::poison(
                    new_ptr.as_ptr().add(old.size()),
                    new_size - old.size(),
                    debug::FRESH_POISON,
                );
            }
            debug::write_canary(new_ptr.as_ptr(), new_size);
        }
        self.accounting.on_realloc(
            (ptr.as_ptr() as usize, old.size()),
            new_ptr.as_ptr() as usize,
            new_size,
            info,
        );
        Ok(new_ptr)
    }

    #[inline]
    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        // SAFETY: the caller guarantees `ptr` is live with `layout`.
        unsafe { self.check_canary(ptr, layout)? };
        let backing = Self::backing(layout)?;
        // SAFETY: the block is live and owned by the caller, who gives it up now; it came from
        // the global allocator with `backing`.
        unsafe {
            debug::poison(ptr.as_ptr(), backing.size(), debug::FREED_POISON);
            std::alloc::dealloc(ptr.as_ptr(), backing);
        }
        self.accounting
            .on_free(ptr.as_ptr() as usize, layout.size(), info);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocate_write_reallocate_free() {
        let a = PlatformAllocator::new();
        let layout = Layout::from_size_align(16, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        // SAFETY: 16 fresh bytes.
        unsafe { p.as_ptr().copy_from(b"0123456789abcdef".as_ptr(), 16) };
        // SAFETY: `p` is live with `layout`.
        let q = unsafe { a.reallocate(p, layout, 64).unwrap() };
        // SAFETY: the first 16 bytes were kept.
        let kept = unsafe { std::slice::from_raw_parts(q.as_ptr(), 16) };
        assert_eq!(kept, b"0123456789abcdef");
        // SAFETY: `q` is live with 64 bytes.
        unsafe { a.free(q, Layout::from_size_align(64, 8).unwrap()).unwrap() };
        if cfg!(feature = "custom-allocators") {
            let s = a.stats();
            assert_eq!((s.current, s.peak, s.total_allocated), (0, 64, 80));
            assert_eq!((s.allocations, s.reallocations, s.frees), (1, 1, 1));
            assert_eq!(s.footprint, 0);
        }
    }

    #[test]
    fn zeroed_is_zero() {
        let a = PlatformAllocator::new();
        let layout = Layout::array::<u64>(32).unwrap();
        let p = a.allocate_zeroed(layout).unwrap();
        // SAFETY: 256 zeroed bytes.
        assert!(unsafe { std::slice::from_raw_parts(p.as_ptr(), 256) }
            .iter()
            .all(|b| *b == 0));
        // SAFETY: live block.
        unsafe { a.free(p, layout).unwrap() };
    }

    #[test]
    fn bad_requests_are_errors() {
        let mut a = PlatformAllocator::new();
        assert_eq!(
            a.allocate(Layout::from_size_align(0, 1).unwrap()),
            Err(AllocError::ZeroSize)
        );
        let huge = Layout::from_size_align(isize::MAX as usize - 64, 1).unwrap();
        assert!(matches!(
            a.allocate(huge),
            Err(AllocError::OutOfMemory { .. } | AllocError::TooLarge { .. })
        ));
        assert!(a.reset().is_err());
    }

    #[test]
    #[cfg(debug_assertions)]
    fn overrun_is_caught_by_the_canary() {
        let a = PlatformAllocator::new();
        let layout = Layout::from_size_align(8, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        // SAFETY: the debug canary occupies the 8 bytes after the block; this test overwrites
        // one of them on purpose, inside memory the allocator owns.
        unsafe { p.as_ptr().add(8).write(0) };
        // SAFETY: live block.
        let err = unsafe { a.free(p, layout) }.unwrap_err();
        assert!(matches!(err, AllocError::CanaryCorrupted { .. }));
        // Repair and free for real so the test does not leak.
        // SAFETY: same block, canary restored.
        unsafe {
            debug::write_canary(p.as_ptr(), 8);
            a.free(p, layout).unwrap();
        }
    }
}
