//! Bad use of the public allocator API is an `AllocError` value, never a panic or an abort
//! (house rule 5): wrong sizes, budgets, zero-size and huge requests, unsupported resets, resets
//! while in use, double and foreign frees. And teardown proves zero: the compile-phase arenas
//! report no current usage after a registry reset.
//!
//! The registry is per thread. Tests that change it (budgets, debug mode) restore it with a
//! guard, so they also pass when every test runs on one thread.

use std::alloc::Layout;
use std::ptr::NonNull;

use swiftlang::alloc::registry::{self, RegistryConfig};
use swiftlang::alloc::{
    alloc_block, allocators_get, new, new_array, strdup, AllocError, Allocator, ArenaAllocator,
    FreelistAllocator, PlatformAllocator, PoolAllocator, Subsystem, SystemAllocator,
    TraceAllocator,
};

/// Whether this build keeps statistics (and enforces budgets).
const STATS: bool = cfg!(feature = "custom-allocators");

/// A request no system can serve (a valid `Layout`: rounded to 16 it is still under
/// `isize::MAX`).
const HUGE: usize = isize::MAX as usize - 4096;

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).expect("valid layout")
}

/// One allocator of every kind, by name. The freelist serves 48-byte blocks.
fn every_kind() -> Vec<(&'static str, Box<dyn Allocator>)> {
    vec![
        ("platform", Box::new(PlatformAllocator::new())),
        ("arena", Box::new(ArenaAllocator::new())),
        (
            "freelist",
            Box::new(FreelistAllocator::new(48).expect("valid")),
        ),
        (
            "pool",
            Box::new(PoolAllocator::for_subsystem(Subsystem::Objects)),
        ),
        (
            "trace(platform)",
            Box::new(TraceAllocator::new(PlatformAllocator::new())),
        ),
        (
            "trace(arena)",
            Box::new(TraceAllocator::new(ArenaAllocator::new())),
        ),
        ("system", Box::new(SystemAllocator::default())),
    ]
}

/// Whether an allocator of this name counts refused requests.
fn counts_failures(name: &str) -> bool {
    STATS && name != "system"
}

/// Fills a fresh block of `len` bytes with a recognisable pattern.
///
/// # Safety
/// `ptr .. ptr + len` is writable and owned by the caller.
unsafe fn fill(ptr: NonNull<u8>, len: usize) {
    for i in 0..len {
        // SAFETY: `i < len`, within the caller's block.
        unsafe { ptr.as_ptr().add(i).write(i as u8 ^ 0x5a) };
    }
}

/// Whether the block still holds what [`fill`] wrote.
///
/// # Safety
/// `ptr .. ptr + len` is readable and was filled by [`fill`].
unsafe fn intact(ptr: NonNull<u8>, len: usize) -> bool {
    // SAFETY: the caller guarantees `len` readable, initialised bytes.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.as_ptr(), len) };
    bytes.iter().enumerate().all(|(i, b)| *b == i as u8 ^ 0x5a)
}

/// Clears a subsystem's budget when dropped, even if the test fails.
struct LimitGuard(Subsystem);

impl LimitGuard {
    fn set(subsystem: Subsystem, limit: u64) -> LimitGuard {
        registry::set_limit(subsystem, Some(limit));
        LimitGuard(subsystem)
    }
}

impl Drop for LimitGuard {
    fn drop(&mut self) {
        registry::set_limit(self.0, None);
    }
}

// ---------------------------------------------------------------------------------------------
// Wrong size to a freelist

#[test]
fn a_freelist_refuses_other_sizes() {
    let f = FreelistAllocator::new(48).expect("valid block size");
    for size in [1, 32, 47, 49, 64, 4096] {
        let want = Err(AllocError::WrongSize {
            block_size: 48,
            requested: size,
        });
        assert_eq!(f.allocate(layout(size, 8)), want, "allocate {size}");
        assert_eq!(
            f.allocate_zeroed(layout(size, 8)),
            want,
            "allocate_zeroed {size}"
        );
    }
    let p = f.allocate(layout(48, 8)).expect("the block size is served");
    // SAFETY: a fresh 48-byte block.
    unsafe { fill(p, 48) };
    // SAFETY: `p` is live with (48, 8); the wrong-size calls are refused before the block is
    // touched, so it stays live and owned here.
    unsafe {
        assert_eq!(
            f.free(p, layout(32, 8)),
            Err(AllocError::WrongSize {
                block_size: 48,
                requested: 32
            })
        );
        assert_eq!(
            f.reallocate(p, layout(48, 8), 64),
            Err(AllocError::WrongSize {
                block_size: 48,
                requested: 64
            })
        );
        assert!(intact(p, 48), "a refused call leaves the block alone");
        assert_eq!(
            f.reallocate(p, layout(48, 8), 48),
            Ok(p),
            "same size: same block"
        );
        f.free(p, layout(48, 8)).expect("the right size frees");
    }
    assert!(matches!(
        f.allocate(layout(48, 64)),
        Err(AllocError::BadAlignment { align: 64 })
    ));
    assert_eq!(FreelistAllocator::new(0).err(), Some(AllocError::ZeroSize));
    assert!(matches!(
        FreelistAllocator::new(1 << 30).err(),
        Some(AllocError::TooLarge { size }) if size == 1 << 30
    ));
    if STATS {
        let s = f.stats();
        assert_eq!((s.current, s.allocations, s.frees), (0, 1, 1));
        // 12 refused allocations, the refused free and resize, the refused alignment.
        assert_eq!(s.failures, 15);
    }
}

// ---------------------------------------------------------------------------------------------
// Budgets

#[test]
#[cfg_attr(
    not(feature = "custom-allocators"),
    ignore = "budgets are enforced by the custom allocators only"
)]
fn a_budget_overrun_through_the_registry_names_the_subsystem() {
    for s in Subsystem::ALL {
        let h = allocators_get(s);
        let base = h.stats().current;
        let limit = base + 256;
        let _guard = LimitGuard::set(s, limit);
        let p = h.allocate(layout(200, 8)).expect("within the budget");
        let err = h.allocate(layout(100, 8)).unwrap_err();
        assert_eq!(
            err,
            AllocError::BudgetExceeded {
                subsystem: Some(s),
                limit,
                current: base + 200,
                requested: 100,
            },
            "{s}"
        );
        assert!(err.to_string().contains(s.name()), "{err}");
        let stats = h.stats();
        assert_eq!(
            stats.current,
            base + 200,
            "{s}: a refusal allocates nothing"
        );
        assert!(stats.failures >= 1, "{s}: the refusal is counted");
        assert_eq!(stats.limit, Some(limit));
        // SAFETY: `p` is a live block of `h` with (200, 8).
        unsafe { h.free(p, layout(200, 8)) }.expect("free");
        let q = h
            .allocate(layout(100, 8))
            .expect("fits once the block is freed");
        // SAFETY: `q` is a live block of `h` with (100, 8).
        unsafe { h.free(q, layout(100, 8)) }.expect("free");
    }
}

#[test]
#[cfg_attr(
    not(feature = "custom-allocators"),
    ignore = "budgets are enforced by the custom allocators only"
)]
fn a_budget_overrun_through_a_resize_keeps_the_block() {
    let vm = allocators_get(Subsystem::Vm);
    let base = vm.stats().current;
    let _guard = LimitGuard::set(Subsystem::Vm, base + 256);
    let p = vm.allocate(layout(200, 8)).expect("within the budget");
    // SAFETY: a fresh 200-byte block.
    unsafe { fill(p, 200) };
    // SAFETY: `p` is live with (200, 8); a refused resize leaves it live and owned here.
    unsafe {
        let err = vm.reallocate(p, layout(200, 8), 300).unwrap_err();
        assert!(matches!(
            err,
            AllocError::BudgetExceeded {
                subsystem: Some(Subsystem::Vm),
                requested: 100,
                ..
            }
        ));
        assert!(intact(p, 200));
        let q = vm
            .reallocate(p, layout(200, 8), 256)
            .expect("exactly the budget");
        assert!(intact(q, 200));
        vm.free(q, layout(256, 8)).expect("free");
    }
}

#[test]
#[cfg_attr(
    not(feature = "custom-allocators"),
    ignore = "budgets are enforced by the custom allocators only"
)]
fn the_convenience_functions_report_budget_overruns() {
    let base = registry::stats(Subsystem::Vm).current;
    let _vm = LimitGuard::set(Subsystem::Vm, base + 1024);
    let err = new_array(Subsystem::Vm, 2048, 0u8).unwrap_err();
    assert!(
        matches!(
            err,
            AllocError::BudgetExceeded {
                subsystem: Some(Subsystem::Vm),
                limit,
                ..
            } if limit == base + 1024
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("VM Core"), "{err}");
    let fits = new_array(Subsystem::Vm, 1024, 7u8).expect("exactly the budget");
    assert_eq!((fits.len(), fits[1023]), (1024, 7));
    drop(fits);
    assert!(matches!(
        alloc_block(Subsystem::Vm, 4096),
        Err(AllocError::BudgetExceeded {
            subsystem: Some(Subsystem::Vm),
            ..
        })
    ));

    let base = registry::stats(Subsystem::Objects).current;
    let _objects = LimitGuard::set(Subsystem::Objects, base + 64);
    assert!(matches!(
        new(Subsystem::Objects, [0u8; 65]),
        Err(AllocError::BudgetExceeded {
            subsystem: Some(Subsystem::Objects),
            ..
        })
    ));
    let base = registry::stats(Subsystem::Strings).current;
    let _strings = LimitGuard::set(Subsystem::Strings, base + 4);
    assert!(matches!(
        strdup(Subsystem::Strings, "hello"),
        Err(AllocError::BudgetExceeded {
            subsystem: Some(Subsystem::Strings),
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// Zero-size and huge requests

#[test]
fn every_allocator_refuses_zero_size_requests() {
    for (name, a) in every_kind() {
        for align in [1, 8] {
            let zero = layout(0, align);
            assert_eq!(a.allocate(zero), Err(AllocError::ZeroSize), "{name}");
            assert_eq!(a.allocate_zeroed(zero), Err(AllocError::ZeroSize), "{name}");
            let tag = swiftlang::alloc::Tag::new("zero");
            assert_eq!(
                a.allocate_tagged(zero, tag),
                Err(AllocError::ZeroSize),
                "{name}"
            );
        }
        if counts_failures(name) {
            let s = a.stats();
            assert_eq!((s.current, s.allocations, s.failures), (0, 0, 6), "{name}");
        }
    }
    for s in Subsystem::ALL {
        let h = allocators_get(s);
        assert_eq!(h.allocate(layout(0, 1)), Err(AllocError::ZeroSize), "{s}");
        assert_eq!(
            h.allocate_zeroed(layout(0, 16)),
            Err(AllocError::ZeroSize),
            "{s}"
        );
    }
}

#[test]
fn resizing_to_zero_is_refused_and_keeps_the_block() {
    for (name, a) in every_kind() {
        let size = if name == "freelist" { 48 } else { 32 };
        let l = layout(size, 8);
        let p = a.allocate(l).expect("allocate");
        // SAFETY: a fresh block of `size` bytes.
        unsafe { fill(p, size) };
        // SAFETY: `p` is live with `l`; the refused resize leaves it live and owned here.
        unsafe {
            let err = a.reallocate(p, l, 0).unwrap_err();
            if name == "freelist" {
                assert_eq!(
                    err,
                    AllocError::WrongSize {
                        block_size: 48,
                        requested: 0
                    }
                );
            } else {
                assert_eq!(err, AllocError::ZeroSize, "{name}");
            }
            assert!(intact(p, size), "{name}");
            a.free(p, l).expect("free");
        }
    }
}

fn is_too_big(e: &AllocError) -> bool {
    matches!(
        e,
        AllocError::OutOfMemory { .. } | AllocError::TooLarge { .. }
    )
}

#[test]
fn a_huge_request_is_an_error_not_an_abort() {
    for (name, a) in every_kind() {
        for align in [1, 16] {
            let huge = layout(HUGE, align);
            for result in [a.allocate(huge), a.allocate_zeroed(huge)] {
                let err = result.unwrap_err();
                if name == "freelist" {
                    assert!(
                        matches!(err, AllocError::WrongSize { .. }),
                        "{name}: {err:?}"
                    );
                } else {
                    assert!(is_too_big(&err), "{name}: {err:?}");
                }
            }
        }
        if counts_failures(name) {
            let s = a.stats();
            assert_eq!((s.current, s.allocations, s.failures), (0, 0, 4), "{name}");
        }
    }
    for s in Subsystem::ALL {
        let err = allocators_get(s).allocate(layout(HUGE, 8)).unwrap_err();
        assert!(is_too_big(&err), "{s}: {err:?}");
    }
    let err = new_array(Subsystem::Vm, HUGE, 0u8).unwrap_err();
    assert!(is_too_big(&err), "{err:?}");
    let err = new_array(Subsystem::Vm, usize::MAX / 2, 0u64).unwrap_err();
    assert!(is_too_big(&err), "{err:?}");
    let err = alloc_block(Subsystem::Vm, HUGE).err().expect("refused");
    assert!(is_too_big(&err), "{err:?}");
}

#[test]
fn a_huge_resize_is_an_error_and_keeps_the_block() {
    for (name, a) in every_kind() {
        if name == "freelist" {
            continue; // only the block size is valid: see `a_freelist_refuses_other_sizes`
        }
        let l = layout(64, 16);
        let p = a.allocate(l).expect("allocate");
        // SAFETY: a fresh 64-byte block.
        unsafe { fill(p, 64) };
        // SAFETY: `p` is live with `l`; the refused resize leaves it live and owned here.
        unsafe {
            let err = a.reallocate(p, l, HUGE).unwrap_err();
            assert!(is_too_big(&err), "{name}: {err:?}");
            assert!(intact(p, 64), "{name}");
            a.free(p, l).expect("free");
        }
        if STATS {
            assert_eq!(a.stats().current, 0, "{name}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Resets

#[test]
fn reset_is_unsupported_where_blocks_are_freed_one_by_one() {
    for (name, mut a) in every_kind() {
        let p = a.allocate(layout(48, 8)).expect("allocate");
        let result = a.reset();
        let refused = match name {
            "platform" | "trace(platform)" => Some("platform"),
            "pool" => Some("pool"),
            "system" => Some("system"),
            _ => None,
        };
        match refused {
            Some(allocator) => {
                assert_eq!(
                    result,
                    Err(AllocError::Unsupported {
                        operation: "reset",
                        allocator
                    }),
                    "{name}"
                );
                assert_eq!(
                    result.unwrap_err().to_string(),
                    format!("{allocator} allocator does not support reset")
                );
                // The block survived the refused reset.
                // SAFETY: `p` is live with (48, 8).
                unsafe { a.free(p, layout(48, 8)) }.expect("free");
            }
            None => {
                assert_eq!(result, Ok(()), "{name}");
                if STATS {
                    assert_eq!(a.stats().current, 0, "{name}");
                }
            }
        }
    }
    let err = registry::reset(Subsystem::Vm).unwrap_err();
    assert!(
        matches!(
            err,
            AllocError::Unsupported {
                operation: "reset",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_registry_reset_while_a_handle_lives_is_in_use() {
    let ast = allocators_get(Subsystem::Ast);
    let p = ast.allocate(layout(64, 8)).expect("allocate");
    assert_eq!(
        registry::reset(Subsystem::Ast),
        Err(AllocError::InUse {
            subsystem: Subsystem::Ast
        })
    );
    // The refused reset left the block alone.
    // SAFETY: `p` is a fresh, live 64-byte block of `ast`.
    unsafe { fill(p, 64) };
    // SAFETY: as above; filled just now.
    assert!(unsafe { intact(p, 64) });
    let clone = ast.clone();
    drop(ast);
    assert!(matches!(
        registry::reset(Subsystem::Ast),
        Err(AllocError::InUse { .. })
    ));
    drop(clone);
    assert_eq!(registry::reset(Subsystem::Ast), Ok(()));

    // Collections hold handles too.
    let boxed = new(Subsystem::Temp, 7u64).expect("allocate");
    assert_eq!(
        registry::reset(Subsystem::Temp),
        Err(AllocError::InUse {
            subsystem: Subsystem::Temp
        })
    );
    assert_eq!(
        registry::configure(RegistryConfig::default()),
        Err(AllocError::InUse {
            subsystem: Subsystem::Temp
        })
    );
    drop(boxed);
    assert_eq!(registry::reset(Subsystem::Temp), Ok(()));
}

#[test]
fn compile_phase_arenas_report_zero_after_a_registry_reset() {
    let phases: Vec<Subsystem> = Subsystem::ALL
        .into_iter()
        .filter(|s| s.is_compile_phase())
        .collect();
    assert_eq!(phases.len(), 6);
    for &s in &phases {
        let h = allocators_get(s);
        for size in [24, 100, 4000, 20_000] {
            h.allocate(layout(size, 8)).expect("allocate");
        }
        if STATS {
            assert!(h.stats().current >= 24_124, "{s}");
        }
    }
    for &s in &phases {
        assert_eq!(registry::reset(s), Ok(()), "{s}");
        let stats = registry::stats(s);
        if STATS {
            assert_eq!(stats.current, 0, "{s}");
            assert!(stats.peak >= 24_124, "{s}: peak {}", stats.peak);
            assert!(stats.resets >= 1, "{s}");
        } else {
            assert_eq!((stats.current, stats.peak), (0, 0), "{s}");
        }
    }
}

/// Restores the default registry (no debug mode, no budgets) when dropped.
struct DefaultRegistry;

impl Drop for DefaultRegistry {
    fn drop(&mut self) {
        let _ = registry::configure(RegistryConfig::default());
    }
}

#[test]
#[cfg_attr(
    not(feature = "custom-allocators"),
    ignore = "debug mode needs the custom allocators"
)]
fn in_debug_mode_a_compile_phase_reset_leaves_no_live_blocks() {
    registry::configure(RegistryConfig {
        debug: true,
        ..RegistryConfig::default()
    })
    .expect("no handle is alive");
    let _restore = DefaultRegistry;
    let h = allocators_get(Subsystem::Parser);
    h.allocate(layout(128, 8)).expect("allocate");
    drop(h);
    let parser_blocks = || {
        registry::live_blocks()
            .into_iter()
            .filter(|(s, _)| *s == Subsystem::Parser)
            .count()
    };
    assert_eq!(parser_blocks(), 1);
    assert_eq!(registry::reset(Subsystem::Parser), Ok(()));
    assert_eq!(parser_blocks(), 0);
    let s = registry::stats(Subsystem::Parser);
    assert_eq!((s.current, s.peak), (0, 128));
}

// ---------------------------------------------------------------------------------------------
// Double and foreign frees

#[test]
#[cfg(debug_assertions)]
fn a_freelist_double_free_is_an_error_in_debug_builds() {
    let f = FreelistAllocator::new(48).expect("valid block size");
    let l = layout(48, 8);
    let a = f.allocate(l).expect("allocate");
    // SAFETY: the first free gives up a live block; the second is the bug under test, which
    // a debug build refuses from its live set before touching the block.
    unsafe {
        f.free(a, l).expect("first free");
        assert_eq!(
            f.free(a, l),
            Err(AllocError::DoubleFree {
                address: a.as_ptr() as usize
            })
        );
    }
    // The free list was not corrupted: the block comes back once, then a different one.
    let again = f.allocate(l).expect("allocate");
    let other = f.allocate(l).expect("allocate");
    assert_eq!(again, a);
    assert_ne!(other, a);

    let mut outside = [0u64; 6];
    let foreign = NonNull::new(outside.as_mut_ptr().cast::<u8>()).expect("non-null");
    // SAFETY: a debug build refuses a pointer that is not one of its blocks before touching
    // it; `outside` outlives the call either way.
    let err = unsafe { f.free(foreign, l) }.unwrap_err();
    assert!(matches!(err, AllocError::InvalidFree { .. }), "{err:?}");
    if STATS {
        let s = f.stats();
        assert_eq!((s.current, s.failures), (96, 2));
    }
}

#[test]
fn an_arena_double_free_is_an_error_and_never_a_panic() {
    // An arena keeps no per-block records, but a free of more than is live is refused before
    // the memory is touched, in both builds (the byte count a budget needs is kept in both).
    let a = ArenaAllocator::new();
    let l = layout(64, 8);
    let p = a.allocate(l).expect("allocate");
    // SAFETY: the first free gives up a live block; the second free and the resize are the
    // bug under test, refused from the arena's counters without touching the block.
    unsafe {
        a.free(p, l).expect("first free");
        let err = a.free(p, l).unwrap_err();
        assert!(
            matches!(err, AllocError::InvalidFree { address, .. } if address == p.as_ptr() as usize),
            "{err:?}"
        );
        assert!(matches!(
            a.reallocate(p, l, 128),
            Err(AllocError::InvalidFree { .. })
        ));
    }
    if STATS {
        let s = a.stats();
        assert_eq!((s.current, s.frees, s.failures), (0, 1, 2));
    }
    // The same through the registry, and through a trace over an arena (which refuses it
    // from its records first).
    let ast = allocators_get(Subsystem::Ast);
    let base = ast.stats().current;
    let q = ast.allocate(l).expect("allocate");
    // SAFETY: as above.
    unsafe {
        ast.free(q, l).expect("first free");
        if base == 0 {
            assert!(ast.free(q, l).is_err(), "nothing else is live in AST");
        }
    }
    let t = TraceAllocator::new(ArenaAllocator::new());
    let r = t.allocate(l).expect("allocate");
    // SAFETY: as above.
    unsafe {
        t.free(r, l).expect("first free");
        assert!(matches!(t.free(r, l), Err(AllocError::InvalidFree { .. })));
    }
}

#[test]
fn a_trace_refuses_to_free_a_pointer_it_does_not_know() {
    let t = TraceAllocator::new(PlatformAllocator::new());
    let l = layout(32, 8);

    let mut outside = [0u64; 4];
    let foreign = NonNull::new(outside.as_mut_ptr().cast::<u8>()).expect("non-null");
    // SAFETY: the trace looks the address up in its records and refuses it before the wrapped
    // allocator or the memory is touched; `outside` outlives the calls.
    unsafe {
        let err = t.free(foreign, l).unwrap_err();
        assert!(
            matches!(err, AllocError::InvalidFree { address, .. } if address == foreign.as_ptr() as usize),
            "{err:?}"
        );
        let err = t.reallocate(foreign, l, 64).unwrap_err();
        assert!(matches!(err, AllocError::InvalidFree { .. }), "{err:?}");
    }
    assert_eq!(outside, [0; 4]);

    // A block of another allocator is foreign too.
    let other = PlatformAllocator::new();
    let theirs = other.allocate(l).expect("allocate");
    // SAFETY: refused by the trace's records, as above; the block stays live in `other`,
    // which then frees it.
    unsafe {
        assert!(matches!(
            t.free(theirs, l),
            Err(AllocError::InvalidFree { .. })
        ));
        other.free(theirs, l).expect("its own allocator frees it");
    }

    // A double free, and a free with the wrong size.
    let p = t.allocate(l).expect("allocate");
    // SAFETY: the wrong-size free is refused from the records, the first real free gives up a
    // live block, and the second is refused from the records without touching memory.
    unsafe {
        let err = t.free(p, layout(16, 8)).unwrap_err();
        assert!(matches!(err, AllocError::InvalidFree { .. }), "{err:?}");
        t.free(p, l).expect("first free");
        let err = t.free(p, l).unwrap_err();
        assert!(matches!(err, AllocError::InvalidFree { .. }), "{err:?}");
    }
    assert_eq!(t.live_blocks(), Some(Vec::new()));
    if STATS {
        let s = t.stats();
        assert_eq!((s.current, s.allocations, s.frees), (0, 1, 1));
        assert_eq!(s.failures, 5, "every refusal is counted");
    }
}

// ---------------------------------------------------------------------------------------------
// Canaries

#[test]
#[cfg(debug_assertions)]
fn an_overwritten_canary_is_reported_and_the_block_can_still_be_freed() {
    // (allocator, request size) where the debug canary sits right after the request: the
    // pool's 32 is a whole size class, its 1000 goes to the platform fallback.
    let cases: Vec<(&str, Box<dyn Allocator>, usize)> = vec![
        ("platform", Box::new(PlatformAllocator::new()), 40),
        (
            "freelist",
            Box::new(FreelistAllocator::new(48).expect("valid")),
            48,
        ),
        (
            "pool class",
            Box::new(PoolAllocator::for_subsystem(Subsystem::Objects)),
            32,
        ),
        (
            "pool large",
            Box::new(PoolAllocator::for_subsystem(Subsystem::Objects)),
            1000,
        ),
        (
            "trace(platform)",
            Box::new(TraceAllocator::new(PlatformAllocator::new())),
            40,
        ),
    ];
    assert_eq!(swiftlang::alloc::debug::CANARY_BYTES, 8);
    for (name, a, size) in cases {
        let l = layout(size, 8);
        let p = a.allocate(l).expect("allocate");
        // SAFETY: `p` is live with `l`. In debug builds the allocator keeps an 8-byte canary
        // right after the block, inside the memory it took for it (the platform block's
        // backing layout, the freelist's stride); the test flips one byte of it on purpose and
        // restores it before the block is freed. The refused free leaves the block live.
        unsafe {
            let canary = p.as_ptr().add(size);
            let saved = canary.read();
            canary.write(!saved);
            assert_eq!(
                a.free(p, l),
                Err(AllocError::CanaryCorrupted {
                    address: p.as_ptr() as usize
                }),
                "{name}"
            );
            canary.write(saved);
            assert_eq!(
                a.free(p, l),
                Ok(()),
                "{name}: the refused block is still live"
            );
        }
        if STATS {
            assert_eq!(a.stats().current, 0, "{name}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tagged handles

#[test]
#[cfg_attr(
    not(feature = "custom-allocators"),
    ignore = "tags are counted by the custom allocators only"
)]
fn a_tagged_handle_tags_every_call_through_it() {
    use swiftlang::alloc::stats::tag_stats_of;
    use swiftlang::alloc::Tag;

    /// Generic code sees the handle as an allocator, tag included.
    fn through<A: Allocator>(a: &A, l: Layout) -> NonNull<u8> {
        a.allocate(l).expect("allocate")
    }

    let tag = Tag::new("tagged-handle-test");
    let own = Tag::new("tagged-handle-own-tag");
    let h = allocators_get(Subsystem::Vm).tagged(tag);
    let l = layout(64, 8);
    let a = h.allocate(l).expect("allocate");
    let b = h.allocate_zeroed(l).expect("allocate_zeroed");
    let c = through(&h, l);
    let d = h.allocate_tagged(l, own).expect("allocate_tagged");
    let s = tag_stats_of(tag);
    assert_eq!((s.count, s.live, s.current), (3, 3, 192));
    assert_eq!(tag_stats_of(own).current, 64, "a call's own tag wins");
    // SAFETY: live blocks of `h`'s allocator with `l`.
    let a = unsafe { h.reallocate(a, l, 128) }.expect("reallocate");
    assert_eq!(tag_stats_of(tag).current, 256);
    // SAFETY: live blocks of `h`'s allocator with these layouts, freed once.
    unsafe {
        h.free(a, layout(128, 8)).expect("free");
        h.free(b, l).expect("free");
        h.free(c, l).expect("free");
        h.free_with(d, l, &swiftlang::alloc::AllocInfo::tagged(own))
            .expect("free");
    }
    let s = tag_stats_of(tag);
    assert_eq!((s.live, s.current, s.peak), (0, 0, 256));
    assert_eq!(tag_stats_of(own).current, 0);
}
