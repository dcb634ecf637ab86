//! Reports: the statistics of every subsystem, the tag table and the leak list, as text in
//! the seed's shapes and as versioned JSON for tools.
//!
//! The text layout is the seed's ("Allocation Statistics", "Tagged Allocation Tracking",
//! "Leak Detection") with a few more lines per subsystem (frees, resets, arena waste, the
//! budget, heap taken from the system), then an `Untracked` row and the grand total of heap
//! taken from the system, which is what valgrind's "total heap usage" counts.

use std::fmt::Write as _;

use serde::Serialize;

use super::error::ByteSize;
use super::global::{self, HeapRow, HeapSnapshot};
use super::registry::{self, stats_available};
use super::stats::{tag_stats, TagStats};
use super::{AllocatorKind, LiveBlock, Stats, Subsystem};

/// The JSON report's schema version; bump it when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// Output format of the statistics report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The seed's text layout.
    Text,
    /// Versioned JSON.
    Json,
}

/// The statistics line a build without custom allocators prints instead of a report.
pub const UNAVAILABLE: &str =
    "Memory statistics are unavailable in this build (built without the `custom-allocators` feature).";

/// Everything a report shows, gathered before the heap counters are read so that the
/// gathering itself is counted.
struct Gathered {
    subsystems: Vec<(Subsystem, AllocatorKind, Stats)>,
    tags: Vec<(String, TagStats)>,
    heap: Option<HeapSnapshot>,
}

fn gather(reserve: usize) -> (Gathered, String) {
    let subsystems = registry::snapshot();
    let tags = tag_stats();
    // The output buffer is taken before the heap counters are read, so the report's own
    // formatting (which fits in it) adds nothing the grand total misses.
    let out = String::with_capacity(reserve + tags.len() * 64);
    let heap = global::is_installed().then(global::heap_snapshot);
    (
        Gathered {
            subsystems,
            tags,
            heap,
        },
        out,
    )
}

/// The full statistics report in `format`.
pub fn stats_report(format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => stats_text(),
        ReportFormat::Json => stats_json(),
    }
}

fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
    // Padded by hand: a `format!` here would allocate after the heap counters were read.
    let pad = 17usize.saturating_sub(label.len());
    let _ = writeln!(out, "{label}:{:pad$}{value}", "");
}

/// The seed's "Allocation Statistics" for every subsystem, the Untracked row, the grand total
/// and the tag table.
pub fn stats_text() -> String {
    if !stats_available() {
        return format!("{UNAVAILABLE}\n");
    }
    let (g, mut out) = gather(8 * 1024);
    out.push_str("=== Memory Allocator Statistics ===\n");
    for (subsystem, kind, s) in &g.subsystems {
        let _ = write!(out, "\n--- {} ---\n", subsystem.name());
        line(
            &mut out,
            "Total Allocated",
            format_args!("{} bytes", s.total_allocated),
        );
        let note = match (s.current, s.resets) {
            (0, 1..) if subsystem.is_compile_phase() => " (reset after compilation)",
            (0, 1..) => " (reset)",
            _ => "",
        };
        line(
            &mut out,
            "Current Usage",
            format_args!("{} bytes{note}", s.current),
        );
        line(&mut out, "Peak Usage", format_args!("{} bytes", s.peak));
        line(&mut out, "Allocations", s.allocations);
        line(&mut out, "Frees", s.frees);
        if *kind == AllocatorKind::Arena || s.resets > 0 {
            line(&mut out, "Resets", s.resets);
        }
        if s.wasted > 0 {
            line(
                &mut out,
                "Wasted",
                format_args!("{} bytes (chunk ends)", s.wasted),
            );
        }
        if let Some(limit) = s.limit {
            line(&mut out, "Limit", ByteSize(limit));
        }
        if let Some(heap) = &g.heap {
            let direct = heap.direct[subsystem.index()];
            let scoped = heap.scoped[subsystem.index()];
            line(
                &mut out,
                "System Heap",
                format_args!(
                    "{} bytes in {} allocations ({} bytes held now)",
                    direct.bytes + scoped.bytes,
                    direct.allocations + scoped.allocations,
                    s.footprint
                ),
            );
        }
    }
    match &g.heap {
        Some(heap) => {
            out.push_str("\n--- Untracked ---\n");
            line(&mut out, "Total Allocated", format_args!("{} bytes", heap.untracked.bytes));
            line(&mut out, "Allocations", heap.untracked.allocations);
            let total = heap.total();
            out.push_str("\n--- Total (heap from the system) ---\n");
            line(&mut out, "Total Allocated", format_args!("{} bytes", total.bytes));
            line(&mut out, "Current Usage", format_args!("{} bytes", heap.current));
            line(&mut out, "Peak Usage", format_args!("{} bytes", heap.peak));
            line(&mut out, "Allocations", total.allocations);
            line(&mut out, "Frees", heap.frees);
        }
        None => out.push_str(
            "\n--- Untracked ---\nunavailable: the counting global allocator is not installed in this program\n",
        ),
    }
    out.push('\n');
    write_tag_table(&mut out, &g.tags);
    out
}

/// The seed's "Allocation by Tag" table.
pub fn tag_table() -> String {
    let mut out = String::new();
    write_tag_table(&mut out, &tag_stats());
    out
}

fn write_tag_table(out: &mut String, tags: &[(String, TagStats)]) {
    out.push_str("=== Allocation by Tag ===\n");
    out.push_str("| Tag                  | Count | Current Size | Peak Size |\n");
    out.push_str("|---------------------|-------|--------------|-----------|\n");
    for (name, t) in tags {
        let _ = writeln!(
            out,
            "| {name:<19} | {:>5} | {:>11}  | {:>8}  |",
            t.count, t.current, t.peak
        );
    }
    if tags.is_empty() {
        out.push_str("(no tagged allocations)\n");
    }
}

/// The seed's leak report over `blocks` (one line per block: address, size, the script
/// location if known, else the Rust location, and the tag), or one line saying that nothing
/// leaked.
pub fn leak_report(blocks: &[(Subsystem, LiveBlock)]) -> String {
    let mut out = String::new();
    if blocks.is_empty() {
        out.push_str("=== No memory leaks detected ===\n");
        return out;
    }
    let bytes: usize = blocks.iter().map(|(_, b)| b.size).sum();
    let n = blocks.len();
    out.push_str("=== MEMORY LEAKS DETECTED ===\n");
    let _ = writeln!(
        out,
        "{bytes} bytes leaked in {n} allocation{}",
        if n == 1 { "" } else { "s" }
    );
    for (_, b) in blocks {
        let _ = write!(out, "  {:#x}: {} bytes at ", b.address, b.size);
        match b.info.script {
            Some(script) => {
                let _ = write!(out, "{script}");
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
    out
}

/// The leak report over every subsystem's live blocks (debug mode; otherwise there are none
/// to list).
pub fn registry_leak_report() -> String {
    leak_report(&registry::live_blocks())
}

#[derive(Serialize)]
struct JsonReport {
    schema_version: u32,
    stats_available: bool,
    subsystems: Vec<JsonSubsystem>,
    untracked: Option<HeapRow>,
    heap_total: Option<JsonHeapTotal>,
    tags: Vec<JsonTag>,
}

#[derive(Serialize)]
struct JsonSubsystem {
    /// The subsystem's index in the heap snapshot's rows.
    #[serde(skip)]
    index: usize,
    name: &'static str,
    key: &'static str,
    allocator: &'static str,
    #[serde(flatten)]
    stats: Stats,
    heap_direct: Option<HeapRow>,
    heap_scoped: Option<HeapRow>,
}

#[derive(Serialize)]
struct JsonHeapTotal {
    bytes: u64,
    allocations: u64,
    frees: u64,
    current: u64,
    peak: u64,
}

#[derive(Serialize)]
struct JsonTag {
    tag: String,
    #[serde(flatten)]
    stats: TagStats,
}

/// The report as JSON (`--mem-stats=json`), with `schema_version`.
///
/// Like the text report, it allocates nothing after reading the heap counters: the report
/// is first serialized with the widest possible heap numbers to size the output buffer, then
/// the counters are read and the report is written into that buffer, which it fits.
pub fn stats_json() -> String {
    let available = stats_available();
    let (g, _) = if available {
        gather(0)
    } else {
        (
            Gathered {
                subsystems: vec![],
                tags: vec![],
                heap: None,
            },
            String::new(),
        )
    };
    let mut report = JsonReport {
        schema_version: SCHEMA_VERSION,
        stats_available: available,
        subsystems: g
            .subsystems
            .iter()
            .map(|(s, kind, stats)| JsonSubsystem {
                index: s.index(),
                name: s.name(),
                key: s.cli_name(),
                allocator: kind.name(),
                stats: *stats,
                heap_direct: None,
                heap_scoped: None,
            })
            .collect(),
        untracked: None,
        heap_total: None,
        tags: g
            .tags
            .into_iter()
            .map(|(tag, stats)| JsonTag { tag, stats })
            .collect(),
    };
    let mut buffer = Vec::new();
    if g.heap.is_some() {
        report.set_heap(&widest_snapshot());
        // Sizing pass: numbers are at most as wide as the placeholders.
        let size = serde_json::to_vec_pretty(&report).map_or(0, |v| v.len());
        buffer.reserve_exact(size + 1);
        if let Some(heap) = global::is_installed().then(global::heap_snapshot) {
            report.set_heap(&heap);
        }
    }
    if let Err(e) = serde_json::to_writer_pretty(&mut buffer, &report) {
        return format!("{{\"error\": \"{e}\"}}\n");
    }
    buffer.push(b'\n');
    String::from_utf8(buffer).unwrap_or_default()
}

/// A snapshot whose every number prints as wide as any real one.
fn widest_snapshot() -> HeapSnapshot {
    let row = HeapRow {
        bytes: u64::MAX,
        allocations: u64::MAX,
    };
    HeapSnapshot {
        direct: [row; Subsystem::COUNT],
        scoped: [row; Subsystem::COUNT],
        untracked: row,
        current: u64::MAX,
        peak: u64::MAX,
        frees: u64::MAX,
    }
}

impl JsonReport {
    /// Fills in the heap rows (no allocation: they are numbers).
    fn set_heap(&mut self, h: &HeapSnapshot) {
        for row in &mut self.subsystems {
            row.heap_direct = Some(h.direct[row.index]);
            row.heap_scoped = Some(h.scoped[row.index]);
        }
        self.untracked = Some(h.untracked);
        let t = h.total();
        self.heap_total = Some(JsonHeapTotal {
            bytes: t.bytes,
            allocations: t.allocations,
            frees: h.frees,
            current: h.current,
            peak: h.peak,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::{AllocInfo, ScriptLocation, Tag};

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn text_report_has_the_seeds_shape() {
        let text = stats_text();
        assert!(text.starts_with(
            "=== Memory Allocator Statistics ===\n\n--- VM Core ---\nTotal Allocated:  "
        ));
        for s in Subsystem::ALL {
            assert!(text.contains(&format!("--- {} ---", s.name())), "{s}");
        }
        assert!(text.contains("--- Untracked ---"));
        assert!(text.contains("=== Allocation by Tag ===\n| Tag                  | Count | Current Size | Peak Size |\n|---------------------|-------|--------------|-----------|\n"));
    }

    #[test]
    fn tag_rows_align_with_the_seed() {
        let mut out = String::new();
        let t = TagStats {
            count: 15,
            live: 3,
            current: 4096,
            peak: 8192,
            total: 9000,
        };
        write_tag_table(&mut out, &[("game-state".into(), t)]);
        assert!(
            out.ends_with("| game-state          |    15 |        4096  |     8192  |\n"),
            "{out}"
        );
    }

    #[test]
    fn leak_lines_have_the_seeds_shape() {
        let script = AllocInfo::tagged(Tag::new("game-state"))
            .with_script(Some(ScriptLocation::new("player.swift", 42)));
        let rust = AllocInfo::here();
        let blocks = [
            (
                Subsystem::Objects,
                LiveBlock {
                    address: 0x1234_5678,
                    size: 200,
                    sequence: 0,
                    info: script,
                },
            ),
            (
                Subsystem::Vm,
                LiveBlock {
                    address: 0x8765_4321,
                    size: 150,
                    sequence: 1,
                    info: rust,
                },
            ),
        ];
        let report = leak_report(&blocks);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines[0], "=== MEMORY LEAKS DETECTED ===");
        assert_eq!(lines[1], "350 bytes leaked in 2 allocations");
        assert_eq!(
            lines[2],
            "  0x12345678: 200 bytes at player.swift:42 [game-state]"
        );
        assert!(
            lines[3].starts_with("  0x87654321: 150 bytes at src/alloc/report.rs:"),
            "{}",
            lines[3]
        );
        assert_eq!(leak_report(&[]), "=== No memory leaks detected ===\n");
    }

    #[test]
    fn json_parses_and_is_versioned() {
        let json: serde_json::Value = serde_json::from_str(&stats_json()).unwrap();
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["stats_available"], stats_available());
        if stats_available() {
            assert_eq!(
                json["subsystems"].as_array().map(Vec::len),
                Some(Subsystem::COUNT)
            );
            assert_eq!(json["subsystems"][0]["key"], "vm-core");
        }
    }
}
