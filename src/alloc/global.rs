//! Honest totals: a counting `#[global_allocator]` that sees every heap allocation of the
//! process and attributes it.
//!
//! - Backing memory that a subsystem allocator takes (arena chunks, freelist slabs, platform
//!   blocks) is marked *direct* for that subsystem by [`direct`].
//! - Anything else allocated while a [`SubsystemScope`] is active (a `Vec` growing inside
//!   LALRPOP's parser, rustyline, the standard library) is attributed to that subsystem.
//! - The rest lands in the `Untracked` row.
//!
//! The binary installs it (`#[global_allocator] static A: CountingAlloc = CountingAlloc;`);
//! the library works without it, and the report says the heap rows are unavailable then.
//! Its grand total is what valgrind's "total heap usage" counts for the same run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

use super::Subsystem;

/// Attribution slots: scoped subsystem rows, then direct subsystem rows, then untracked.
const SLOTS: usize = 2 * Subsystem::COUNT + 1;
const UNTRACKED: u8 = (2 * Subsystem::COUNT) as u8;

thread_local! {
    /// The slot new heap allocations on this thread are attributed to.
    static SLOT: Cell<u8> = const { Cell::new(UNTRACKED) };
}

struct Counters {
    bytes: [AtomicU64; SLOTS],
    count: [AtomicU64; SLOTS],
    current: AtomicU64,
    peak: AtomicU64,
    frees: AtomicU64,
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicU64 = AtomicU64::new(0);

static COUNTERS: Counters = Counters {
    bytes: [ZERO; SLOTS],
    count: [ZERO; SLOTS],
    current: ZERO,
    peak: ZERO,
    frees: ZERO,
};

static INSTALLED: AtomicBool = AtomicBool::new(false);

/// The counting global allocator: `System` plus a few relaxed atomic adds per call.
pub struct CountingAlloc;

#[inline]
fn slot() -> usize {
    // `try_with` so allocations during thread teardown still count (as untracked).
    SLOT.try_with(Cell::get).unwrap_or(UNTRACKED) as usize
}

#[inline]
fn count_alloc(size: usize) {
    let s = slot();
    COUNTERS.bytes[s].fetch_add(size as u64, Relaxed);
    COUNTERS.count[s].fetch_add(1, Relaxed);
    let now = COUNTERS.current.fetch_add(size as u64, Relaxed) + size as u64;
    COUNTERS.peak.fetch_max(now, Relaxed);
}

#[inline]
fn count_free(size: usize) {
    COUNTERS.current.fetch_sub(size as u64, Relaxed);
    COUNTERS.frees.fetch_add(1, Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// counting touches only atomics and a const-initialised thread-local `Cell` (no allocation,
// no re-entry).
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        INSTALLED.store(true, Relaxed);
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count_alloc(layout.size());
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        INSTALLED.store(true, Relaxed);
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count_alloc(layout.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count_free(layout.size());
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // valgrind counts a realloc as a free of the old block and a new allocation.
            count_free(layout.size());
            count_alloc(new_size);
        }
        p
    }
}

/// Whether the counting allocator is this process's global allocator (it has served a call).
pub fn is_installed() -> bool {
    INSTALLED.load(Relaxed)
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

fn set_slot(slot: u8) -> u8 {
    SLOT.try_with(|s| s.replace(slot)).unwrap_or(UNTRACKED)
}

/// Runs `f` (a subsystem allocator taking backing memory from the heap) with its heap
/// allocations attributed to `subsystem`'s direct row.
#[inline]
pub(crate) fn direct<R>(subsystem: Option<Subsystem>, f: impl FnOnce() -> R) -> R {
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
            t.bytes += row.bytes;
            t.allocations += row.allocations;
        }
        t
    }
}

/// Reads the counters (cheap; allocates nothing).
pub fn heap_snapshot() -> HeapSnapshot {
    let row = |i: usize| HeapRow {
        bytes: COUNTERS.bytes[i].load(Relaxed),
        allocations: COUNTERS.count[i].load(Relaxed),
    };
    let mut snap = HeapSnapshot {
        untracked: row(UNTRACKED as usize),
        current: COUNTERS.current.load(Relaxed),
        peak: COUNTERS.peak.load(Relaxed),
        frees: COUNTERS.frees.load(Relaxed),
        ..HeapSnapshot::default()
    };
    for s in Subsystem::ALL {
        snap.scoped[s.index()] = row(s.index());
        snap.direct[s.index()] = row(Subsystem::COUNT + s.index());
    }
    snap
}
