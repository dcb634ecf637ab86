//! `PoolAllocator`: size-class freelists with a platform fallback (the seed's "Pool
//! Allocators: variable-size pools with size classes", and its Objects row, "Platform/
//! Freelist"). Small requests round up to the nearest class and come from that class's
//! [`FreelistAllocator`]; large or over-aligned ones go to a [`PlatformAllocator`].
//!
//! The pool's own counters record the sizes asked for; the inner allocators' footprints add
//! up to the pool's footprint, summed when the statistics are read (never on the allocation
//! path). A table indexed by `(size - 1) / 16` finds a request's class in one load.

use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::allocator::{check_request, resized};
use super::freelist::MAX_BLOCK_ALIGN;
use super::{
    Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, FreelistAllocator,
    PlatformAllocator, Stats, Subsystem,
};

/// Granularity of the class lookup table.
const LOOKUP_STEP: usize = 16;

/// The default size classes, in bytes. Object headers plus a few 16-byte values land in the
/// small classes; collection buffers beyond 256 bytes go to the platform allocator.
pub const DEFAULT_CLASSES: [usize; 8] = [16, 32, 48, 64, 96, 128, 192, 256];

/// Size-class freelists plus a platform allocator. Not `Send`/`Sync`: one per thread.
pub struct PoolAllocator {
    /// One freelist per class, ascending block sizes.
    classes: Vec<FreelistAllocator>,
    /// For sizes `16 i + 1 ..= 16 (i + 1)`, the first class whose block is at least
    /// `16 i + 1` bytes: the class of a request, or the one to search on from (only a class
    /// size that is not a multiple of 16, or a class aligned below the request, is passed).
    lookup: Vec<u16>,
    /// Requests beyond the largest class, or aligned beyond a freelist's alignment.
    large: PlatformAllocator,
    /// The pool's counters (sizes as requested), budget, hook.
    accounting: Accounting,
    _not_send: PhantomData<*const ()>,
}

impl PoolAllocator {
    /// A pool with the given size classes (sorted and deduplicated).
    pub fn new(classes: &[usize]) -> Result<PoolAllocator, AllocError> {
        let mut sizes = classes.to_vec();
        sizes.sort_unstable();
        sizes.dedup();
        let classes = sizes
            .into_iter()
            .map(FreelistAllocator::new)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::build(classes, PlatformAllocator::new()))
    }

    /// Assembles a pool: the lookup table, and the inner allocators marked as nested (the
    /// pool counts each tagged block once; a [`TagScope`](super::TagScope)'s tag would
    /// otherwise count again in the class or platform allocator serving it).
    fn build(classes: Vec<FreelistAllocator>, large: PlatformAllocator) -> PoolAllocator {
        let largest = classes.last().map_or(0, FreelistAllocator::block_size);
        let lookup = (0..largest.div_ceil(LOOKUP_STEP))
            .map(|i| {
                let smallest = i * LOOKUP_STEP + 1;
                let class = classes.partition_point(|c| c.block_size() < smallest);
                // Beyond `u16`, searching from the first class is slower but still right.
                u16::try_from(class).unwrap_or(0)
            })
            .collect();
        for class in &classes {
            class.accounting().set_nested(true);
        }
        large.accounting().set_nested(true);
        PoolAllocator {
            classes,
            lookup,
            large,
            accounting: Accounting::new(),
            _not_send: PhantomData,
        }
    }

    /// A pool with the default classes (`DEFAULT_CLASSES`: 16 to 256 bytes), labelled with
    /// its subsystem.
    pub fn for_subsystem(subsystem: Subsystem) -> PoolAllocator {
        let mut classes = Vec::with_capacity(DEFAULT_CLASSES.len());
        for size in DEFAULT_CLASSES {
            if let Ok(f) = FreelistAllocator::for_subsystem(size, subsystem) {
                classes.push(f);
            }
        }
        let pool = Self::build(classes, PlatformAllocator::for_subsystem(subsystem));
        pool.accounting.set_subsystem(Some(subsystem));
        pool
    }

    /// The block sizes of the classes.
    pub fn class_sizes(&self) -> Vec<usize> {
        self.classes
            .iter()
            .map(FreelistAllocator::block_size)
            .collect()
    }

    /// The class serving `layout`, or `None` for the platform allocator.
    #[inline]
    fn class_of(&self, layout: Layout) -> Option<&FreelistAllocator> {
        if layout.align() > MAX_BLOCK_ALIGN {
            return None;
        }
        // `size >= 1`: our allocators refuse zero-size requests before they get here, and a
        // zero size would find the first class anyway.
        let first = *self
            .lookup
            .get(layout.size().saturating_sub(1) / LOOKUP_STEP)?;
        self.classes
            .get(usize::from(first)..)?
            .iter()
            .find(|c| c.block_size() >= layout.size() && c.block_align() >= layout.align())
    }

    /// Bytes held from the global allocator: the classes' slabs and the large blocks.
    fn footprint(&self) -> u64 {
        let slabs: usize = self.classes.iter().map(FreelistAllocator::capacity).sum();
        slabs as u64 + self.large.stats().footprint
    }

    /// Allocates from the serving allocator without touching the pool's counters.
    #[inline]
    fn raw_allocate(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        let inner = AllocInfo { tag: None, ..*info };
        match self.class_of(layout) {
            Some(class) => class.allocate_with(Self::class_layout(class), &inner),
            None => self.large.allocate_with(layout, &inner),
        }
    }

    /// # Safety
    /// `ptr` is a live block of this pool allocated for `layout`.
    #[inline]
    unsafe fn raw_free(&self, ptr: NonNull<u8>, layout: Layout) -> Result<(), AllocError> {
        let info = AllocInfo::here();
        // SAFETY: forwarded contract: the block came from the allocator `class_of` picks.
        unsafe {
            match self.class_of(layout) {
                Some(class) => class.free_with(ptr, Self::class_layout(class), &info),
                None => self.large.free_with(ptr, layout, &info),
            }
        }
    }

    #[inline]
    fn class_layout(class: &FreelistAllocator) -> Layout {
        // A freelist's block size and alignment always form a valid layout.
        Layout::from_size_align(class.block_size(), class.block_align())
            .unwrap_or(Layout::new::<u8>())
    }
}

impl Allocator for PoolAllocator {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::Pool
    }

    fn accounting(&self) -> &Accounting {
        &self.accounting
    }

    fn stats(&self) -> Stats {
        let mut stats = self.accounting.stats();
        if cfg!(feature = "custom-allocators") {
            stats.footprint = self.footprint();
        }
        stats
    }

    #[inline]
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        if let Err(e) = check_request(layout) {
            self.accounting.record_failure();
            return Err(e);
        }
        self.accounting
            .allocate(layout.size(), info, || self.raw_allocate(layout, info))
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        let new = resized(old, new_size).inspect_err(|_| self.accounting.record_failure())?;
        self.accounting
            .check_budget(new_size.saturating_sub(old.size()))?;
        let old_class = self.class_of(old).map(FreelistAllocator::block_size);
        let new_class = self.class_of(new).map(FreelistAllocator::block_size);
        let new_ptr = match (old_class, new_class) {
            // Same class: the block already has room.
            (Some(a), Some(b)) if a == b => ptr,
            // Both large: let the platform allocator resize in place when it can.
            (None, None) => {
                // SAFETY: forwarded contract; the block came from `large` with `old`.
                unsafe {
                    self.large.reallocate_with(
                        ptr,
                        old,
                        new_size,
                        &AllocInfo { tag: None, ..*info },
                    )
                }
                .inspect_err(|_| self.accounting.record_failure())?
            }
            // Across allocators: allocate, copy, free.
            _ => {
                let fresh = self
                    .raw_allocate(new, info)
                    .inspect_err(|_| self.accounting.record_failure())?;
                // SAFETY: both blocks are live and distinct; the copy stays within both.
                unsafe {
                    fresh
                        .as_ptr()
                        .copy_from_nonoverlapping(ptr.as_ptr(), old.size().min(new_size));
                    self.raw_free(ptr, old)?;
                }
                fresh
            }
        };
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
        // SAFETY: forwarded contract.
        unsafe { self.raw_free(ptr, layout)? };
        self.accounting
            .on_free(ptr.as_ptr() as usize, layout.size(), info);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_up_to_classes_and_large_ones_fall_back() {
        let pool = PoolAllocator::for_subsystem(Subsystem::Objects);
        let small = Layout::from_size_align(20, 8).unwrap();
        let big = Layout::from_size_align(1000, 8).unwrap();
        let a = pool.allocate(small).unwrap();
        let b = pool.allocate(big).unwrap();
        // SAFETY: live blocks with these layouts.
        unsafe {
            let c = pool.reallocate(a, small, 200).unwrap();
            let d = pool
                .reallocate(c, Layout::from_size_align(200, 8).unwrap(), 2000)
                .unwrap();
            pool.free(d, Layout::from_size_align(2000, 8).unwrap())
                .unwrap();
            pool.free(b, big).unwrap();
        }
        if cfg!(feature = "custom-allocators") {
            let s = pool.stats();
            assert_eq!(s.current, 0);
            assert_eq!(s.allocations, 2);
            assert!(s.footprint > 0, "slabs are kept for reuse");
        }
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn a_tag_scope_counts_each_block_once() {
        use crate::alloc::{stats::tag_stats_of, Tag, TagScope};
        let tag = Tag::new("pool-tag-scope-test");
        let pool = PoolAllocator::for_subsystem(Subsystem::Objects);
        let small = Layout::from_size_align(24, 8).unwrap();
        let big = Layout::from_size_align(1000, 8).unwrap();
        let _scope = TagScope::enter(tag);
        let a = pool.allocate(small).unwrap();
        let b = pool.allocate(big).unwrap();
        let s = tag_stats_of(tag);
        assert_eq!((s.count, s.live, s.current), (2, 2, 1024));
        // SAFETY: live blocks with these layouts.
        unsafe {
            pool.free(a, small).unwrap();
            pool.free(b, big).unwrap();
        }
        let s = tag_stats_of(tag);
        assert_eq!((s.live, s.current, s.peak), (0, 0, 1024));
    }

    #[test]
    fn reuses_blocks_of_a_class() {
        let pool = PoolAllocator::new(&[32, 16]).unwrap();
        assert_eq!(pool.class_sizes(), vec![16, 32]);
        let l = Layout::from_size_align(24, 8).unwrap();
        let a = pool.allocate(l).unwrap();
        // SAFETY: live block.
        unsafe { pool.free(a, l).unwrap() };
        assert_eq!(pool.allocate(l).unwrap(), a);
    }

    #[test]
    fn the_lookup_table_finds_the_smallest_fitting_class() {
        // 24 is 8-aligned, 48 and 100 are 16- and 4-aligned: sizes between and alignments
        // above a class's are passed on to the next class.
        let pool = PoolAllocator::new(&[24, 48, 100]).unwrap();
        let class = |size: usize, align: usize| {
            pool.class_of(Layout::from_size_align(size, align).unwrap())
                .map(FreelistAllocator::block_size)
        };
        for (size, want) in [
            (1, Some(24)),
            (16, Some(24)),
            (17, Some(24)),
            (24, Some(24)),
            (25, Some(48)),
            (32, Some(48)),
            (48, Some(48)),
            (49, Some(100)),
            (96, Some(100)),
            (100, Some(100)),
            (101, None),
            (4096, None),
        ] {
            assert_eq!(class(size, 1), want, "size {size}");
        }
        assert_eq!(class(20, 16), Some(48), "24 is only 8-aligned");
        assert_eq!(class(60, 16), None, "100 is only 4-aligned");
        assert_eq!(class(8, 32), None, "beyond any freelist's alignment");
    }
}
