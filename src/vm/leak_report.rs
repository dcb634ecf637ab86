//! The `--mem-debug` report at exit: the seed's leak report over what the script leaked
//! (objects that only reference cycles keep alive, and everything they hold), the cycles as
//! paths through the script's names with a hint, what globals still hold, and, under its own
//! heading, anything else still allocated: the interpreter's own leaks.
//!
//! Two steps, because Swift's view of a leak needs the globals: [`analyse_at_exit`] runs
//! while the VM still holds them; [`render`] runs after the VM and module are gone.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::heap_graph::{self, HeapAnalysis};
use super::module::Module;
use super::value::Value;
use crate::alloc::{registry, LiveBlock, Subsystem};

/// What the object graph looked like at exit, before teardown.
#[derive(Debug, Default)]
pub struct ExitAnalysis {
    heap: HeapAnalysis,
    reachable_bytes: usize,
    reachable_allocations: usize,
    /// The program stopped at a trap: the stack was a root too.
    trapped: bool,
    /// Taken at exit (rather than while a REPL session goes on).
    at_exit: bool,
}

impl ExitAnalysis {
    /// The number of reference cycles found.
    pub fn cycle_count(&self) -> usize {
        self.heap.cycles.len()
    }
}

/// Walks the graph from `roots` (the globals; after a trap (`trapped`) also the stack).
/// Needs debug mode and the live-object registry on (`vm::tracking`) for the whole run.
pub fn analyse_at_exit(module: &Module, roots: &[&Value], trapped: bool) -> ExitAnalysis {
    let heap = heap_graph::analyse(module, roots);
    let sizes: HashMap<usize, usize> = registry::live_blocks()
        .into_iter()
        .map(|(_, b)| (b.address, b.size))
        .collect();
    let mut reachable_bytes = 0;
    let mut reachable_allocations = 0;
    for addr in &heap.reachable_blocks {
        if let Some(size) = sizes.get(addr) {
            reachable_bytes += size + heap.owned_bytes.get(addr).copied().unwrap_or(0);
            reachable_allocations += 1;
        }
    }
    ExitAnalysis {
        heap,
        reachable_bytes,
        reachable_allocations,
        trapped,
        at_exit: true,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report, over the blocks still live now (after teardown). Without an analysis every
/// live block is listed as a leak (a library user that ran no script).
pub fn render(exit: Option<&ExitAnalysis>) -> String {
    let mut live = registry::live_blocks();
    live.sort_by_key(|(s, b)| (s.index(), b.sequence));
    let Some(exit) = exit else {
        return crate::alloc::report::leak_report(&live);
    };
    let (script, interpreter): (Vec<_>, Vec<_>) = live
        .into_iter()
        .partition(|(_, b)| exit.heap.leaked_blocks.contains(&b.address));
    let mut out = script_report(exit, &script);
    if !interpreter.is_empty() {
        out.push('\n');
        write_interpreter_leaks(&mut out, &interpreter);
    }
    out
}

/// The object graph now, from the REPL session's globals (`:leaks`).
pub fn analyse_now(module: &Module, globals: &[&Value]) -> ExitAnalysis {
    ExitAnalysis {
        at_exit: false,
        ..analyse_at_exit(module, globals, false)
    }
}

/// The report while the program still runs (the REPL's `:leaks`): what only cycles keep
/// alive now, the cycles, and what the session's variables hold. Nothing has been torn down,
/// so no block is called the interpreter's.
pub fn render_now(exit: &ExitAnalysis) -> String {
    let mut live = registry::live_blocks();
    live.sort_by_key(|(s, b)| (s.index(), b.sequence));
    live.retain(|(_, b)| exit.heap.leaked_blocks.contains(&b.address));
    script_report(exit, &live)
}

/// The leaked blocks, the cycles and the still-reachable summary.
fn script_report(exit: &ExitAnalysis, script: &[(Subsystem, LiveBlock)]) -> String {
    let mut out = String::new();
    write_script_leaks(&mut out, exit, script);
    if !exit.heap.cycles.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "=== Reference cycles ({}) ===", exit.heap.cycles.len());
        for c in &exit.heap.cycles {
            let _ = writeln!(out, "{}", c.path);
            if c.more > 0 {
                let _ = writeln!(
                    out,
                    "  (and {} in the same tangle)",
                    plural(c.more, "more object", "more objects")
                );
            }
            let _ = writeln!(out, "  hint: {}", c.hint);
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Still reachable: {} bytes in {}, held by {} {} (not leaks)",
        exit.reachable_bytes,
        plural(exit.reachable_allocations, "allocation", "allocations"),
        if exit.trapped {
            "globals and the stopped program's stack"
        } else {
            "globals"
        },
        if exit.at_exit { "at exit" } else { "now" }
    );
    out
}

fn write_script_leaks(out: &mut String, exit: &ExitAnalysis, blocks: &[(Subsystem, LiveBlock)]) {
    if blocks.is_empty() {
        out.push_str("=== No memory leaks detected ===\n");
        return;
    }
    let size = |b: &LiveBlock| b.size + exit.heap.owned_bytes.get(&b.address).copied().unwrap_or(0);
    let bytes: usize = blocks.iter().map(|(_, b)| size(b)).sum();
    out.push_str("=== MEMORY LEAKS DETECTED ===\n");
    let _ = writeln!(
        out,
        "{bytes} bytes leaked in {}",
        plural(blocks.len(), "allocation", "allocations")
    );
    for (_, b) in blocks {
        let _ = write!(out, "  {:#x}: {} bytes at ", b.address, size(b));
        let script = b
            .info
            .script
            .or_else(|| exit.heap.locations.get(&b.address).copied());
        match script {
            Some(at) => {
                let _ = write!(out, "{at}");
            }
            None => {
                let _ = write!(out, "{}:{}", b.info.rust.file(), b.info.rust.line());
            }
        }
        if let Some(tag) = b.info.tag {
            let _ = write!(out, " [{tag}]");
        }
        out.push('\n');
    }
}

fn write_interpreter_leaks(out: &mut String, blocks: &[(Subsystem, LiveBlock)]) {
    let bytes: usize = blocks.iter().map(|(_, b)| b.size).sum();
    out.push_str("=== INTERPRETER LEAKS (a swiftlang bug: please report it) ===\n");
    let _ = writeln!(
        out,
        "{bytes} bytes in {} still allocated after teardown, not held by the script",
        plural(blocks.len(), "allocation", "allocations")
    );
    for (s, b) in blocks {
        let _ = write!(
            out,
            "  {:#x}: {} bytes in {} at {}:{}",
            b.address,
            b.size,
            s.name(),
            b.info.rust.file(),
            b.info.rust.line()
        );
        if let Some(tag) = b.info.tag {
            let _ = write!(out, " [{tag}]");
        }
        out.push('\n');
    }
}

/// Test builds only (`SWIFTLANG_TEST_INTERNAL_LEAK=1`): allocates a block in VM Core and
/// never frees it, so a test can check that the report catches the interpreter's own leaks.
#[cfg(debug_assertions)]
pub fn leak_for_test() {
    if std::env::var_os("SWIFTLANG_TEST_INTERNAL_LEAK").is_none() {
        return;
    }
    let handle = registry::allocators_get(Subsystem::Vm);
    if let Ok(layout) = std::alloc::Layout::from_size_align(24, 8) {
        // Deliberately never freed.
        let _ = handle.allocate(layout);
    }
}
