//! `FreelistAllocator`: one block size, blocks carved from larger slabs, freed blocks reused
//! last-in first-out through a list threaded through the free blocks themselves (the seed's
//! "Freelist Allocator"; Zig's `MemoryPool`). For many same-sized objects: instances,
//! closures, boxes.
//!
//! A request of another size is an error. Debug builds give each block an 8-byte canary,
//! poison freed blocks, and keep the set of live blocks, so a double free or a foreign pointer
//! is an error value instead of a corrupted list.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use super::debug::{self, CANARY_BYTES};
use super::{global, Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, Subsystem};

/// First slab size; later slabs double up to [`MAX_SLAB_BYTES`].
const FIRST_SLAB_BYTES: usize = 4 << 10;
/// Largest slab size.
const MAX_SLAB_BYTES: usize = 256 << 10;
/// Largest block alignment a freelist provides.
pub const MAX_BLOCK_ALIGN: usize = 16;

/// A fixed-size block allocator. Not `Send`/`Sync`: one per thread.
pub struct FreelistAllocator {
    /// The size every request must have.
    block_size: usize,
    /// Distance between blocks in a slab: the block, the debug canary, rounded to `align`.
    stride: usize,
    /// Alignment of every block.
    align: usize,
    /// Head of the free list; each free block's first word points to the next free block.
    free_head: Cell<*mut u8>,
    /// Next never-used block in the newest slab, and the end of that slab.
    fresh: Cell<*mut u8>,
    fresh_end: Cell<*mut u8>,
    /// Every slab with its layout, freed on drop.
    slabs: RefCell<Vec<(NonNull<u8>, Layout)>>,
    /// Bytes in all slabs.
    slab_bytes: Cell<usize>,
    /// Debug builds: addresses of live blocks, for double-free and foreign-pointer checks.
    #[cfg(debug_assertions)]
    live: RefCell<hashbrown::HashSet<usize>>,
    /// Counters, budget, hook.
    accounting: Accounting,
    _not_send: PhantomData<*const ()>,
}

impl FreelistAllocator {
    /// A freelist of `block_size`-byte blocks (at least a pointer's size; refused if zero or
    /// absurdly large).
    pub fn new(block_size: usize) -> Result<FreelistAllocator, AllocError> {
        if block_size == 0 {
            return Err(AllocError::ZeroSize);
        }
        if block_size > MAX_SLAB_BYTES / 4 {
            return Err(AllocError::TooLarge { size: block_size });
        }
        let min = std::mem::size_of::<*mut u8>();
        // The largest power of two dividing the (pointer-rounded) size, capped at 16.
        let rounded = block_size.max(min).next_multiple_of(min);
        let align = (1usize << rounded.trailing_zeros()).min(MAX_BLOCK_ALIGN);
        let stride = (rounded + CANARY_BYTES).next_multiple_of(align);
        Ok(FreelistAllocator {
            block_size,
            stride,
            align,
            free_head: Cell::new(ptr::null_mut()),
            fresh: Cell::new(ptr::null_mut()),
            fresh_end: Cell::new(ptr::null_mut()),
            slabs: RefCell::new(Vec::new()),
            slab_bytes: Cell::new(0),
            #[cfg(debug_assertions)]
            live: RefCell::new(hashbrown::HashSet::new()),
            accounting: Accounting::new(),
            _not_send: PhantomData,
        })
    }

    /// A freelist labelled with its subsystem.
    pub fn for_subsystem(
        block_size: usize,
        subsystem: Subsystem,
    ) -> Result<FreelistAllocator, AllocError> {
        let f = Self::new(block_size)?;
        f.accounting.set_subsystem(Some(subsystem));
        Ok(f)
    }

    /// The block size.
    pub fn block_size(&self) -> usize {
        self.block_size
    }

    /// The alignment of every block.
    pub fn block_align(&self) -> usize {
        self.align
    }

    /// Number of slabs taken so far.
    pub fn slab_count(&self) -> usize {
        self.slabs.borrow().len()
    }

    /// Bytes held in slabs.
    pub fn capacity(&self) -> usize {
        self.slab_bytes.get()
    }

    #[inline]
    fn check_layout(&self, layout: Layout) -> Result<(), AllocError> {
        if layout.size() == self.block_size && layout.align() <= self.align {
            return Ok(());
        }
        self.layout_error(layout)
    }

    #[cold]
    fn layout_error(&self, layout: Layout) -> Result<(), AllocError> {
        if layout.size() == 0 {
            return Err(AllocError::ZeroSize);
        }
        if layout.size() != self.block_size {
            return Err(AllocError::WrongSize {
                block_size: self.block_size,
                requested: layout.size(),
            });
        }
        if layout.align() > self.align {
            return Err(AllocError::BadAlignment {
                align: layout.align(),
            });
        }
        Ok(())
    }

    /// Takes a block: the free list first (LIFO), then the fresh part of the newest slab.
    #[inline]
    fn take_block(&self) -> Result<*mut u8, AllocError> {
        let head = self.free_head.get();
        if !head.is_null() {
            // SAFETY: `head` is a free block of this freelist; its first word holds the next
            // free block (written by `free_with`), aligned to at least a pointer.
            self.free_head.set(unsafe { head.cast::<*mut u8>().read() });
            return Ok(head);
        }
        let fresh = self.fresh.get();
        if fresh < self.fresh_end.get() {
            // SAFETY: `fresh + stride` stays within (or one past) the newest slab.
            self.fresh.set(unsafe { fresh.add(self.stride) });
            return Ok(fresh);
        }
        self.new_slab()
    }

    #[cold]
    fn new_slab(&self) -> Result<*mut u8, AllocError> {
        let previous = self.slabs.borrow().last().map_or(0, |(_, l)| l.size());
        let bytes = (previous * 2)
            .clamp(FIRST_SLAB_BYTES, MAX_SLAB_BYTES)
            .max(self.stride * 8);
        let blocks = bytes / self.stride;
        let layout = Layout::from_size_align(blocks * self.stride, self.align)
            .map_err(|_| AllocError::TooLarge { size: bytes })?;
        // SAFETY: `layout` has a non-zero size.
        let raw = global::direct(self.accounting.subsystem(), || unsafe {
            std::alloc::alloc(layout)
        });
        let slab = NonNull::new(raw).ok_or(AllocError::OutOfMemory {
            size: layout.size(),
        })?;
        self.slabs.borrow_mut().push((slab, layout));
        self.slab_bytes.set(self.slab_bytes.get() + layout.size());
        self.accounting.set_footprint(self.slab_bytes.get());
        // SAFETY: the first block is within the new slab; the rest are handed out later.
        unsafe {
            self.fresh.set(slab.as_ptr().add(self.stride));
            self.fresh_end.set(slab.as_ptr().add(blocks * self.stride));
        }
        Ok(slab.as_ptr())
    }

    /// Whether `address` is a block boundary inside one of the slabs (debug builds' double
    /// free check).
    #[cfg(debug_assertions)]
    fn owns(&self, address: usize) -> bool {
        self.slabs.borrow().iter().any(|(p, l)| {
            let start = p.as_ptr() as usize;
            address >= start && address < start + l.size() && (address - start) % self.stride == 0
        })
    }

    #[cfg(debug_assertions)]
    fn debug_check_free(&self, address: usize) -> Result<(), AllocError> {
        if self.live.borrow_mut().remove(&address) {
            return Ok(());
        }
        if self.owns(address) {
            Err(AllocError::DoubleFree { address })
        } else {
            Err(AllocError::InvalidFree {
                address,
                reason: "not a block of this freelist",
            })
        }
    }

    #[cfg(not(debug_assertions))]
    #[inline]
    fn debug_check_free(&self, _address: usize) -> Result<(), AllocError> {
        Ok(())
    }
}

impl Allocator for FreelistAllocator {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::Freelist
    }

    fn accounting(&self) -> &Accounting {
        &self.accounting
    }

    #[inline]
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        if let Err(e) = self.check_layout(layout) {
            self.accounting.record_failure();
            return Err(e);
        }
        self.accounting.allocate(self.block_size, info, || {
            let block = self.take_block()?;
            // SAFETY: `block` is an unused block of `stride` bytes: the block and its canary.
            unsafe {
                debug::poison(block, self.block_size, debug::FRESH_POISON);
                debug::write_canary(block, self.block_size);
            }
            #[cfg(debug_assertions)]
            self.live.borrow_mut().insert(block as usize);
            // SAFETY: blocks are carved from non-null slabs.
            Ok(unsafe { NonNull::new_unchecked(block) })
        })
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        if new_size != self.block_size || old.size() != self.block_size {
            self.accounting.record_failure();
            return Err(AllocError::WrongSize {
                block_size: self.block_size,
                requested: new_size,
            });
        }
        let address = ptr.as_ptr() as usize;
        self.accounting
            .on_realloc((address, old.size()), address, new_size, info);
        Ok(ptr)
    }

    #[inline]
    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        if layout.size() != self.block_size {
            self.accounting.record_failure();
            return Err(AllocError::WrongSize {
                block_size: self.block_size,
                requested: layout.size(),
            });
        }
        let address = ptr.as_ptr() as usize;
        self.debug_check_free(address)
            .inspect_err(|_| self.accounting.record_failure())?;
        // SAFETY: `ptr` is a live block of this freelist (caller's contract, checked in debug
        // builds); the caller gives it up, so it can hold the list link.
        unsafe {
            if !debug::canary_intact(ptr.as_ptr(), self.block_size) {
                // Refused: the block stays live and the caller's, as with every other error.
                #[cfg(debug_assertions)]
                self.live.borrow_mut().insert(address);
                self.accounting.record_failure();
                return Err(AllocError::CanaryCorrupted { address });
            }
            debug::poison(ptr.as_ptr(), self.block_size, debug::FREED_POISON);
            ptr.as_ptr().cast::<*mut u8>().write(self.free_head.get());
        }
        self.free_head.set(ptr.as_ptr());
        self.accounting.on_free(address, self.block_size, info);
        Ok(())
    }

    fn reset(&mut self) -> Result<(), AllocError> {
        // Every block becomes free; slabs are kept. The fresh cursor restarts in the first
        // slab and the other slabs are threaded onto the free list.
        self.free_head.set(ptr::null_mut());
        let slabs = self.slabs.borrow();
        for (slab, layout) in slabs.iter().skip(1).rev() {
            let blocks = layout.size() / self.stride;
            for i in (0..blocks).rev() {
                // SAFETY: block `i` lies within this slab; `&mut self` proves no block is in
                // use, so its first word can hold the list link.
                unsafe {
                    let block = slab.as_ptr().add(i * self.stride);
                    block.cast::<*mut u8>().write(self.free_head.get());
                    self.free_head.set(block);
                }
            }
        }
        if let Some((first, layout)) = slabs.first() {
            self.fresh.set(first.as_ptr());
            // SAFETY: one past the end of the first slab.
            self.fresh_end.set(unsafe {
                first
                    .as_ptr()
                    .add(layout.size() / self.stride * self.stride)
            });
        }
        drop(slabs);
        #[cfg(debug_assertions)]
        self.live.borrow_mut().clear();
        self.accounting.on_reset();
        Ok(())
    }
}

impl Drop for FreelistAllocator {
    fn drop(&mut self) {
        for (slab, layout) in self.slabs.get_mut().drain(..) {
            // SAFETY: each slab came from the global allocator with this layout.
            unsafe { std::alloc::dealloc(slab.as_ptr(), layout) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, 8).unwrap()
    }

    #[test]
    fn freed_blocks_are_reused_lifo() {
        let f = FreelistAllocator::new(32).unwrap();
        let a = f.allocate(layout(32)).unwrap();
        let b = f.allocate(layout(32)).unwrap();
        assert_ne!(a, b);
        // SAFETY: live blocks.
        unsafe {
            f.free(a, layout(32)).unwrap();
            f.free(b, layout(32)).unwrap();
        }
        assert_eq!(f.allocate(layout(32)).unwrap(), b);
        assert_eq!(f.allocate(layout(32)).unwrap(), a);
        assert_eq!(f.slab_count(), 1);
    }

    #[test]
    fn other_sizes_are_errors() {
        let f = FreelistAllocator::new(32).unwrap();
        assert_eq!(
            f.allocate(layout(48)),
            Err(AllocError::WrongSize {
                block_size: 32,
                requested: 48
            })
        );
        assert_eq!(f.allocate(layout(0)), Err(AllocError::ZeroSize));
        assert!(matches!(
            f.allocate(Layout::from_size_align(32, 64).unwrap()),
            Err(AllocError::BadAlignment { align: 64 })
        ));
        assert!(FreelistAllocator::new(0).is_err());
        assert!(FreelistAllocator::new(1 << 30).is_err());
    }

    #[test]
    #[cfg(debug_assertions)]
    fn double_free_is_detected() {
        let f = FreelistAllocator::new(16).unwrap();
        let a = f.allocate(layout(16)).unwrap();
        // SAFETY: first free is valid; the second is the bug under test, which the debug
        // build refuses before touching the block.
        unsafe {
            f.free(a, layout(16)).unwrap();
            assert!(matches!(
                f.free(a, layout(16)),
                Err(AllocError::DoubleFree { .. })
            ));
        }
        let mut outside = [0u64; 2];
        let foreign = NonNull::new(outside.as_mut_ptr().cast::<u8>()).unwrap();
        // SAFETY: refused in debug builds without touching the memory.
        let err = unsafe { f.free(foreign, layout(16)) }.unwrap_err();
        assert!(matches!(err, AllocError::InvalidFree { .. }));
    }

    #[test]
    fn many_blocks_across_slabs_are_distinct_and_aligned() {
        let f = FreelistAllocator::new(48).unwrap();
        let blocks: Vec<_> = (0..5000).map(|_| f.allocate(layout(48)).unwrap()).collect();
        let mut addrs: Vec<usize> = blocks.iter().map(|p| p.as_ptr() as usize).collect();
        assert!(addrs.iter().all(|a| a % f.block_align() == 0));
        addrs.sort_unstable();
        assert!(addrs.windows(2).all(|w| w[1] - w[0] >= 48));
        assert!(f.slab_count() > 1);
        for p in blocks {
            // SAFETY: live blocks.
            unsafe { f.free(p, layout(48)).unwrap() };
        }
        if cfg!(feature = "custom-allocators") {
            assert_eq!(f.stats().current, 0);
        }
    }

    #[test]
    fn reset_frees_everything_and_keeps_slabs() {
        let mut f = FreelistAllocator::new(64).unwrap();
        for _ in 0..3000 {
            f.allocate(layout(64)).unwrap();
        }
        let slabs = f.slab_count();
        f.reset().unwrap();
        for _ in 0..3000 {
            f.allocate(layout(64)).unwrap();
        }
        assert_eq!(f.slab_count(), slabs);
    }
}
