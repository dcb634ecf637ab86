//! Allocating and freeing in one subsystem: a raw block through the subsystem's allocator
//! (the seed's `VM_ALLOC(size)` / `VM_FREE(ptr, size)`), then the typed helpers
//! (`VM_NEW`, `VM_NEW_ARRAY`, `VM_STRDUP`), with the VM Core statistics around them.
//!
//! Run with `cargo run --example basic`.

use std::alloc::Layout;

use swiftlang::alloc::{self, allocators_get, registry, report, AllocError, Subsystem};

/// A VM call frame, as the interpreter might box one.
struct Frame {
    function: u32,
    ip: usize,
    slots: [u64; 4],
}

fn main() -> Result<(), AllocError> {
    print_vm_stats("before");

    // The generic door: the subsystem's allocator, allocate with a layout, free with it.
    let vm = allocators_get(Subsystem::Vm);
    let layout = Layout::from_size_align(256, 8).map_err(|_| AllocError::TooLarge { size: 256 })?;
    let block = vm.allocate(layout)?;
    // SAFETY: `block` is a fresh allocation of `layout.size()` writable bytes.
    unsafe { block.as_ptr().write_bytes(0, layout.size()) };

    // The typed helpers: each value lives in VM Core and is freed (with its size) on drop.
    let frame = alloc::new(
        Subsystem::Vm,
        Frame {
            function: 7,
            ip: 0,
            slots: [0; 4],
        },
    )?;
    let registers = alloc::new_array(Subsystem::Vm, 16, 0i64)?;
    let name = alloc::strdup(Subsystem::Vm, "main")?;
    println!(
        "allocated: a 256-byte block, a frame (function {}, ip {}, {} slots), {} registers, \
         the name {name:?}",
        frame.function,
        frame.ip,
        frame.slots.len(),
        registers.len()
    );
    print_vm_stats("while live");

    // SAFETY: `block` came from this allocator with `layout`, and is not used afterwards.
    unsafe { vm.free(block, layout)? };
    drop((frame, registers, name));
    print_vm_stats("after freeing everything");
    if registry::stats_available() {
        println!("(current usage is back to 0; total and peak remember the work)");
    }
    Ok(())
}

/// Prints VM Core's counters in the seed's report shape.
fn print_vm_stats(when: &str) {
    println!("\n{when}:");
    if !registry::stats_available() {
        println!("{}", report::UNAVAILABLE);
        return;
    }
    let s = registry::stats(Subsystem::Vm);
    println!("--- {} ---", Subsystem::Vm.name());
    println!("Total Allocated:  {} bytes", s.total_allocated);
    println!("Current Usage:    {} bytes", s.current);
    println!("Peak Usage:       {} bytes", s.peak);
    println!("Allocations:      {}", s.allocations);
    println!("Frees:            {}", s.frees);
}
