//! `ArenaAllocator`: bump allocation on bumpalo with accounting (the seed's "Arena
//! Allocator"). For data that dies together: the AST, parser scratch, a compilation's tables.
//!
//! - A free is accepted and counted (current usage drops), but memory returns only at reset
//!   (bumpalo reuses the bytes of the most recent allocation). A free (or resize) that would
//!   give back more bytes than are live is refused with an error before the memory is touched:
//!   that is how a double free shows up here (the arena keeps no per-block records to catch
//!   one sooner), and it never underflows the counters or panics.
//! - The allocate path is bumpalo's own inline fast path plus one thread-local read and two
//!   counters (see [`Accounting`]). bumpalo is kept from taking chunks by itself (its
//!   allocation limit stays at what it holds), so every new chunk is taken on the cold path,
//!   where it is attributed to the subsystem and the old chunk's unused end is counted.
//! - `reset(&mut self)` keeps the memory: when the arena grew several chunks it trades them
//!   for one chunk of their combined size (Zig's `retain_capacity`), so the next compilation
//!   of the same size allocates no new chunk; but it keeps at most [`RETAINED_BYTES`] (1 MiB)
//!   and returns the rest, so one huge script does not hold its peak for the whole run.
//! - Chunks double in size up to [`MAX_CHUNK_GROWTH`] and then grow by that much at a time
//!   (or by what one allocation needs), so the unused end of the newest chunk, which a
//!   compilation's peak includes for every phase arena alive, stays small however big the
//!   arena gets (with plain doubling it averages a quarter of the arena).
//! - `Stats::wasted` counts the bytes left unused at a chunk's end when a new chunk started.
//!
//! Typed allocation (`alloc`, `alloc_str`, ...) refuses types that need `Drop` at compile
//! time: an arena never runs destructors (house rule 7).

use std::alloc::Layout;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

use allocator_api2::alloc::Allocator as _;
use bumpalo::Bump;

use super::allocator::{check_request, resized};
use super::debug;
use super::{global, Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, Subsystem};

/// A bump arena with accounting. Not `Send`/`Sync`: one per thread.
pub struct ArenaAllocator {
    /// The chunks. Allocations go through `Bump::try_alloc_layout` and bumpalo's
    /// allocator-api2 implementation only.
    bump: Bump,
    /// Counters, budget, hook.
    accounting: Accounting,
    /// `bump.allocated_bytes()` when last looked at: a change means a new chunk.
    chunk_bytes: Cell<usize>,
    /// Chunks currently held.
    chunks: Cell<usize>,
    _not_send: PhantomData<*const ()>,
}

impl Default for ArenaAllocator {
    fn default() -> Self {
        Self::new()
    }
}

/// The most a reset keeps of an arena's chunks (ARCHITECTURE.md): what is beyond goes back
/// to the system.
pub const RETAINED_BYTES: usize = 1 << 20;

/// The biggest chunk an arena takes for small allocations; a bigger allocation gets a chunk
/// of its own size.
pub const MAX_CHUNK_GROWTH: usize = 256 << 10;

/// What bumpalo adds to a chunk's requested capacity (its footer, rounding), so that the
/// retained chunk stays within [`RETAINED_BYTES`].
const CHUNK_OVERHEAD: usize = 4096;

/// Keeps bumpalo from taking a chunk by itself: with its allocation limit at what it holds,
/// its slow path refuses instead of calling the global allocator. Every new chunk is then taken
/// in [`ArenaAllocator::growing`], which attributes it to the subsystem, and the fast path
/// (bumpalo's own) needs no room check of ours.
fn held(bump: Bump) -> Bump {
    bump.set_allocation_limit(Some(bump.allocated_bytes()));
    bump
}

impl ArenaAllocator {
    /// An empty arena; the first chunk is taken on the first allocation.
    pub fn new() -> ArenaAllocator {
        ArenaAllocator {
            bump: held(Bump::new()),
            accounting: Accounting::new(),
            chunk_bytes: Cell::new(0),
            chunks: Cell::new(0),
            _not_send: PhantomData,
        }
    }

    /// An arena whose first chunk holds at least `capacity` bytes. With no subsystem yet, the
    /// chunk is attributed as the caller's own heap use (inside `with_arena`, to Temp).
    pub fn with_capacity(capacity: usize) -> Result<ArenaAllocator, AllocError> {
        let bump = Bump::try_with_capacity(capacity)
            .map_err(|_| AllocError::OutOfMemory { size: capacity })?;
        let a = ArenaAllocator {
            bump: held(bump),
            ..Self::new()
        };
        a.note_chunks();
        Ok(a)
    }

    /// An empty arena labelled with its subsystem.
    pub fn for_subsystem(subsystem: Subsystem) -> ArenaAllocator {
        let a = Self::new();
        a.accounting.set_subsystem(Some(subsystem));
        a
    }

    /// Labels the arena with a subsystem (for budget errors and events).
    pub fn set_subsystem(&self, subsystem: Option<Subsystem>) {
        self.accounting.set_subsystem(subsystem);
    }

    /// Number of chunks the arena holds.
    pub fn chunk_count(&self) -> usize {
        self.chunks.get()
    }

    /// Bytes in the chunks (the arena's footprint, without bumpalo's chunk footers).
    pub fn capacity(&self) -> usize {
        self.bump.allocated_bytes()
    }

    /// Records chunk growth after a call that may have taken a new chunk.
    #[inline]
    fn note_chunks(&self) {
        let bytes = self.bump.allocated_bytes();
        if bytes != self.chunk_bytes.get() {
            self.chunk_bytes.set(bytes);
            self.chunks.set(self.chunks.get() + 1);
            self.accounting.set_footprint(bytes);
        }
    }

    /// A block from bumpalo: its inline fast path, and only when the current chunk is full,
    /// [`ArenaAllocator::bump_cold`].
    #[inline]
    fn bump(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        match self.bump.try_alloc_layout(layout) {
            Ok(ptr) => Ok(ptr),
            Err(_) => self.bump_cold(layout),
        }
    }

    #[cold]
    fn bump_cold(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        self.growing(layout.size(), |b| b.try_alloc_layout(layout))
            .map_err(|_| AllocError::OutOfMemory {
                size: layout.size(),
            })
    }

    /// See [`held`].
    fn hold_chunks(&self) {
        self.bump
            .set_allocation_limit(Some(self.bump.allocated_bytes()));
    }

    /// Runs a bumpalo call that may take a new chunk for a `request`-byte block: lifts the
    /// hold by what the chunk may take, attributes the chunk to this subsystem, and counts
    /// the bytes the old chunk leaves unused.
    fn growing<R>(&self, request: usize, f: impl FnOnce(&Bump) -> R) -> R {
        let room = self.bump.chunk_capacity();
        let before = self.chunk_bytes.get();
        // bumpalo tries twice the last chunk's size, halving while it does not fit under the
        // limit (never below the request): up to `MAX_CHUNK_GROWTH`, or for a bigger
        // request, the one size in `request..=2 * request` that this halving meets.
        let growth = request
            .saturating_mul(2)
            .saturating_add(CHUNK_OVERHEAD)
            .max(MAX_CHUNK_GROWTH);
        self.bump
            .set_allocation_limit(Some(before.saturating_add(growth)));
        let r = global::direct(self.accounting.subsystem(), || f(&self.bump));
        self.hold_chunks();
        self.note_chunks();
        if self.chunk_bytes.get() != before && before != 0 {
            self.accounting.add_wasted(room);
        }
        r
    }

    /// Allocates `value` in the arena. Types needing `Drop` are refused at compile time.
    // `&mut` from `&self` (`clippy::mut_from_ref`) is sound here, as in bumpalo: every call
    // returns a fresh block that no other call returned, and a block's bytes are handed out
    // again only after `reset(&mut self)`, which cannot run while a reference borrowed from
    // `&self` is alive, or after the unsafe `free_with`, whose contract ends the block's use.
    // So no two live `&mut` alias.
    #[allow(clippy::mut_from_ref)]
    #[track_caller]
    pub fn alloc<T>(&self, value: T) -> Result<&mut T, AllocError> {
        const {
            assert!(
                !std::mem::needs_drop::<T>(),
                "arena values must not need Drop"
            )
        };
        let ptr = self
            .typed_block(Layout::new::<T>(), &AllocInfo::here())?
            .cast::<T>();
        // SAFETY: `ptr` is a fresh, aligned block for one `T` (or dangling for a zero-size
        // `T`), borrowed for the arena's lifetime; nothing else refers to it.
        unsafe {
            ptr.as_ptr().write(value);
            Ok(&mut *ptr.as_ptr())
        }
    }

    /// Copies `s` into the arena (the seed's `STR_DUP`).
    #[allow(clippy::mut_from_ref)] // sound: see `ArenaAllocator::alloc`
    #[track_caller]
    pub fn alloc_str(&self, s: &str) -> Result<&mut str, AllocError> {
        let bytes = self.alloc_slice_copy(s.as_bytes())?;
        // SAFETY: the bytes are a copy of a valid `str`.
        Ok(unsafe { std::str::from_utf8_unchecked_mut(bytes) })
    }

    /// Copies a slice into the arena.
    #[allow(clippy::mut_from_ref)] // sound: see `ArenaAllocator::alloc`
    #[track_caller]
    pub fn alloc_slice_copy<T: Copy>(&self, src: &[T]) -> Result<&mut [T], AllocError> {
        let layout =
            Layout::array::<T>(src.len()).map_err(|_| AllocError::TooLarge { size: usize::MAX })?;
        let ptr = self.typed_block(layout, &AllocInfo::here())?.cast::<T>();
        // SAFETY: `ptr` has room for `src.len()` aligned `T`s and does not overlap `src`.
        unsafe {
            ptr.as_ptr()
                .copy_from_nonoverlapping(src.as_ptr(), src.len());
            Ok(std::slice::from_raw_parts_mut(ptr.as_ptr(), src.len()))
        }
    }

    /// Allocates `len` elements, each made by `f(index)`.
    #[allow(clippy::mut_from_ref)] // sound: see `ArenaAllocator::alloc`
    #[track_caller]
    pub fn alloc_slice_fill_with<T>(
        &self,
        len: usize,
        mut f: impl FnMut(usize) -> T,
    ) -> Result<&mut [T], AllocError> {
        const {
            assert!(
                !std::mem::needs_drop::<T>(),
                "arena values must not need Drop"
            )
        };
        let layout =
            Layout::array::<T>(len).map_err(|_| AllocError::TooLarge { size: usize::MAX })?;
        let ptr = self.typed_block(layout, &AllocInfo::here())?.cast::<T>();
        for i in 0..len {
            // SAFETY: element `i` is within the block and not yet initialised.
            unsafe { ptr.as_ptr().add(i).write(f(i)) };
        }
        // SAFETY: all `len` elements were initialised above.
        Ok(unsafe { std::slice::from_raw_parts_mut(ptr.as_ptr(), len) })
    }

    /// A block for a typed value: zero-size layouts get a dangling, aligned pointer.
    fn typed_block(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        if layout.size() == 0 {
            // An aligned non-null dangling pointer is valid for zero-size values.
            return NonNull::new(layout.align() as *mut u8)
                .ok_or(AllocError::BadAlignment { align: 0 });
        }
        self.allocate_with(layout, info)
    }
}

impl Allocator for ArenaAllocator {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::Arena
    }

    fn accounting(&self) -> &Accounting {
        &self.accounting
    }

    #[inline]
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        if let Err(e) = check_request(layout) {
            self.accounting.record_failure();
            return Err(e);
        }
        self.accounting.allocate(layout.size(), info, || {
            let ptr = self.bump(layout)?;
            // SAFETY: a fresh block of `layout.size()` bytes.
            unsafe { debug::poison(ptr.as_ptr(), layout.size(), debug::FRESH_POISON) };
            Ok(ptr)
        })
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
            .check_release(ptr.as_ptr() as usize, old.size())?;
        self.accounting
            .check_budget(new_size.saturating_sub(old.size()))?;
        let result = self.growing(new_size, |b| {
            // SAFETY: `ptr` is a live block of this arena with `old` (caller's contract), and
            // the alignment is unchanged.
            unsafe {
                if new_size >= old.size() {
                    b.grow(ptr, old, new)
                } else {
                    b.shrink(ptr, old, new)
                }
            }
        });
        let Ok(block) = result else {
            self.accounting.record_failure();
            return Err(AllocError::OutOfMemory { size: new_size });
        };
        let new_ptr = block.cast::<u8>();
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
        // The arena keeps no per-block records, but a free of more than is live (a double
        // free, or a foreign block) is refused before the memory is touched.
        self.accounting
            .check_release(ptr.as_ptr() as usize, layout.size())?;
        // SAFETY: the caller gives up a live block of this arena with `layout`; bumpalo
        // reclaims it only if it was the most recent allocation.
        unsafe {
            debug::poison(ptr.as_ptr(), layout.size(), debug::FREED_POISON);
            (&self.bump).deallocate(ptr, layout);
        }
        self.accounting
            .on_free(ptr.as_ptr() as usize, layout.size(), info);
        Ok(())
    }

    fn reset(&mut self) -> Result<(), AllocError> {
        // SAFETY: `&mut self` proves that no reference into the chunks is alive and that no
        // allocation happens while the chunks are overwritten.
        unsafe {
            for (ptr, len) in self.bump.iter_allocated_chunks_raw() {
                debug::poison(ptr, len, debug::FREED_POISON);
            }
        }
        let held_bytes = self.bump.allocated_bytes();
        if self.chunks.get() > 1 || held_bytes > RETAINED_BYTES {
            // Trade the chunks for one of their combined size, so the same work fits again,
            // but keep at most `RETAINED_BYTES`: the rest goes back to the system.
            let capacity = held_bytes.min(RETAINED_BYTES - CHUNK_OVERHEAD);
            let subsystem = self.accounting.subsystem();
            self.bump = held(Bump::new());
            self.chunks.set(0);
            self.chunk_bytes.set(0);
            self.accounting.set_footprint(0);
            let bump = global::direct(subsystem, || Bump::try_with_capacity(capacity))
                .map_err(|_| AllocError::OutOfMemory { size: capacity })?;
            self.bump = held(bump);
            self.note_chunks();
        } else {
            self.bump.reset();
            self.hold_chunks();
        }
        self.accounting.on_reset();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_allocation_and_strings() {
        let a = ArenaAllocator::new();
        let x = a.alloc(41u64).unwrap();
        *x += 1;
        let s = a.alloc_str("hello").unwrap();
        assert_eq!(*x, 42);
        assert_eq!(s, "hello");
        let squares = a.alloc_slice_fill_with(4, |i| i * i).unwrap();
        assert_eq!(squares, &[0, 1, 4, 9]);
        let unit = a.alloc(()).unwrap();
        assert_eq!(*unit, ());
        assert_eq!(a.alloc_str("").unwrap(), "");
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn reset_reports_zero_and_keeps_memory() {
        let mut a = ArenaAllocator::for_subsystem(Subsystem::Ast);
        for i in 0..10_000u64 {
            a.alloc(i).unwrap();
        }
        let before = a.stats();
        assert_eq!(before.current, 80_000);
        assert!(a.chunk_count() > 1);
        a.reset().unwrap();
        let after = a.stats();
        assert_eq!(after.current, 0);
        assert_eq!(after.peak, 80_000);
        assert_eq!(after.resets, 1);
        assert_eq!(a.chunk_count(), 1);
        let capacity = a.capacity();
        for i in 0..10_000u64 {
            a.alloc(i).unwrap();
        }
        assert_eq!(a.chunk_count(), 1, "the same work fits the retained chunk");
        assert_eq!(a.capacity(), capacity);
    }

    #[test]
    fn reset_keeps_at_most_a_mebibyte() {
        for chunked in [false, true] {
            let mut a = if chunked {
                ArenaAllocator::new()
            } else {
                ArenaAllocator::with_capacity(8 << 20).unwrap()
            };
            let layout = Layout::from_size_align(64 << 10, 8).unwrap();
            for _ in 0..64 {
                a.allocate(layout).unwrap();
            }
            assert!(a.capacity() >= 4 << 20);
            a.reset().unwrap();
            assert!(
                a.capacity() <= RETAINED_BYTES,
                "kept {} bytes (chunked: {chunked})",
                a.capacity()
            );
            assert!(a.capacity() >= RETAINED_BYTES / 2);
            // Still usable after the trade.
            a.allocate(layout).unwrap();
        }
    }

    #[test]
    fn chunks_stop_doubling_at_the_growth_cap() {
        // 8 MiB of small blocks: chunks double up to the cap and then stay at it, so the
        // arena holds at most a cap's worth more than it was asked for.
        let a = ArenaAllocator::new();
        let layout = Layout::from_size_align(64, 8).unwrap();
        for _ in 0..(8 << 20) / 64 {
            a.allocate(layout).unwrap();
        }
        assert!(a.capacity() >= 8 << 20);
        assert!(
            a.capacity() <= (8 << 20) + MAX_CHUNK_GROWTH,
            "holds {} bytes for 8 MiB",
            a.capacity()
        );
        // A block bigger than the cap gets a chunk of about its own size.
        let before = a.capacity();
        let big = Layout::from_size_align(3 * MAX_CHUNK_GROWTH + 100, 8).unwrap();
        a.allocate(big).unwrap();
        let grown = a.capacity() - before;
        assert!(
            grown >= big.size() && grown <= 2 * big.size(),
            "grew {grown} bytes"
        );
        // A vector growing in the arena still reaches any size.
        let mut v = allocator_api2::vec::Vec::new_in(&a);
        for i in 0..(1usize << 20) {
            v.push(i);
        }
        assert_eq!(v.len(), 1 << 20);
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn waste_is_counted_at_chunk_ends() {
        let a = ArenaAllocator::new();
        let layout = Layout::from_size_align(1000, 8).unwrap();
        for _ in 0..100 {
            a.allocate(layout).unwrap();
        }
        assert!(a.chunk_count() > 1);
        assert!(a.stats().wasted > 0);
    }

    #[test]
    fn grow_in_place_keeps_contents() {
        let a = ArenaAllocator::new();
        let layout = Layout::from_size_align(8, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        // SAFETY: 8 fresh bytes.
        unsafe { p.as_ptr().copy_from(b"abcdefgh".as_ptr(), 8) };
        // SAFETY: `p` is live with `layout`.
        let q = unsafe { a.reallocate(p, layout, 4096).unwrap() };
        // SAFETY: the first 8 bytes were kept.
        let kept = unsafe { std::slice::from_raw_parts(q.as_ptr(), 8) };
        assert_eq!(kept, b"abcdefgh");
        // SAFETY: `q` is live with 4096 bytes.
        let r = unsafe {
            a.reallocate(q, Layout::from_size_align(4096, 8).unwrap(), 4)
                .unwrap()
        };
        // SAFETY: the first 4 bytes were kept.
        let kept = unsafe { std::slice::from_raw_parts(r.as_ptr(), 4) };
        assert_eq!(kept, b"abcd");
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn frees_are_counted() {
        let a = ArenaAllocator::new();
        let layout = Layout::from_size_align(24, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        // SAFETY: live block.
        unsafe { a.free(p, layout).unwrap() };
        let s = a.stats();
        assert_eq!((s.current, s.frees, s.allocations), (0, 1, 1));
    }

    #[test]
    fn a_double_free_is_an_error_not_a_panic() {
        let a = ArenaAllocator::new();
        let layout = Layout::from_size_align(24, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        // SAFETY: the first free gives up a live block; the second is the bug under test,
        // refused from the counters before the memory is touched.
        unsafe {
            a.free(p, layout).unwrap();
            assert!(matches!(
                a.free(p, layout),
                Err(AllocError::InvalidFree { .. })
            ));
            assert!(matches!(
                a.reallocate(p, layout, 48),
                Err(AllocError::InvalidFree { .. })
            ));
        }
        if cfg!(feature = "custom-allocators") {
            let s = a.stats();
            assert_eq!((s.current, s.frees, s.failures), (0, 1, 2));
        }
        assert!(a.allocate(layout).is_ok(), "the arena still works");
    }

    #[test]
    fn a_budget_holds_in_both_builds() {
        let a = ArenaAllocator::new();
        a.accounting().set_limit(Some(100));
        let layout = Layout::from_size_align(60, 8).unwrap();
        let p = a.allocate(layout).unwrap();
        assert!(matches!(
            a.allocate(layout),
            Err(AllocError::BudgetExceeded {
                current: 60,
                requested: 60,
                ..
            })
        ));
        // SAFETY: live block.
        unsafe { a.free(p, layout).unwrap() };
        assert!(a.allocate(layout).is_ok(), "fits once the block is freed");
    }

    #[test]
    fn chunks_are_taken_only_through_the_attributed_path() {
        // bumpalo's own slow path is held shut; every chunk is counted by `growing`.
        let mut a = ArenaAllocator::new();
        let layout = Layout::from_size_align(3000, 8).unwrap();
        for _ in 0..50 {
            a.allocate(layout).unwrap();
        }
        let mut chunks = 0;
        // SAFETY: only the number of chunks is read.
        unsafe { chunks += a.bump.iter_allocated_chunks_raw().count() };
        assert_eq!(a.chunk_count(), chunks);
        assert_eq!(a.capacity(), a.bump.allocated_bytes());
        a.reset().unwrap();
        for _ in 0..50 {
            a.allocate(layout).unwrap();
        }
        assert_eq!(a.chunk_count(), 1, "the retained chunk holds the same work");
    }
}
