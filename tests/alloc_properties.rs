//! Model-based property tests of the allocators (house rule 3, bumpalo's approach): random
//! sequences of allocate / reallocate / free / reset run against each allocator and against a
//! trivially correct model, a list of the blocks that should be live.
//!
//! After every step: no two live blocks overlap, every block is aligned, every block keeps its
//! contents (each block carries its own byte pattern, checked in full before it is freed or
//! resized and sampled after every step), and, with the `custom-allocators` feature, the
//! statistics agree with the model (`current == sum of live sizes`, `peak >= current`,
//! `total >= current`, and the exact counts). Without the feature the counters must stay zero.
//!
//! Extra properties: a freelist (and each size class of a pool) hands back the block freed
//! last (LIFO); an arena after reset reports current 0 and the same sequence again takes no new
//! chunk; a trace allocator's live blocks are exactly the model's, in allocation order.
//!
//! 64 cases per property by default; `PROPTEST_CASES` overrides it (the `proptest!` macro
//! applies the environment on top of the config given here). Sequences are at most 200
//! operations so that the suite stays quick under valgrind.

use std::alloc::Layout;
use std::ops::Range;
use std::ptr::NonNull;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::Union;
use proptest::test_runner::{FileFailurePersistence, TestCaseError};

use swiftlang::alloc::{
    Allocator, ArenaAllocator, FreelistAllocator, PlatformAllocator, PoolAllocator, Subsystem,
    TraceAllocator,
};

/// Longest operation sequence (kept short for valgrind).
const MAX_OPS: usize = 200;
/// The freelist's block size in the main freelist property.
const BLOCK: usize = 48;
/// Alignments requested.
const ALIGNS: [usize; 5] = [1, 2, 4, 8, 16];
/// Whether this build keeps statistics.
const STATS: bool = cfg!(feature = "custom-allocators");

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        // Failing inputs are kept beside this file and replayed first. (The default looks
        // for `lib.rs` beside the test, which an integration test does not have.)
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Operations

/// One step of a sequence.
#[derive(Clone, Debug)]
enum Op {
    /// Allocate `size` bytes aligned to `align` (zero-filled when `zeroed`).
    Alloc {
        size: usize,
        align: usize,
        zeroed: bool,
    },
    /// Resize a live block (picked by `which`) to `size` bytes.
    Realloc { which: Index, size: usize },
    /// Free a live block.
    Free { which: Index },
    /// Release everything at once.
    Reset,
}

/// Sizes for the variable-size allocators: 1..=4096, weighted towards the small sizes so that
/// the pool's size classes (up to 256 bytes) see as much traffic as its platform fallback.
fn any_size() -> BoxedStrategy<usize> {
    prop_oneof![
        3 => 1usize..=64,
        2 => 65usize..=512,
        2 => 513usize..=4096,
    ]
    .boxed()
}

fn any_align() -> BoxedStrategy<usize> {
    select(&ALIGNS[..]).boxed()
}

/// Alignments up to `max` (a freelist provides at most its block alignment).
fn align_up_to(max: usize) -> BoxedStrategy<usize> {
    let aligns: Vec<usize> = ALIGNS.iter().copied().filter(|a| *a <= max).collect();
    select(aligns).boxed()
}

/// A sequence of at most [`MAX_OPS`] operations; reallocation and reset only where the
/// allocator supports them.
fn ops(
    size: BoxedStrategy<usize>,
    align: BoxedStrategy<usize>,
    realloc: bool,
    reset: bool,
) -> impl Strategy<Value = Vec<Op>> {
    let alloc = (size, align, any::<bool>())
        .prop_map(|(size, align, zeroed)| Op::Alloc {
            size,
            align,
            zeroed,
        })
        .boxed();
    let free = any::<Index>().prop_map(|which| Op::Free { which }).boxed();
    let mut arms = vec![(12, alloc), (6, free)];
    if realloc {
        let resize = (any::<Index>(), any_size())
            .prop_map(|(which, size)| Op::Realloc { which, size })
            .boxed();
        arms.push((6, resize));
    }
    if reset {
        arms.push((1, Just(Op::Reset).boxed()));
    }
    vec(Union::new_weighted(arms), 0..=MAX_OPS)
}

// ---------------------------------------------------------------------------------------------
// Block contents

/// Byte `i` of the pattern of the block with `seed`. Blocks live at the same time have distinct
/// seeds, so they differ at every offset; the pattern varies along a block, so a copy to the
/// wrong offset shows too.
fn pattern(seed: u8, i: usize) -> u8 {
    seed ^ (i as u8).wrapping_mul(31) ^ ((i >> 8) as u8).wrapping_mul(97)
}

/// Writes the pattern of `seed` over `range` of the block at `ptr`.
///
/// # Safety
/// `ptr .. ptr + range.end` is writable and owned by the caller.
unsafe fn fill(ptr: NonNull<u8>, seed: u8, range: Range<usize>) {
    for i in range {
        // SAFETY: `i < range.end`, within the block the caller owns.
        unsafe { ptr.as_ptr().add(i).write(pattern(seed, i)) };
    }
}

/// The first offset in `range` whose byte is not the pattern of `seed`, with the byte found.
///
/// # Safety
/// `ptr .. ptr + range.end` is readable and initialised at the offsets in `range`.
unsafe fn mismatch(ptr: NonNull<u8>, seed: u8, range: Range<usize>) -> Option<(usize, u8)> {
    range
        .map(|i| {
            // SAFETY: `i` is in `range`, within the readable, initialised bytes.
            (i, unsafe { ptr.as_ptr().add(i).read() })
        })
        .find(|&(i, b)| b != pattern(seed, i))
}

/// Whether the first `len` bytes at `ptr` are all zero.
///
/// # Safety
/// `ptr .. ptr + len` is readable and initialised.
unsafe fn all_zero(ptr: NonNull<u8>, len: usize) -> bool {
    // SAFETY: the caller guarantees `len` readable, initialised bytes.
    unsafe { std::slice::from_raw_parts(ptr.as_ptr(), len) }
        .iter()
        .all(|b| *b == 0)
}

// ---------------------------------------------------------------------------------------------
// The model

/// A block the model holds: it came from the allocator under test with this size and
/// alignment, has not been freed (nor reset away), and carries the pattern of `seed` in full.
#[derive(Clone, Copy, Debug)]
struct Live {
    ptr: NonNull<u8>,
    size: usize,
    align: usize,
    seed: u8,
}

impl Live {
    fn address(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    fn layout(&self) -> Layout {
        Layout::from_size_align(self.size, self.align).expect("model layouts are valid")
    }

    /// Checks the whole pattern.
    fn verify(&self, step: usize, what: &str) -> Result<(), TestCaseError> {
        // SAFETY: a `Live` is a live block of `size` bytes, every one of them written with
        // its pattern (model invariant).
        if let Some((i, b)) = unsafe { mismatch(self.ptr, self.seed, 0..self.size) } {
            return Err(TestCaseError::fail(format!(
                "step {step} ({what}): block {:#x} ({} bytes) byte {i} is {b:#04x}, expected {:#04x}",
                self.address(),
                self.size,
                pattern(self.seed, i)
            )));
        }
        Ok(())
    }

    /// Checks the first, middle and last bytes (cheap enough for every block at every step).
    fn spot_check(&self, step: usize) -> Result<(), TestCaseError> {
        for i in [0, self.size / 2, self.size - 1] {
            // SAFETY: `i < size`; the block is live and fully written (model invariant).
            if let Some((i, b)) = unsafe { mismatch(self.ptr, self.seed, i..i + 1) } {
                return Err(TestCaseError::fail(format!(
                    "step {step}: block {:#x} ({} bytes) byte {i} is {b:#04x}, expected {:#04x}",
                    self.address(),
                    self.size,
                    pattern(self.seed, i)
                )));
            }
        }
        Ok(())
    }
}

/// What the statistics should say.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    allocations: u64,
    reallocations: u64,
    frees: u64,
    resets: u64,
    total: u64,
    peak: u64,
}

/// The allocator's capabilities and what the model can predict about it.
#[derive(Clone, Debug, Default)]
struct Setup {
    /// Whether the allocator is a trace allocator (its live blocks are checked).
    trace: bool,
    /// Size classes that reuse freed blocks last-in first-out (a freelist's one block size, a
    /// pool's classes); empty when reuse is not predicted.
    lifo_classes: Vec<usize>,
}

impl Setup {
    /// The class serving `size`, as an index into `lifo_classes`.
    fn class_of(&self, size: usize) -> Option<usize> {
        self.lifo_classes.iter().position(|c| *c >= size)
    }
}

/// The model: live blocks in allocation order (a resize keeps a block's place, as a trace
/// allocator keeps its sequence number), and per LIFO class the blocks freed since the last
/// reset, newest last (they sit at the head of the allocator's free list, in that order).
struct Model {
    setup: Setup,
    live: Vec<Live>,
    freed: Vec<Vec<usize>>,
    next_seed: u8,
    counts: Counts,
}

impl Model {
    fn new(setup: Setup) -> Model {
        let freed = vec![Vec::new(); setup.lifo_classes.len()];
        Model {
            setup,
            live: Vec::new(),
            freed,
            next_seed: 1,
            counts: Counts::default(),
        }
    }

    fn current(&self) -> u64 {
        self.live.iter().map(|b| b.size as u64).sum()
    }

    fn grew(&mut self, size: usize) {
        self.counts.total += size as u64;
        self.counts.peak = self.counts.peak.max(self.current());
    }

    /// The address the allocator must return for a request of `size`, if the model knows it.
    fn expected_reuse(&mut self, size: usize) -> Option<usize> {
        let class = self.setup.class_of(size)?;
        self.freed[class].pop()
    }

    fn note_freed(&mut self, address: usize, size: usize) {
        if let Some(class) = self.setup.class_of(size) {
            self.freed[class].push(address);
        }
    }
}

fn call_failed(step: usize, op: &Op, e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(format!("step {step}: {op:?} failed: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The driver

/// Applies one operation to the allocator and the model.
fn apply<A: Allocator>(
    a: &mut A,
    m: &mut Model,
    step: usize,
    op: &Op,
) -> Result<(), TestCaseError> {
    match *op {
        Op::Alloc {
            size,
            align,
            zeroed,
        } => {
            let layout = Layout::from_size_align(size, align).expect("valid layout");
            let ptr = if zeroed {
                a.allocate_zeroed(layout)
            } else {
                a.allocate(layout)
            }
            .map_err(|e| call_failed(step, op, e))?;
            if let Some(expected) = m.expected_reuse(size) {
                prop_assert_eq!(
                    ptr.as_ptr() as usize,
                    expected,
                    "step {}: the block freed last is reused first (LIFO)",
                    step
                );
            }
            if zeroed {
                // SAFETY: a fresh zeroed block of `size` bytes.
                let zero = unsafe { all_zero(ptr, size) };
                prop_assert!(
                    zero,
                    "step {}: allocate_zeroed returned non-zero bytes",
                    step
                );
            }
            let seed = m.next_seed;
            m.next_seed = m.next_seed.wrapping_add(1);
            // SAFETY: a fresh block of `size` bytes that nothing else refers to.
            unsafe { fill(ptr, seed, 0..size) };
            m.live.push(Live {
                ptr,
                size,
                align,
                seed,
            });
            m.counts.allocations += 1;
            m.grew(size);
        }
        Op::Realloc { which, size } => {
            if m.live.is_empty() {
                return Ok(());
            }
            let i = which.index(m.live.len());
            let old = m.live[i];
            old.verify(step, "before reallocate")?;
            let expected = match (m.setup.class_of(old.size), m.setup.class_of(size)) {
                // Same class: the block already has room and stays where it is.
                (Some(a), Some(b)) if a == b => Some(old.address()),
                // Moving into a class: a fresh block from that class's free list.
                (_, Some(_)) => m.expected_reuse(size),
                _ => None,
            };
            // SAFETY: `old` is live in `a` with this layout (model invariant); the model
            // forgets the old pointer below and uses only the one returned.
            let ptr = unsafe { a.reallocate(old.ptr, old.layout(), size) }
                .map_err(|e| call_failed(step, op, e))?;
            if let Some(expected) = expected {
                prop_assert_eq!(
                    ptr.as_ptr() as usize,
                    expected,
                    "step {}: reallocation within/into a size class",
                    step
                );
            }
            let moved_out = m.setup.class_of(old.size).is_some()
                && m.setup.class_of(old.size) != m.setup.class_of(size);
            if moved_out {
                m.note_freed(old.address(), old.size);
            }
            let kept = old.size.min(size);
            // SAFETY: the resized block has `size >= kept` bytes, and its first `kept` bytes
            // were copied from the old block, which carried its pattern.
            if let Some((j, b)) = unsafe { mismatch(ptr, old.seed, 0..kept) } {
                return Err(TestCaseError::fail(format!(
                    "step {step}: after resizing {} -> {size} bytes, byte {j} is {b:#04x}, expected {:#04x}",
                    old.size,
                    pattern(old.seed, j)
                )));
            }
            // SAFETY: the resized block has `size` writable bytes, owned by the model.
            unsafe { fill(ptr, old.seed, kept..size) };
            m.live[i] = Live { ptr, size, ..old };
            m.counts.reallocations += 1;
            m.grew(size);
        }
        Op::Free { which } => {
            if m.live.is_empty() {
                return Ok(());
            }
            let b = m.live.remove(which.index(m.live.len()));
            b.verify(step, "before free")?;
            // SAFETY: `b` is live in `a` with this layout, and the model no longer holds it.
            unsafe { a.free(b.ptr, b.layout()) }.map_err(|e| call_failed(step, op, e))?;
            m.note_freed(b.address(), b.size);
            m.counts.frees += 1;
        }
        Op::Reset => {
            for b in &m.live {
                b.verify(step, "before reset")?;
            }
            a.reset().map_err(|e| call_failed(step, op, e))?;
            m.live.clear();
            m.freed.iter_mut().for_each(Vec::clear);
            m.counts.resets += 1;
        }
    }
    Ok(())
}

/// The checks after every step.
fn check<A: Allocator>(a: &A, m: &Model, step: usize) -> Result<(), TestCaseError> {
    // Aligned, and the sampled pattern bytes are intact.
    for b in &m.live {
        prop_assert_eq!(
            b.address() % b.align,
            0,
            "step {}: block {:#x} is not aligned to {}",
            step,
            b.address(),
            b.align
        );
        b.spot_check(step)?;
    }
    // No overlap: sorted by address, each block ends before the next begins.
    let mut spans: Vec<(usize, usize)> = m.live.iter().map(|b| (b.address(), b.size)).collect();
    spans.sort_unstable();
    for w in spans.windows(2) {
        prop_assert!(
            w[0].0 + w[0].1 <= w[1].0,
            "step {}: blocks {:#x}+{} and {:#x}+{} overlap",
            step,
            w[0].0,
            w[0].1,
            w[1].0,
            w[1].1
        );
    }
    check_stats(a, m, step)?;
    check_live_blocks(a, m, step)
}

fn check_stats<A: Allocator>(a: &A, m: &Model, step: usize) -> Result<(), TestCaseError> {
    let s = a.stats();
    if STATS {
        let live = m.current();
        prop_assert_eq!(
            s.current,
            live,
            "step {}: current == sum of live sizes",
            step
        );
        prop_assert!(
            s.peak >= s.current,
            "step {}: peak >= current ({:?})",
            step,
            s
        );
        prop_assert!(
            s.total_allocated >= s.current,
            "step {}: total >= current ({:?})",
            step,
            s
        );
        let c = m.counts;
        prop_assert_eq!(s.peak, c.peak, "step {}: peak", step);
        prop_assert_eq!(s.total_allocated, c.total, "step {}: total", step);
        prop_assert_eq!(
            (
                s.allocations,
                s.reallocations,
                s.frees,
                s.resets,
                s.failures
            ),
            (c.allocations, c.reallocations, c.frees, c.resets, 0),
            "step {}: (allocations, reallocations, frees, resets, failures)",
            step
        );
    } else {
        prop_assert_eq!(
            (s.current, s.peak, s.total_allocated),
            (0, 0, 0),
            "step {}: no statistics without custom-allocators",
            step
        );
        prop_assert_eq!(
            (s.allocations, s.reallocations, s.frees, s.resets),
            (0, 0, 0, 0),
            "step {}: no statistics without custom-allocators",
            step
        );
    }
    Ok(())
}

fn check_live_blocks<A: Allocator>(a: &A, m: &Model, step: usize) -> Result<(), TestCaseError> {
    let blocks = a.live_blocks();
    if !m.setup.trace {
        prop_assert!(
            blocks.is_none(),
            "only a trace allocator records live blocks"
        );
        return Ok(());
    }
    let Some(blocks) = blocks else {
        return Err(TestCaseError::fail(
            "a trace allocator lists its live blocks",
        ));
    };
    // In sequence order, which is the model's allocation order.
    let traced: Vec<(usize, usize)> = blocks.iter().map(|b| (b.address, b.size)).collect();
    let model: Vec<(usize, usize)> = m.live.iter().map(|b| (b.address(), b.size)).collect();
    prop_assert_eq!(
        traced,
        model,
        "step {}: trace live set (address, size)",
        step
    );
    for w in blocks.windows(2) {
        prop_assert!(
            w[0].sequence < w[1].sequence,
            "step {}: sequence numbers",
            step
        );
    }
    for b in &blocks {
        // `#[track_caller]` carries the allocating line of this file through to the record.
        prop_assert!(
            b.info.rust.file().ends_with("alloc_properties.rs"),
            "step {}: recorded location {}",
            step,
            b.info.rust
        );
    }
    Ok(())
}

/// Runs `ops` on `a`, checking after every step.
fn run<A: Allocator>(a: &mut A, m: &mut Model, ops: &[Op]) -> Result<(), TestCaseError> {
    for (step, op) in ops.iter().enumerate() {
        apply(a, m, step, op)?;
        check(a, m, step)?;
    }
    Ok(())
}

/// Verifies and frees every block still live (a platform allocator does not free them on
/// drop), then checks that usage is back to zero.
/// `step` numbers the checks in failure messages (the length of the sequence).
fn finish<A: Allocator>(a: &mut A, m: &mut Model, step: usize) -> Result<(), TestCaseError> {
    while let Some(b) = m.live.pop() {
        b.verify(step, "at the end")?;
        // SAFETY: `b` is live in `a` with this layout, and the model no longer holds it.
        unsafe { a.free(b.ptr, b.layout()) }
            .map_err(|e| TestCaseError::fail(format!("final free failed: {e}")))?;
        m.note_freed(b.address(), b.size);
        m.counts.frees += 1;
        check(a, m, step)?;
    }
    if STATS {
        prop_assert_eq!(a.stats().current, 0, "teardown proves zero");
    }
    Ok(())
}

fn run_to_end<A: Allocator>(a: &mut A, setup: Setup, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut m = Model::new(setup);
    run(a, &mut m, ops)?;
    finish(a, &mut m, ops.len())
}

/// A freelist's block size together with operations fit for it.
fn freelist_case() -> impl Strategy<Value = (usize, Vec<Op>)> {
    select(&[1usize, 8, 12, 24, 40, 48, 100, 256, 1000][..]).prop_flat_map(|block| {
        let align = FreelistAllocator::new(block)
            .expect("valid block size")
            .block_align();
        (
            Just(block),
            ops(Just(block).boxed(), align_up_to(align), false, true),
        )
    })
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn platform_matches_the_model(ops in ops(any_size(), any_align(), true, false)) {
        let mut a = PlatformAllocator::new();
        run_to_end(&mut a, Setup::default(), &ops)?;
    }

    #[test]
    fn arena_matches_the_model(ops in ops(any_size(), any_align(), true, true)) {
        let mut a = ArenaAllocator::new();
        run_to_end(&mut a, Setup::default(), &ops)?;
    }

    #[test]
    fn freelist_matches_the_model_and_reuses_lifo(
        ops in ops(Just(BLOCK).boxed(), any_align(), false, true)
    ) {
        let mut a = FreelistAllocator::new(BLOCK).expect("valid block size");
        let setup = Setup { lifo_classes: vec![BLOCK], ..Setup::default() };
        run_to_end(&mut a, setup, &ops)?;
    }

    #[test]
    fn freelists_of_other_block_sizes_match_the_model((block, ops) in freelist_case()) {
        let mut a = FreelistAllocator::new(block).expect("valid block size");
        let setup = Setup { lifo_classes: vec![block], ..Setup::default() };
        run_to_end(&mut a, setup, &ops)?;
    }

    #[test]
    fn pool_matches_the_model_and_reuses_lifo_per_class(
        ops in ops(any_size(), any_align(), true, false)
    ) {
        let mut a = PoolAllocator::for_subsystem(Subsystem::Objects);
        // Every class of the default pool is 16-byte aligned, so a request goes to the first
        // class at least its size; the rest to the platform allocator (not predicted).
        let setup = Setup { lifo_classes: a.class_sizes(), ..Setup::default() };
        run_to_end(&mut a, setup, &ops)?;
    }

    #[test]
    fn trace_over_platform_matches_the_model(ops in ops(any_size(), any_align(), true, false)) {
        let mut a = TraceAllocator::new(PlatformAllocator::new());
        run_to_end(&mut a, Setup { trace: true, ..Setup::default() }, &ops)?;
    }

    #[test]
    fn trace_over_arena_matches_the_model(ops in ops(any_size(), any_align(), true, true)) {
        let mut a = TraceAllocator::new(ArenaAllocator::new());
        run_to_end(&mut a, Setup { trace: true, ..Setup::default() }, &ops)?;
    }

    #[test]
    fn arena_reset_reports_zero_and_the_same_work_takes_no_new_chunk(
        ops in ops(any_size(), any_align(), true, false)
    ) {
        let mut a = ArenaAllocator::new();
        let mut m = Model::new(Setup::default());
        run(&mut a, &mut m, &ops)?;
        let before = a.stats();
        let (chunks_before, capacity_before) = (a.chunk_count(), a.capacity());

        a.reset().map_err(|e| TestCaseError::fail(format!("reset failed: {e}")))?;
        m.live.clear();
        m.counts.resets += 1;
        check(&a, &m, ops.len())?;
        let after = a.stats();
        if STATS {
            prop_assert_eq!(after.current, 0);
            prop_assert_eq!(after.peak, before.peak, "a reset keeps the peak");
        }
        // Several chunks are traded for one of their combined size.
        prop_assert!(a.chunk_count() <= 1.min(chunks_before), "chunks after reset: {}", a.chunk_count());
        prop_assert!(
            a.capacity() >= capacity_before,
            "the retained chunk holds what the chunks held: {} < {}",
            a.capacity(),
            capacity_before
        );
        let (chunks, capacity) = (a.chunk_count(), a.capacity());

        run(&mut a, &mut m, &ops)?;
        prop_assert_eq!(
            (a.chunk_count(), a.capacity()),
            (chunks, capacity),
            "the same sequence after reset fits the retained memory (had {} chunks before reset)",
            chunks_before
        );
        finish(&mut a, &mut m, ops.len())?;
    }
}
