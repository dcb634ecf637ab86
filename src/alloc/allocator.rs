//! The `Allocator` trait: the one interface every allocator implements (the seed's
//! "Abstract Allocator Interface").
//!
//! Methods take `&self` (allocators use interior mutability and are shared by reference on
//! one thread); `reset` takes `&mut self`, so the borrow checker proves that nothing still
//! points into the memory it releases. Every failure is an [`AllocError`] value.

use std::alloc::Layout;
use std::ptr::NonNull;

use super::{Accounting, AllocError, AllocInfo, AllocatorKind, Stats, Tag};

/// A block still live in a trace allocator (what a leak report prints).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveBlock {
    /// Address of the block.
    pub address: usize,
    /// Size in bytes.
    pub size: usize,
    /// Allocation order within the trace allocator (0 is the first).
    pub sequence: u64,
    /// Rust location, script location and tag of the allocating call.
    pub info: AllocInfo,
}

/// The uniform allocator interface.
///
/// # Safety contract of the raw calls
/// A pointer passed to `reallocate_with` or `free_with` must have come from the same allocator
/// with the layout given (size and alignment), and must not be used after the call. The
/// allocators check what they cheaply can (debug builds catch double frees, foreign pointers
/// and overwritten canaries and return an error), but the contract is the caller's.
pub trait Allocator {
    /// Which implementation this is.
    fn kind(&self) -> AllocatorKind;

    /// The counters, budget and hook of this allocator.
    fn accounting(&self) -> &Accounting;

    /// Allocates a block for `layout`. Zero-size requests are refused.
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError>;

    /// Allocates a block filled with zero bytes (the seed's `VM_ALLOC_ZERO`).
    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        let ptr = self.allocate_with(layout, info)?;
        // SAFETY: `ptr` is a fresh block of at least `layout.size()` writable bytes.
        unsafe { ptr.as_ptr().write_bytes(0, layout.size()) };
        Ok(ptr)
    }

    /// Resizes a block to `new_size` bytes (same alignment), keeping its contents up to the
    /// smaller size. On error the old block is untouched and still owned by the caller.
    ///
    /// # Safety
    /// `ptr` was returned by this allocator for `old` and is live.
    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError>;

    /// Gives a block back, with its size (the seed's `VM_FREE(ptr, size)`).
    ///
    /// # Safety
    /// `ptr` was returned by this allocator for `layout`, is live, and is not used afterwards.
    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError>;

    /// Releases every block at once, keeping the memory for reuse, where supported.
    fn reset(&mut self) -> Result<(), AllocError> {
        self.accounting().record_failure();
        Err(AllocError::Unsupported {
            operation: "reset",
            allocator: self.kind().name(),
        })
    }

    /// A snapshot of the statistics.
    fn stats(&self) -> Stats {
        self.accounting().stats()
    }

    /// Every live block with its metadata, for allocators that record them (trace).
    fn live_blocks(&self) -> Option<Vec<LiveBlock>> {
        None
    }

    /// Calls `f` with every live block, in no particular order, for allocators that record
    /// them (trace); false for the others. Nothing is collected, so a report over a million
    /// blocks needs no copy of them. `f` must not allocate from or free to this allocator.
    fn for_each_live_block(&self, f: &mut dyn FnMut(&LiveBlock)) -> bool {
        match self.live_blocks() {
            Some(blocks) => {
                blocks.iter().for_each(f);
                true
            }
            None => false,
        }
    }

    /// Bytes of bookkeeping the allocator keeps per live block, where it keeps any (trace).
    fn metadata_bytes(&self) -> usize {
        0
    }

    /// [`Allocator::allocate_with`] recording the caller.
    #[track_caller]
    #[inline]
    fn allocate(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        self.allocate_with(layout, &AllocInfo::here())
    }

    /// [`Allocator::allocate_with`] with a tag (the seed's `MEM_ALLOC_TAGGED`).
    #[track_caller]
    #[inline]
    fn allocate_tagged(&self, layout: Layout, tag: Tag) -> Result<NonNull<u8>, AllocError> {
        self.allocate_with(layout, &AllocInfo::tagged(tag))
    }

    /// [`Allocator::allocate_zeroed_with`] recording the caller.
    #[track_caller]
    #[inline]
    fn allocate_zeroed(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        self.allocate_zeroed_with(layout, &AllocInfo::here())
    }

    /// [`Allocator::reallocate_with`] recording the caller.
    ///
    /// # Safety
    /// As [`Allocator::reallocate_with`].
    #[track_caller]
    #[inline]
    unsafe fn reallocate(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract.
        unsafe { self.reallocate_with(ptr, old, new_size, &AllocInfo::here()) }
    }

    /// [`Allocator::free_with`] recording the caller.
    ///
    /// # Safety
    /// As [`Allocator::free_with`].
    #[track_caller]
    #[inline]
    unsafe fn free(&self, ptr: NonNull<u8>, layout: Layout) -> Result<(), AllocError> {
        // SAFETY: forwarded contract.
        unsafe { self.free_with(ptr, layout, &AllocInfo::here()) }
    }
}

/// Checks a request the way every allocator does first: it must be non-zero (a `Layout`
/// already guarantees that the size rounded up to its alignment fits in `isize`).
#[inline]
pub(crate) fn check_request(layout: Layout) -> Result<(), AllocError> {
    if layout.size() == 0 {
        return Err(AllocError::ZeroSize);
    }
    Ok(())
}

/// The layout of a resized block, or the error for an impossible size.
#[inline]
pub(crate) fn resized(old: Layout, new_size: usize) -> Result<Layout, AllocError> {
    if new_size == 0 {
        return Err(AllocError::ZeroSize);
    }
    Layout::from_size_align(new_size, old.align())
        .map_err(|_| AllocError::TooLarge { size: new_size })
}
