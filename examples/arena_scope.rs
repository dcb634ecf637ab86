//! An arena scope (the seed's `WITH_ARENA(temp, 4096, {...})`): everything allocated in the
//! arena is released at once when the closure returns, and the borrow checker keeps
//! references into it from escaping. The scope's counters are folded into the Temp subsystem.
//!
//! Run with `cargo run --example arena_scope`.

use swiftlang::alloc::{self, registry, report, AllocError, Allocator, Subsystem};

fn main() -> Result<(), AllocError> {
    print_temp_stats("before the scope");

    let summary = alloc::with_arena(4096, |arena| -> Result<String, AllocError> {
        let greeting = arena.alloc_str("temporary")?;
        let data = arena.alloc_slice_copy(&[7u8; 1024])?;
        let squares = arena.alloc_slice_fill_with(16, |i| (i * i) as u32)?;
        // More than the 4096-byte first chunk: the arena takes another chunk.
        let big = arena.alloc_slice_fill_with(1000, |i| i as u64)?;
        greeting.make_ascii_uppercase();
        println!(
            "\ninside the scope: {greeting}, then {} + {} + {} elements; the arena holds {} bytes \
             in {} chunks",
            data.len(),
            squares.len(),
            big.len(),
            arena.capacity(),
            arena.chunk_count()
        );
        if registry::stats_available() {
            println!("arena current usage: {} bytes", arena.stats().current);
        }
        // `greeting` cannot be returned: it borrows the arena, which ends with the closure.
        Ok(format!(
            "{greeting} ({} squares summed to {})",
            squares.len(),
            squares.iter().sum::<u32>()
        ))
    })??;
    println!("returned from the scope (owned, outside the arena): {summary}");

    print_temp_stats("after the scope");
    if registry::stats_available() {
        println!("(current usage is 0: the arena's memory went back when the scope ended)");
    }
    Ok(())
}

/// Prints Temp's counters in the seed's report shape.
fn print_temp_stats(when: &str) {
    println!("\n{when}:");
    if !registry::stats_available() {
        println!("{}", report::UNAVAILABLE);
        return;
    }
    let s = registry::stats(Subsystem::Temp);
    println!("--- {} ---", Subsystem::Temp.name());
    println!("Total Allocated:  {} bytes", s.total_allocated);
    println!("Current Usage:    {} bytes", s.current);
    println!("Peak Usage:       {} bytes", s.peak);
    println!("Allocations:      {}", s.allocations);
    println!("Resets:           {}", s.resets);
}
