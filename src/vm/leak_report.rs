//! The `--mem-debug` report at exit: the seed's leak report over what the script leaked
//! (objects that only reference cycles keep alive, and everything they hold), the cycles as
//! paths through the script's names with a hint, what globals still hold, and, under its own
//! heading, anything else still allocated: the interpreter's own leaks.
//!
//! Blocks from the same site (allocating call, size, script line and tag) are one line with
//! a count (`(and 49999 more like it: 2000000 bytes)`) and cycles that print alike are one
//! entry (`(50000 cycles of this shape)`), so a program that leaks the same way a million
//! times gets a report of a few lines; the live blocks are visited in place, never copied.
//!
//! Two steps, because Swift's view of a leak needs the globals: [`analyse_at_exit`] runs
//! while the VM still holds them; [`render`] runs after the VM and module are gone.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::Location;

use super::heap_graph::{self, HeapAnalysis};
use super::module::Module;
use super::value::Value;
use crate::alloc::{registry, LiveBlock, ScriptLocation, Subsystem, Tag};

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
        self.heap.cycle_count()
    }
}

/// Walks the graph from `roots` (the globals; after a trap (`trapped`) also the stack).
/// Needs debug mode and the live-object registry on (`vm::tracking`) for the whole run.
pub fn analyse_at_exit(module: &Module, roots: &[&Value], trapped: bool) -> ExitAnalysis {
    if skipped_for_test() {
        return ExitAnalysis::default();
    }
    let heap = heap_graph::analyse(module, roots);
    let mut reachable_bytes = 0;
    let mut reachable_allocations = 0;
    registry::for_each_live_block(|_, b| {
        if heap.is_reachable(b.address) {
            reachable_bytes += b.size + heap.owned(b.address);
            reachable_allocations += 1;
        } else if heap
            .owner_of(b.address)
            .is_some_and(|o| heap.is_reachable(o))
        {
            // A storage buffer: its bytes are in its owner's.
            reachable_allocations += 1;
        }
    });
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
    if skipped_for_test() {
        return String::new();
    }
    let Some(exit) = exit else {
        let mut live = registry::live_blocks();
        live.sort_by_key(|(s, b)| (s.index(), b.sequence));
        return crate::alloc::report::leak_report(&live);
    };
    let mut script = Sites::default();
    let mut interpreter = Sites::default();
    registry::for_each_live_block(|s, b| {
        let owner = exit.heap.owner_of(b.address);
        if exit.heap.is_leaked(b.address) {
            script.add_leaked(s, b, &exit.heap);
        } else if owner.is_some_and(|o| exit.heap.is_leaked(o)) {
            script.add_part();
        } else if owner.is_some_and(|o| exit.heap.is_reachable(o)) {
            // Part of what globals held: counted with its owner.
        } else if !exit.heap.is_reachable(b.address) {
            // (What globals held at exit and a cycle keeps after teardown is the script's
            // "still reachable" memory, counted above, not the interpreter's.)
            interpreter.add(s, b, b.size, None, None);
        }
    });
    let mut out = script_report(exit, &script);
    if interpreter.blocks > 0 {
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
    let mut script = Sites::default();
    registry::for_each_live_block(|s, b| {
        if exit.heap.is_leaked(b.address) {
            script.add_leaked(s, b, &exit.heap);
        } else if exit
            .heap
            .owner_of(b.address)
            .is_some_and(|o| exit.heap.is_leaked(o))
        {
            script.add_part();
        }
    });
    script_report(exit, &script)
}

/// What makes two blocks one line of the report: the subsystem, the allocating call (which
/// says what kind of block it is), the size, the script line and the tag.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct SiteKey {
    subsystem: usize,
    rust: (&'static str, u32, u32),
    size: usize,
    script: Option<ScriptLocation>,
    label: Option<u32>,
    tag: Option<Tag>,
}

/// The blocks of one site.
struct Site {
    subsystem: Subsystem,
    rust: &'static Location<'static>,
    size: usize,
    script: Option<ScriptLocation>,
    /// What the blocks are (the analysis's label), for script leaks.
    label: Option<u32>,
    tag: Option<Tag>,
    /// The oldest block's allocation order and address (the one the line shows).
    first: (u64, usize),
    count: usize,
    bytes: usize,
}

/// Live blocks grouped by site.
#[derive(Default)]
struct Sites {
    sites: HashMap<SiteKey, Site>,
    blocks: usize,
    bytes: usize,
}

impl Sites {
    fn add(
        &mut self,
        subsystem: Subsystem,
        b: &LiveBlock,
        size: usize,
        script: Option<ScriptLocation>,
        label: Option<u32>,
    ) {
        self.blocks += 1;
        self.bytes += size;
        let rust = b.info.rust;
        let key = SiteKey {
            subsystem: subsystem.index(),
            rust: (rust.file(), rust.line(), rust.column()),
            size,
            script,
            label,
            tag: b.info.tag,
        };
        let site = self.sites.entry(key).or_insert(Site {
            subsystem,
            rust,
            size,
            script,
            label,
            tag: b.info.tag,
            first: (b.sequence, b.address),
            count: 0,
            bytes: 0,
        });
        site.first = site.first.min((b.sequence, b.address));
        site.count += 1;
        site.bytes += size;
    }

    /// A block a leak keeps alive: its size with what it owns, the script line that made
    /// it (or its object's), and what it is.
    fn add_leaked(&mut self, subsystem: Subsystem, b: &LiveBlock, heap: &HeapAnalysis) {
        let at = b.info.script.or_else(|| heap.location(b.address));
        let size = b.size + heap.owned(b.address);
        self.add(subsystem, b, size, at, heap.label(b.address));
    }

    /// A storage buffer of a leaked block: one more allocation, its bytes already in its
    /// owner's line.
    fn add_part(&mut self) {
        self.blocks += 1;
    }

    /// The sites in report order: by subsystem, then oldest block first.
    fn in_order(&self) -> Vec<&Site> {
        let mut sites: Vec<&Site> = self.sites.values().collect();
        sites.sort_by_key(|s| (s.subsystem.index(), s.first));
        sites
    }
}

/// ` [tag]` and, for a site of several blocks, ` (and 9 more like it: 400 bytes)`.
fn write_site_end(out: &mut String, site: &Site) {
    if let Some(tag) = site.tag {
        let _ = write!(out, " [{tag}]");
    }
    if site.count > 1 {
        let _ = write!(
            out,
            " (and {} more like it: {} bytes)",
            site.count - 1,
            site.bytes
        );
    }
    out.push('\n');
}

/// The leaked blocks, the cycles and the still-reachable summary.
fn script_report(exit: &ExitAnalysis, script: &Sites) -> String {
    let mut out = String::new();
    write_script_leaks(&mut out, script, &exit.heap);
    if !exit.heap.cycles.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "=== Reference cycles ({}) ===", exit.cycle_count());
        for c in &exit.heap.cycles {
            let _ = writeln!(out, "{}", c.path);
            if c.count > 1 {
                let _ = writeln!(out, "  ({} cycles of this shape)", c.count);
            }
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

fn write_script_leaks(out: &mut String, script: &Sites, heap: &HeapAnalysis) {
    if script.blocks == 0 {
        out.push_str("=== No memory leaks detected ===\n");
        return;
    }
    out.push_str("=== MEMORY LEAKS DETECTED ===\n");
    let _ = writeln!(
        out,
        "{} bytes leaked in {}",
        script.bytes,
        plural(script.blocks, "allocation", "allocations")
    );
    for site in script.in_order() {
        let _ = write!(out, "  {:#x}: {} bytes at ", site.first.1, site.size);
        match site.script {
            Some(at) => {
                let _ = write!(out, "{at}");
            }
            None => {
                let _ = write!(out, "{}:{}", site.rust.file(), site.rust.line());
            }
        }
        if let Some(label) = site.label {
            let _ = write!(out, " {}", heap.label_name(label));
        }
        write_site_end(out, site);
    }
}

fn write_interpreter_leaks(out: &mut String, interpreter: &Sites) {
    out.push_str("=== INTERPRETER LEAKS (a swiftlang bug: please report it) ===\n");
    let _ = writeln!(
        out,
        "{} bytes in {} still allocated after teardown, not held by the script",
        interpreter.bytes,
        plural(interpreter.blocks, "allocation", "allocations")
    );
    for site in interpreter.in_order() {
        let _ = write!(
            out,
            "  {:#x}: {} bytes in {} at {}:{}",
            site.first.1,
            site.size,
            site.subsystem.name(),
            site.rust.file(),
            site.rust.line()
        );
        write_site_end(out, site);
    }
}

/// Test builds only (`SWIFTLANG_TEST_NO_LEAK_REPORT=1`): `--mem-debug` traces the run but
/// neither analyses the graph nor renders the report, so a test can measure what the report
/// itself adds to the peak heap.
fn skipped_for_test() -> bool {
    cfg!(debug_assertions) && std::env::var_os("SWIFTLANG_TEST_NO_LEAK_REPORT").is_some()
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
