//! `TraceAllocator`: wraps any allocator and records every live allocation: address, size,
//! subsystem, Rust location, script location, tag and sequence number (the seed's "Trace
//! Allocator"). What is still live at shutdown is the leak report.
//!
//! Metadata is kept small: a record is 16 bytes (size, sequence, site id) in a hash table
//! keyed by address, 24 bytes an entry plus hashbrown's control byte (only blocks of 4 GiB or
//! more also have an entry in a side table of sizes); the (Rust location, script location,
//! tag) triple is interned once per distinct site, keyed by the location's address rather
//! than its file name, and the last site is cached, so a loop allocating from one place does
//! no site lookup at all. [`TraceAllocator::metadata_bytes`] measures the tables; the tests
//! hold it under 64 bytes per live block. A free or resize takes its record out with one
//! hash lookup (and puts it back if the wrapped allocator refuses).
//!
//! Statistics, budgets and hooks are the wrapped allocator's: wrapping changes what is
//! recorded, not what is counted. A free of a block the trace does not know is refused
//! (double free or foreign pointer) before the wrapped allocator sees it.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use hashbrown::HashMap;

use super::allocator::LiveBlock;
use super::{
    global, Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, ScriptLocation, Stats, Tag,
};

/// Sizes at or above this are kept in a side table, so a record stays 16 bytes.
const BIG: u32 = u32::MAX;

/// What the trace keeps per live block.
#[derive(Clone, Copy)]
struct Record {
    /// Allocation order.
    sequence: u64,
    /// The size, or [`BIG`] when it is in `big_sizes`.
    size: u32,
    /// Index into `sites`.
    site: u32,
}

/// An allocation site as the trace keys it: the Rust location by address (each
/// `#[track_caller]` call site has its own `'static` location, so equal addresses mean equal
/// locations; a site whose location is duplicated in two places just gets two ids), the
/// script location and the tag. Hashing it hashes integers, never a file name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct SiteKey {
    rust: usize,
    script: Option<ScriptLocation>,
    tag: Option<Tag>,
}

impl SiteKey {
    #[inline]
    fn of(info: &AllocInfo) -> SiteKey {
        SiteKey {
            rust: std::ptr::from_ref(info.rust) as usize,
            script: info.script,
            tag: info.tag,
        }
    }
}

/// A wrapper recording every live block of `A`.
pub struct TraceAllocator<A: Allocator> {
    inner: A,
    /// Live blocks by address.
    records: RefCell<HashMap<usize, Record>>,
    /// Sizes of live blocks of 4 GiB or more (only those: a record holds the rest).
    big_sizes: RefCell<HashMap<usize, usize>>,
    /// Distinct (Rust location, script location, tag) triples.
    sites: RefCell<Vec<AllocInfo>>,
    site_ids: RefCell<HashMap<SiteKey, u32>>,
    /// The site of the last allocation: loops allocate from one site over and over.
    last_site: Cell<Option<(SiteKey, u32)>>,
    /// Next sequence number.
    next_sequence: Cell<u64>,
}

impl<A: Allocator> TraceAllocator<A> {
    /// Wraps `inner`.
    pub fn new(inner: A) -> TraceAllocator<A> {
        TraceAllocator {
            inner,
            records: RefCell::new(HashMap::new()),
            big_sizes: RefCell::new(HashMap::new()),
            sites: RefCell::new(Vec::new()),
            site_ids: RefCell::new(HashMap::new()),
            last_site: Cell::new(None),
            next_sequence: Cell::new(0),
        }
    }

    /// The wrapped allocator.
    pub fn inner(&self) -> &A {
        &self.inner
    }

    /// Number of live blocks.
    pub fn live_count(&self) -> usize {
        self.records.borrow().len()
    }

    /// The info as recorded: the ambient tag and script location filled in.
    #[inline]
    fn resolved(info: &AllocInfo) -> AllocInfo {
        AllocInfo {
            rust: info.rust,
            script: info.effective_script(),
            tag: info.effective_tag(),
        }
    }

    #[inline]
    fn site_id(&self, info: AllocInfo) -> u32 {
        let key = SiteKey::of(&info);
        match self.last_site.get() {
            Some((last, id)) if last == key => id,
            _ => self.site_id_slow(key, info),
        }
    }

    #[cold]
    fn site_id_slow(&self, key: SiteKey, info: AllocInfo) -> u32 {
        let id = *self.site_ids.borrow_mut().entry(key).or_insert_with(|| {
            let mut sites = self.sites.borrow_mut();
            sites.push(info);
            u32::try_from(sites.len() - 1).unwrap_or(u32::MAX)
        });
        self.last_site.set(Some((key, id)));
        id
    }

    /// Records a live block; `sequence` is the next one unless the block is a resized one.
    fn record(&self, address: usize, size: usize, info: AllocInfo, sequence: Option<u64>) {
        global::direct(self.inner.accounting().subsystem(), || {
            let site = self.site_id(info);
            let sequence = sequence.unwrap_or_else(|| {
                let next = self.next_sequence.get();
                self.next_sequence.set(next + 1);
                next
            });
            let small = u32::try_from(size).ok().filter(|s| *s != BIG);
            if small.is_none() {
                self.big_sizes.borrow_mut().insert(address, size);
            }
            self.records.borrow_mut().insert(
                address,
                Record {
                    sequence,
                    size: small.unwrap_or(BIG),
                    site,
                },
            );
        });
    }

    /// Takes the live record at `address` out, checked against `size`: its record and info,
    /// or why the free or reallocation is refused (the record then stays). A caller whose
    /// operation then fails puts the record back with [`TraceAllocator::restore`].
    fn take(&self, address: usize, size: usize) -> Result<(Record, AllocInfo), AllocError> {
        let record = self
            .records
            .borrow_mut()
            .remove(&address)
            .ok_or(AllocError::InvalidFree {
                address,
                reason: "not a live block of this allocator (double free or foreign pointer)",
            })?;
        if self.size_of(address, record) != size {
            self.restore(address, record);
            return Err(AllocError::InvalidFree {
                address,
                reason: "freed with a size other than its own",
            });
        }
        Ok((record, self.site_info(record)))
    }

    /// Puts back a record [`TraceAllocator::take`] took (no growth: its room is still there).
    fn restore(&self, address: usize, record: Record) {
        self.records.borrow_mut().insert(address, record);
    }

    /// A taken record's block is gone for good: drops its big size, if it had one.
    fn forget(&self, address: usize, record: Record) {
        if record.size == BIG {
            self.big_sizes.borrow_mut().remove(&address);
        }
    }

    fn site_info(&self, record: Record) -> AllocInfo {
        self.sites
            .borrow()
            .get(record.site as usize)
            .copied()
            .unwrap_or_else(AllocInfo::here)
    }

    fn size_of(&self, address: usize, record: Record) -> usize {
        if record.size == BIG {
            self.big_sizes
                .borrow()
                .get(&address)
                .copied()
                .unwrap_or(usize::MAX)
        } else {
            record.size as usize
        }
    }
}

impl<A: Allocator> Allocator for TraceAllocator<A> {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::Trace
    }

    fn accounting(&self) -> &Accounting {
        self.inner.accounting()
    }

    fn stats(&self) -> Stats {
        self.inner.stats()
    }

    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        let info = Self::resolved(info);
        let ptr = self.inner.allocate_with(layout, &info)?;
        self.record(ptr.as_ptr() as usize, layout.size(), info, None);
        Ok(ptr)
    }

    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        let info = Self::resolved(info);
        let ptr = self.inner.allocate_zeroed_with(layout, &info)?;
        self.record(ptr.as_ptr() as usize, layout.size(), info, None);
        Ok(ptr)
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        let address = ptr.as_ptr() as usize;
        let (record, recorded) = self
            .take(address, old.size())
            .inspect_err(|_| self.accounting().record_failure())?;
        // The block keeps its tag; the resize is attributed to the new caller's locations.
        let info = AllocInfo {
            tag: recorded.tag,
            ..Self::resolved(info)
        };
        // SAFETY: the trace knew `ptr` as a live block of `inner` with `old`.
        let new_ptr = match unsafe { self.inner.reallocate_with(ptr, old, new_size, &info) } {
            Ok(p) => p,
            Err(e) => {
                // Refused: the old block is still live, and still recorded.
                self.restore(address, record);
                return Err(e);
            }
        };
        self.forget(address, record);
        // The same allocation: its original Rust location and sequence number stay.
        self.record(
            new_ptr.as_ptr() as usize,
            new_size,
            AllocInfo {
                rust: recorded.rust,
                ..info
            },
            Some(record.sequence),
        );
        Ok(new_ptr)
    }

    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        let address = ptr.as_ptr() as usize;
        let (record, recorded) = self
            .take(address, layout.size())
            .inspect_err(|_| self.accounting().record_failure())?;
        // Free under the recorded tag, so per-tag usage drops even if the caller has no tag.
        let info = AllocInfo {
            tag: recorded.tag,
            ..*info
        };
        // SAFETY: the trace knew `ptr` as a live block of `inner` with `layout`.
        if let Err(e) = unsafe { self.inner.free_with(ptr, layout, &info) } {
            // Refused (a debug canary): the block is still live, and still recorded.
            self.restore(address, record);
            return Err(e);
        }
        self.forget(address, record);
        Ok(())
    }

    fn reset(&mut self) -> Result<(), AllocError> {
        self.inner.reset()?;
        self.records.get_mut().clear();
        self.big_sizes.get_mut().clear();
        Ok(())
    }

    fn live_blocks(&self) -> Option<Vec<LiveBlock>> {
        let mut blocks: Vec<LiveBlock> = self
            .records
            .borrow()
            .iter()
            .map(|(&address, &record)| LiveBlock {
                address,
                size: self.size_of(address, record),
                sequence: record.sequence,
                info: self.site_info(record),
            })
            .collect();
        blocks.sort_by_key(|b| b.sequence);
        Some(blocks)
    }

    fn for_each_live_block(&self, f: &mut dyn FnMut(&LiveBlock)) -> bool {
        let records = self.records.borrow();
        let sites = self.sites.borrow();
        for (&address, &record) in records.iter() {
            f(&LiveBlock {
                address,
                size: self.size_of(address, record),
                sequence: record.sequence,
                info: sites
                    .get(record.site as usize)
                    .copied()
                    .unwrap_or_else(AllocInfo::here),
            });
        }
        true
    }

    fn metadata_bytes(&self) -> usize {
        self.records.borrow().allocation_size()
            + self.big_sizes.borrow().allocation_size()
            + self.site_ids.borrow().allocation_size()
            + self.sites.borrow().capacity() * std::mem::size_of::<AllocInfo>()
    }
}

impl<A: Allocator + ?Sized> Allocator for Box<A> {
    fn kind(&self) -> AllocatorKind {
        (**self).kind()
    }

    fn accounting(&self) -> &Accounting {
        (**self).accounting()
    }

    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        (**self).allocate_with(layout, info)
    }

    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        (**self).allocate_zeroed_with(layout, info)
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract.
        unsafe { (**self).reallocate_with(ptr, old, new_size, info) }
    }

    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        // SAFETY: forwarded contract.
        unsafe { (**self).free_with(ptr, layout, info) }
    }

    fn reset(&mut self) -> Result<(), AllocError> {
        (**self).reset()
    }

    fn stats(&self) -> super::Stats {
        (**self).stats()
    }

    fn live_blocks(&self) -> Option<Vec<LiveBlock>> {
        (**self).live_blocks()
    }

    fn for_each_live_block(&self, f: &mut dyn FnMut(&LiveBlock)) -> bool {
        (**self).for_each_live_block(f)
    }

    fn metadata_bytes(&self) -> usize {
        (**self).metadata_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::{PlatformAllocator, ScriptLocation, Tag};

    #[test]
    fn live_set_is_exactly_what_was_not_freed() {
        let t = TraceAllocator::new(PlatformAllocator::new());
        let l = |n| Layout::from_size_align(n, 8).unwrap();
        let a = t.allocate(l(200)).unwrap();
        let b = t
            .allocate_with(
                l(150),
                &AllocInfo::tagged(Tag::new("ai-data"))
                    .with_script(Some(ScriptLocation::new("enemy.swift", 15))),
            )
            .unwrap();
        let c = t.allocate(l(10)).unwrap();
        // SAFETY: live block.
        unsafe { t.free(a, l(200)).unwrap() };
        let live = t.live_blocks().unwrap();
        assert_eq!(live.len(), 2);
        assert_eq!(
            (live[0].address, live[0].size, live[0].sequence),
            (b.as_ptr() as usize, 150, 1)
        );
        assert_eq!(live[0].info.tag, Some(Tag::new("ai-data")));
        assert_eq!(
            live[0].info.script.map(|s| s.to_string()).as_deref(),
            Some("enemy.swift:15")
        );
        assert!(live[1].info.rust.file().ends_with("trace.rs"));
        // The visit sees the same blocks, without collecting them.
        let mut visited = Vec::new();
        assert!(t.for_each_live_block(&mut |b| visited.push(*b)));
        visited.sort_by_key(|b| b.sequence);
        assert_eq!(visited, live);
        // SAFETY: live blocks.
        unsafe {
            t.free(b, l(150)).unwrap();
            t.free(c, l(10)).unwrap();
        }
        assert!(t.live_blocks().unwrap().is_empty());
    }

    #[test]
    fn double_free_and_wrong_size_are_refused() {
        let t = TraceAllocator::new(PlatformAllocator::new());
        let l = Layout::from_size_align(32, 8).unwrap();
        let a = t.allocate(l).unwrap();
        // SAFETY: the wrong-size free is refused before the inner allocator sees it.
        let err = unsafe { t.free(a, Layout::from_size_align(16, 8).unwrap()) }.unwrap_err();
        assert!(matches!(err, AllocError::InvalidFree { .. }));
        // SAFETY: live block; the second free is refused by the trace's records.
        unsafe {
            t.free(a, l).unwrap();
            assert!(matches!(t.free(a, l), Err(AllocError::InvalidFree { .. })));
        }
    }

    #[test]
    fn metadata_is_at_most_64_bytes_per_live_block() {
        let t = TraceAllocator::new(PlatformAllocator::new());
        let l = Layout::from_size_align(16, 8).unwrap();
        let mut blocks = Vec::new();
        for n in [1_000usize, 10_000, 100_000] {
            while blocks.len() < n {
                blocks.push(t.allocate(l).unwrap());
            }
            let per_block = t.metadata_bytes() as f64 / n as f64;
            assert!(
                per_block <= 64.0,
                "{per_block} bytes of metadata per live block at {n}"
            );
        }
        for p in blocks {
            // SAFETY: live blocks.
            unsafe { t.free(p, l).unwrap() };
        }
    }
}
