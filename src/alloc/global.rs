//! Honest totals: a counting `#[global_allocator]` that sees every heap allocation of the
//! process and attributes it.
//!
//! - Backing memory that a subsystem allocator takes (arena chunks, freelist slabs, platform
//!   blocks) is marked *direct* for that subsystem (the crate-internal `direct`).
//! - Anything else allocated while a [`SubsystemScope`] is active (a `Vec` growing inside
//!   LALRPOP's parser, rustyline, the standard library) is attributed to that subsystem.
//! - The rest lands in the `Untracked` row.
//!
//! The binary installs it (`#[global_allocator] static A: CountingAlloc = CountingAlloc;`);
//! the library works without it, and the report says the heap rows are unavailable then.
//! Its grand total is what valgrind's "total heap usage" counts for the same run.
//!
//! The counters are per thread (the first 64 threads each get a block of their
//! own in a static table, so a counter update is a plain load and store, not a lock-prefixed
//! atomic), and a snapshot sums them. A thread's block outlives the thread, so nothing it
//! counted is lost; later threads, and any call made after a thread's thread-locals are gone,
//! use one shared block of atomic counters.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicU8, AtomicUsize, Ordering::Relaxed};

use super::Subsystem;

/// Attribution slots: scoped subsystem rows, then direct subsystem rows, then untracked.
const SLOTS: usize = 2 * Subsystem::COUNT + 1;
const UNTRACKED: u8 = (2 * Subsystem::COUNT) as u8;

/// Threads that get counters of their own; later threads share [`SHARED`].
const THREAD_BLOCKS: usize = 64;

thread_local! {
    /// The slot new heap allocations on this thread are attributed to.
    static SLOT: Cell<u8> = const { Cell::new(UNTRACKED) };
    /// This thread's counters, claimed on its first heap call. Const-initialised and without
    /// a destructor, so reading it is one thread-local load and works during thread teardown.
    static COUNTERS: Cell<Option<&'static Counters>> = const { Cell::new(None) };
}

/// One set of counters. A thread's own block (one of [`BLOCKS`]) is written only by that
/// thread, with a relaxed load and store per counter: no lock-prefixed instruction on the
/// allocation path. [`SHARED`] serves threads beyond [`THREAD_BLOCKS`] (and any call that finds
/// the thread-local gone) with atomic read-modify-writes. A snapshot sums every block.
#[repr(align(128))] // one block per cache line pair: no false sharing between threads
struct Counters {
    /// Whether several threads write this block (atomic read-modify-write updates).
    shared: bool,
    bytes: [AtomicU64; SLOTS],
    count: [AtomicU64; SLOTS],
    /// Bytes this thread allocated minus bytes it freed (negative when it frees blocks that
    /// other threads allocated).
    current: AtomicI64,
    frees: AtomicU64,
    /// How high `current` may grow before the process-wide peak must be looked at again.
    threshold: AtomicI64,
    /// The [`PEAK_EPOCH`] that `threshold` was computed in.
    epoch: AtomicU64,
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicU64 = AtomicU64::new(0);

impl Counters {
    const fn new(shared: bool) -> Counters {
        Counters {
            shared,
            bytes: [ZERO; SLOTS],
            count: [ZERO; SLOTS],
            current: AtomicI64::new(0),
            frees: ZERO,
            threshold: AtomicI64::new(i64::MIN),
            // Never a real epoch: the first allocation looks at the peak.
            epoch: AtomicU64::new(u64::MAX),
        }
    }

    #[inline]
    fn count_alloc(&self, slot: usize, size: u64) {
        if self.shared {
            self.bytes[slot].fetch_add(size, Relaxed);
            self.count[slot].fetch_add(1, Relaxed);
            self.current.fetch_add(size as i64, Relaxed);
            note_peak(None);
            return;
        }
        add(&self.bytes[slot], size);
        add(&self.count[slot], 1);
        let now = self.current.load(Relaxed).wrapping_add(size as i64);
        self.current.store(now, Relaxed);
        if now > self.threshold.load(Relaxed)
            || self.epoch.load(Relaxed) != PEAK_EPOCH.load(Relaxed)
        {
            note_peak(Some((self, now)));
        }
    }

    #[inline]
    fn count_free(&self, size: u64) {
        if self.shared {
            self.current.fetch_sub(size as i64, Relaxed);
            self.frees.fetch_add(1, Relaxed);
            return;
        }
        self.current.store(
            self.current.load(Relaxed).wrapping_sub(size as i64),
            Relaxed,
        );
        add(&self.frees, 1);
    }
}

/// `counter += n` for a counter only this thread writes: a plain load and store.
#[inline]
fn add(counter: &AtomicU64, n: u64) {
    counter.store(counter.load(Relaxed).wrapping_add(n), Relaxed);
}

static BLOCKS: [Counters; THREAD_BLOCKS] = [const { Counters::new(false) }; THREAD_BLOCKS];
static SHARED: Counters = Counters::new(true);
/// Blocks handed out so far (may run past [`THREAD_BLOCKS`]; those threads use [`SHARED`]).
static CLAIMED: AtomicUsize = AtomicUsize::new(0);

/// The most bytes live at once, as far as it has been looked at.
static PEAK: AtomicU64 = AtomicU64::new(0);
/// Bumped whenever a thread looks at the peak, which makes every other thread's threshold
/// stale: its next allocation looks again.
static PEAK_EPOCH: AtomicU64 = AtomicU64::new(0);

/// Folds the live total into [`PEAK`], and gives the calling thread's block (if it has one of
/// its own) the threshold up to which its growth cannot make a new peak.
///
/// The peak is exact whenever one thread at a time allocates (the interpreter's case): after
/// a thread looks, every other thread's next allocation looks again, so between two looks
/// only the thread that looked last grows unchecked, and its threshold assumes the others
/// stay put or shrink. With threads allocating concurrently it is a close lower bound.
#[cold]
#[inline(never)]
fn note_peak(own: Option<(&Counters, i64)>) {
    let epoch = PEAK_EPOCH.fetch_add(1, Relaxed).wrapping_add(1);
    let live = live_bytes();
    let peak = PEAK.fetch_max(live, Relaxed).max(live);
    if let Some((block, now)) = own {
        let headroom = i64::try_from(peak - live).unwrap_or(i64::MAX);
        block.threshold.store(now.saturating_add(headroom), Relaxed);
        block.epoch.store(epoch, Relaxed);
    }
}

/// Every block in use: the claimed thread blocks and the shared one.
fn blocks() -> impl Iterator<Item = &'static Counters> {
    let claimed = CLAIMED.load(Relaxed).min(THREAD_BLOCKS);
    BLOCKS[..claimed].iter().chain(std::iter::once(&SHARED))
}

/// Bytes live now, summed over every thread.
fn live_bytes() -> u64 {
    let live: i64 = blocks().map(|b| b.current.load(Relaxed)).sum();
    u64::try_from(live).unwrap_or(0)
}

/// This thread's counters (claiming a block on its first call), or the shared ones.
#[inline]
fn counters() -> &'static Counters {
    match COUNTERS.try_with(Cell::get) {
        Ok(Some(block)) => block,
        Ok(None) => claim(),
        // The thread-local is gone (thread teardown): the shared counters still count.
        Err(_) => &SHARED,
    }
}

#[cold]
#[inline(never)]
fn claim() -> &'static Counters {
    let index = CLAIMED.fetch_add(1, Relaxed);
    let block = BLOCKS.get(index).unwrap_or(&SHARED);
    let _ = COUNTERS.try_with(|c| c.set(Some(block)));
    block
}

#[inline]
fn slot() -> usize {
    // `try_with` so allocations during thread teardown still count (as untracked).
    SLOT.try_with(Cell::get).unwrap_or(UNTRACKED) as usize
}

/// Whether the counting allocator is the global allocator: not yet known, no, yes.
static INSTALLED: AtomicU8 = AtomicU8::new(UNKNOWN);
const UNKNOWN: u8 = 0;
const NO: u8 = 1;
const YES: u8 = 2;

/// The counting global allocator: `System` plus a few plain (not lock-prefixed) counter
/// updates per call on the calling thread's own counters.
pub struct CountingAlloc;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// counting touches only atomics in statics and const-initialised thread-local `Cell`s without
// destructors (no allocation, no re-entry).
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            counters().count_alloc(slot(), layout.size() as u64);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            counters().count_alloc(slot(), layout.size() as u64);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        counters().count_free(layout.size() as u64);
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // valgrind counts a realloc as a free of the old block and a new allocation.
            let c = counters();
            c.count_free(layout.size() as u64);
            c.count_alloc(slot(), new_size as u64);
        }
        p
    }
}

/// Whether the counting allocator is this process's global allocator. The first call finds
/// out by making one 8-byte heap allocation and seeing whether the counters moved (a program
/// that calls [`CountingAlloc`] directly from another thread at that instant could fool it;
/// none does); later calls are one relaxed load.
#[inline]
pub fn is_installed() -> bool {
    match INSTALLED.load(Relaxed) {
        UNKNOWN => detect(),
        state => state == YES,
    }
}

#[cold]
#[inline(never)]
fn detect() -> bool {
    let calls = || -> u64 {
        blocks()
            .map(|b| b.frees.load(Relaxed) + b.count.iter().map(|c| c.load(Relaxed)).sum::<u64>())
            .sum()
    };
    let before = calls();
    let layout = Layout::new::<u64>();
    // SAFETY: the layout has a non-zero size; the block is freed right away, with it.
    unsafe {
        let p = std::hint::black_box(std::alloc::alloc(layout));
        if !p.is_null() {
            std::alloc::dealloc(p, layout);
        }
    }
    let installed = calls() != before;
    INSTALLED.store(if installed { YES } else { NO }, Relaxed);
    installed
}

/// While alive, heap allocations on this thread that do not go through a subsystem allocator
/// are attributed to `subsystem`. Scopes nest; dropping restores the outer one.
#[must_use = "the attribution applies only while the scope is alive"]
pub struct SubsystemScope {
    previous: u8,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl SubsystemScope {
    /// Attributes this thread's untracked heap allocations to `subsystem`.
    pub fn enter(subsystem: Subsystem) -> SubsystemScope {
        SubsystemScope {
            previous: set_slot(subsystem.index() as u8),
            _not_send: std::marker::PhantomData,
        }
    }
}

impl Drop for SubsystemScope {
    fn drop(&mut self) {
        set_slot(self.previous);
    }
}

#[inline]
fn set_slot(slot: u8) -> u8 {
    SLOT.try_with(|s| s.replace(slot)).unwrap_or(UNTRACKED)
}

/// Runs `f` (a subsystem allocator taking backing memory from the heap) with its heap
/// allocations attributed to `subsystem`'s direct row. Without the counting allocator
/// installed there is nothing to attribute, and `f` just runs.
#[inline]
pub(crate) fn direct<R>(subsystem: Option<Subsystem>, f: impl FnOnce() -> R) -> R {
    if !is_installed() {
        return f();
    }
    let slot = subsystem.map_or(UNTRACKED, |s| (Subsystem::COUNT + s.index()) as u8);
    let previous = set_slot(slot);
    let r = f();
    set_slot(previous);
    r
}

/// Heap bytes and calls attributed to one row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct HeapRow {
    /// Bytes allocated from the system (a realloc counts its new size).
    pub bytes: u64,
    /// Allocation calls (realloc included).
    pub allocations: u64,
}

/// A snapshot of the global allocator's counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapSnapshot {
    /// Per subsystem: backing memory its allocator took.
    pub direct: [HeapRow; Subsystem::COUNT],
    /// Per subsystem: other heap allocations made inside its scope.
    pub scoped: [HeapRow; Subsystem::COUNT],
    /// Heap allocations outside every scope.
    pub untracked: HeapRow,
    /// Bytes live now.
    pub current: u64,
    /// Most bytes live at once.
    pub peak: u64,
    /// Free calls (realloc included).
    pub frees: u64,
}

impl HeapSnapshot {
    /// The grand total: every byte and call the process took from the heap.
    pub fn total(&self) -> HeapRow {
        let mut t = self.untracked;
        for row in self.direct.iter().chain(self.scoped.iter()) {
            t.bytes = t.bytes.saturating_add(row.bytes);
            t.allocations = t.allocations.saturating_add(row.allocations);
        }
        t
    }
}

/// Starts measuring the peak afresh: from now on [`HeapSnapshot::peak`] is the most bytes live
/// at once since this call (for the peak of one piece of work, such as a compilation). Every
/// thread's next allocation looks at the new peak.
pub fn restart_peak() {
    PEAK.store(live_bytes(), Relaxed);
    PEAK_EPOCH.fetch_add(1, Relaxed);
}

/// Reads the counters (cheap; allocates nothing): the sum over every thread's counters.
/// Exact for threads that are not allocating meanwhile.
pub fn heap_snapshot() -> HeapSnapshot {
    let mut snap = HeapSnapshot::default();
    let mut frees = 0;
    for block in blocks() {
        let row = |i: usize| HeapRow {
            bytes: block.bytes[i].load(Relaxed),
            allocations: block.count[i].load(Relaxed),
        };
        let add_row = |into: &mut HeapRow, from: HeapRow| {
            into.bytes += from.bytes;
            into.allocations += from.allocations;
        };
        add_row(&mut snap.untracked, row(UNTRACKED as usize));
        for s in Subsystem::ALL {
            add_row(&mut snap.scoped[s.index()], row(s.index()));
            add_row(
                &mut snap.direct[s.index()],
                row(Subsystem::COUNT + s.index()),
            );
        }
        frees += block.frees.load(Relaxed);
    }
    snap.frees = frees;
    snap.current = live_bytes();
    snap.peak = PEAK.load(Relaxed).max(snap.current);
    snap
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocator is not installed in the test binary, so the tests call it directly; this
    /// is the only test that does, so the counters move only by what it does.
    #[test]
    fn per_thread_counters_sum_up_survive_their_thread_and_keep_the_peak() {
        // Settle the installation check before the direct calls below could fool it.
        assert!(!is_installed());
        fn layout(size: usize) -> Layout {
            Layout::from_size_align(size, 8).unwrap()
        }
        let alloc = |size| {
            // SAFETY: non-zero size; every block is freed below with its layout.
            let p = unsafe { CountingAlloc.alloc(layout(size)) };
            assert!(!p.is_null());
            p as usize
        };
        let free = |p: usize, size| {
            // SAFETY: `p` came from `CountingAlloc.alloc(layout(size))` and is freed once.
            unsafe { CountingAlloc.dealloc(p as *mut u8, layout(size)) }
        };
        let before = heap_snapshot();
        let base = before.current;

        // This thread: up to base + 300, back to base.
        let a = alloc(300);
        free(a, 300);
        // Another thread allocates 200 and exits, keeping it: its counts stay.
        let b = std::thread::spawn(move || alloc(200)).join().unwrap();
        let mid = heap_snapshot();
        assert_eq!(mid.untracked.bytes - before.untracked.bytes, 500);
        assert_eq!(mid.untracked.allocations - before.untracked.allocations, 2);
        assert_eq!(mid.current, base + 200);
        assert_eq!(mid.peak, before.peak.max(base + 300));
        // This thread again: 150 on top of the other thread's 200 is a new peak, although
        // this thread alone stays below its own earlier 300.
        let c = alloc(150);
        assert_eq!(heap_snapshot().peak, before.peak.max(base + 350));
        // Freed on this thread, allocated on the other: the totals still balance.
        free(b, 200);
        free(c, 150);
        let after = heap_snapshot();
        assert_eq!(after.current, base);
        assert_eq!(after.frees - before.frees, 3);
        assert_eq!(after.total().bytes - before.total().bytes, 650);
        // A restarted peak forgets the 350 above: it is what is live, then what comes after.
        restart_peak();
        assert_eq!(heap_snapshot().peak, base);
        let d = alloc(100);
        free(d, 100);
        assert_eq!(heap_snapshot().peak, base + 100);
    }
}
