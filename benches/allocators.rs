//! Allocator benchmarks (divan): the time of one allocation, or one allocate + free pair, for
//! 16, 64 and 256-byte blocks, for the system allocator, raw bumpalo and each of ours, and the
//! counting global allocator's overhead over `System`.
//!
//! Two baselines for allocate + free: `System` called directly (`system_alloc_free`), and the
//! same `System` reached the way our allocators reach the heap, through `std::alloc` and the
//! `#[global_allocator]` shims (`global_alloc_free`; `System` is this binary's global
//! allocator). The platform allocator's accounting is the difference between it and the
//! second.
//!
//! Every benchmark does `BATCH` operations per iteration and counts them as items, so divan's
//! time divided by `BATCH` is the time per operation. Allocate-only benchmarks take a fresh
//! arena (or an empty batch) as an untimed input and release it untimed, so arenas do not grow
//! without bound. Before the benchmarks, the trace allocator's metadata per live block is
//! printed.
//!
//! Run with `cargo bench --bench allocators`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::ptr::NonNull;

use bumpalo::Bump;
use divan::counter::ItemsCount;
use divan::Bencher;
use swiftlang::alloc::global::CountingAlloc;
use swiftlang::alloc::{
    Allocator, ArenaAllocator, FreelistAllocator, PlatformAllocator, PoolAllocator, TraceAllocator,
};

/// Block sizes measured.
const SIZES: [usize; 3] = [16, 64, 256];
/// Operations per timed iteration.
const BATCH: usize = 1000;
/// Samples per benchmark (divan's default is 100; each sample here is short). The command
/// line's `--sample-count` still wins.
const SAMPLES: u32 = 1000;
/// The pool's size classes (the Objects subsystem's defaults).
const POOL_CLASSES: [usize; 8] = [16, 32, 48, 64, 96, 128, 192, 256];
/// Live blocks for the trace metadata measurement.
const TRACE_LIVE: usize = 100_000;

fn main() {
    print_trace_metadata();
    divan::main();
}

fn layout(size: usize) -> Layout {
    Layout::from_size_align(size, 8).expect("benchmark sizes form valid layouts")
}

/// Bytes of trace metadata per live block, with `TRACE_LIVE` live 16-byte blocks.
fn print_trace_metadata() {
    let trace = TraceAllocator::new(PlatformAllocator::new());
    let l = layout(16);
    let blocks: Vec<NonNull<u8>> = (0..TRACE_LIVE)
        .map(|_| trace.allocate(l).expect("16-byte allocation"))
        .collect();
    let bytes = trace.metadata_bytes();
    println!(
        "trace metadata: {bytes} bytes for {} live 16-byte blocks = {:.1} bytes per live block",
        trace.live_count(),
        bytes as f64 / trace.live_count() as f64
    );
    for p in blocks {
        // SAFETY: each block came from `trace` with `l` and is freed once.
        unsafe { trace.free(p, l).expect("free of a live block") };
    }
}

/// Blocks from `System` that an allocate-only benchmark produced; freed (untimed) on drop.
struct SystemBatch {
    layout: Layout,
    blocks: Vec<*mut u8>,
}

impl SystemBatch {
    fn new(layout: Layout) -> SystemBatch {
        SystemBatch {
            layout,
            blocks: Vec::with_capacity(BATCH),
        }
    }
}

impl Drop for SystemBatch {
    fn drop(&mut self) {
        for &p in &self.blocks {
            // SAFETY: every pointer came from `System.alloc(self.layout)` and is freed once.
            unsafe { System.dealloc(p, self.layout) };
        }
    }
}

// --- allocate only ------------------------------------------------------------------------

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn system_alloc(bencher: Bencher, size: usize) {
    let l = layout(size);
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(|| SystemBatch::new(l))
        .bench_local_refs(|batch| {
            for _ in 0..BATCH {
                // SAFETY: `l` has a non-zero size; the block is freed when the batch drops.
                batch.blocks.push(unsafe { System.alloc(l) });
            }
        });
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn bumpalo_alloc_layout(bencher: Bencher, size: usize) {
    let l = layout(size);
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(|| Bump::with_capacity(BATCH * size))
        .bench_local_refs(|bump| {
            for _ in 0..BATCH {
                black_box(bump.alloc_layout(l));
            }
        });
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn arena_allocate(bencher: Bencher, size: usize) {
    let l = layout(size);
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(|| ArenaAllocator::with_capacity(BATCH * size).expect("arena"))
        .bench_local_refs(|arena| {
            for _ in 0..BATCH {
                // As `bumpalo_alloc_layout`, which panics on failure: the block only.
                black_box(arena.allocate(l).expect("arena allocation"));
            }
        });
}

// --- allocate + free ------------------------------------------------------------------------

/// Times `BATCH` allocate + free pairs through `allocator`.
fn pairs(bencher: Bencher, allocator: &impl Allocator, l: Layout) {
    bencher.counter(ItemsCount::new(BATCH)).bench_local(|| {
        for _ in 0..BATCH {
            let p = allocator.allocate(l).expect("allocation");
            // SAFETY: `p` came from `allocator` with `l` just above and is freed once.
            unsafe { allocator.free(black_box(p), l).expect("free") };
        }
    });
}

/// Times `BATCH` alloc + dealloc pairs through a `GlobalAlloc`.
fn global_pairs(bencher: Bencher, global: &impl GlobalAlloc, l: Layout) {
    bencher.counter(ItemsCount::new(BATCH)).bench_local(|| {
        for _ in 0..BATCH {
            // SAFETY: `l` has a non-zero size; the block is freed right after, with `l`.
            unsafe {
                let p = global.alloc(l);
                global.dealloc(black_box(p), l);
            }
        }
    });
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn system_alloc_free(bencher: Bencher, size: usize) {
    global_pairs(bencher, &System, layout(size));
}

/// `std::alloc::{alloc, dealloc}`: the global allocator behind Rust's allocator shims.
struct Global;

// SAFETY: forwards to the global allocator with the caller's arguments unchanged.
unsafe impl GlobalAlloc for Global {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe { std::alloc::alloc(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        unsafe { std::alloc::dealloc(ptr, layout) }
    }
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn global_alloc_free(bencher: Bencher, size: usize) {
    global_pairs(bencher, &Global, layout(size));
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn counting_alloc_free(bencher: Bencher, size: usize) {
    global_pairs(bencher, &CountingAlloc, layout(size));
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn freelist_allocate_free(bencher: Bencher, size: usize) {
    let freelist = FreelistAllocator::new(size).expect("freelist");
    pairs(bencher, &freelist, layout(size));
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn pool_allocate_free(bencher: Bencher, size: usize) {
    let pool = PoolAllocator::new(&POOL_CLASSES).expect("pool");
    pairs(bencher, &pool, layout(size));
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn platform_allocate_free(bencher: Bencher, size: usize) {
    pairs(bencher, &PlatformAllocator::new(), layout(size));
}

#[divan::bench(args = SIZES, sample_count = SAMPLES)]
fn trace_platform_allocate_free(bencher: Bencher, size: usize) {
    pairs(
        bencher,
        &TraceAllocator::new(PlatformAllocator::new()),
        layout(size),
    );
}
