//! The REPL's `:` commands: `:help`, `:quit`, `:mem` (with `snapshot` and `diff`), `:leaks`,
//! `:reset`. Reports are the allocator system's own (`alloc::report`); `:mem diff` compares
//! the registry's counters and the tag table with a snapshot taken earlier.
#![forbid(unsafe_code)]

use std::fmt::Write as _;

use crate::alloc::global::{self, HeapSnapshot};
use crate::alloc::stats::{tag_stats, TagStats};
use crate::alloc::{registry, report, AllocatorKind, Stats, Subsystem};

/// The text `:help` prints.
pub const HELP: &str = "\
Type SwiftLang code to evaluate it; declarations persist from entry to entry, and the
value of an expression is kept as $R0, $R1, ... A line ending inside braces, brackets or
parentheses, after a binary operator, or inside a \"\"\" string continues on the next line.

Commands:
  :help            show this help
  :quit            leave the REPL (Ctrl-D does too)
  :mem             the memory statistics report now
  :mem snapshot    remember the allocator counters
  :mem diff        what grew since the snapshot, per subsystem and per tag
  :leaks           what only reference cycles keep alive now, and the cycles (needs --mem-debug)
  :reset           forget every declaration and start a fresh session

Keys: Ctrl-C cancels the current input (or stops code that runs), Ctrl-D on an empty line
exits, Up/Down recall earlier entries (history is kept in the user's data directory).
";

/// A parsed `:` command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `:help`
    Help,
    /// `:quit`
    Quit,
    /// `:mem`
    Mem,
    /// `:mem snapshot`
    MemSnapshot,
    /// `:mem diff`
    MemDiff,
    /// `:leaks`
    Leaks,
    /// `:reset`
    Reset,
    /// Anything else: the message to show.
    Unknown(String),
}

/// Parses a line starting with `:` (leading and trailing whitespace ignored).
pub fn parse(line: &str) -> Option<Command> {
    let rest = line.trim().strip_prefix(':')?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    Some(match words.as_slice() {
        ["help" | "h" | "?"] => Command::Help,
        // `:quit` followed by anything (`:quit now`) still leaves.
        ["quit" | "q" | "exit", ..] => Command::Quit,
        ["mem"] => Command::Mem,
        ["mem", "snapshot"] => Command::MemSnapshot,
        ["mem", "diff"] => Command::MemDiff,
        ["mem", other, ..] => Command::Unknown(format!(
            "unknown :mem subcommand '{other}': use :mem, :mem snapshot or :mem diff"
        )),
        ["leaks"] => Command::Leaks,
        ["reset"] => Command::Reset,
        [] => Command::Unknown("expected a command after ':'; type :help for the list".to_string()),
        [name, ..] => Command::Unknown(format!(
            "unknown command ':{name}'; type :help for the list"
        )),
    })
}

/// The allocator counters at one moment.
#[derive(Clone, Debug)]
pub struct MemSnapshot {
    subsystems: Vec<(Subsystem, AllocatorKind, Stats)>,
    tags: Vec<(String, TagStats)>,
    heap: Option<HeapSnapshot>,
}

impl MemSnapshot {
    /// Reads the counters now.
    pub fn take() -> MemSnapshot {
        MemSnapshot {
            subsystems: registry::snapshot(),
            tags: tag_stats(),
            heap: global::is_installed().then(global::heap_snapshot),
        }
    }
}

/// The statistics report (`:mem`).
pub fn mem_report() -> String {
    report::stats_text()
}

/// Whether `:leaks` can report: `Err` says why not (leak tracking is off).
pub fn leak_report() -> Result<(), String> {
    if !registry::is_debug() || !crate::vm::tracking::enabled() {
        return Err("Leak tracking is off: start the REPL with --mem-debug (or SWIFTLANG_MEM_DEBUG=1) to record \
                every allocation.\n"
            .to_string());
    }
    if !registry::stats_available() {
        return Err(format!("{}\n", report::UNAVAILABLE));
    }
    Ok(())
}

fn signed(n: i128) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

fn delta(now: u64, then: u64) -> i128 {
    i128::from(now) - i128::from(then)
}

/// What changed between `before` and now (`:mem diff`): per subsystem the change in current
/// usage, bytes allocated, allocation calls and memory held from the system; per tag the
/// change in live bytes and allocations; and the process heap.
pub fn mem_diff(before: &MemSnapshot) -> String {
    if !registry::stats_available() {
        return format!("{}\n", report::UNAVAILABLE);
    }
    let now = MemSnapshot::take();
    let mut out = String::from("=== Memory since the snapshot ===\n");
    out.push_str(
        "| Subsystem | Current Usage | Total Allocated | Allocations | Held from System |\n",
    );
    out.push_str(
        "|-----------|---------------|-----------------|-------------|------------------|\n",
    );
    let mut any = false;
    for (s, _, stats) in &now.subsystems {
        let then = before
            .subsystems
            .iter()
            .find(|(b, _, _)| b == s)
            .map(|(_, _, st)| *st)
            .unwrap_or_default();
        let row = [
            delta(stats.current, then.current),
            delta(stats.total_allocated, then.total_allocated),
            delta(stats.allocations, then.allocations),
            delta(stats.footprint, then.footprint),
        ];
        if row.iter().all(|d| *d == 0) {
            continue;
        }
        any = true;
        let _ = writeln!(
            out,
            "| {:<9} | {:>13} | {:>15} | {:>11} | {:>16} |",
            s.name(),
            signed(row[0]),
            signed(row[1]),
            signed(row[2]),
            signed(row[3])
        );
    }
    if !any {
        out.push_str("(no subsystem changed)\n");
    }
    out.push_str("\n=== Tags since the snapshot ===\n");
    let mut tags_changed = false;
    for (name, t) in &now.tags {
        let then = before
            .tags
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| *s)
            .unwrap_or_default();
        let (count, current) = (delta(t.count, then.count), delta(t.current, then.current));
        if count == 0 && current == 0 {
            continue;
        }
        tags_changed = true;
        let _ = writeln!(
            out,
            "{name}: {} bytes live, {} allocations",
            signed(current),
            signed(count)
        );
    }
    if !tags_changed {
        out.push_str("(no tag changed)\n");
    }
    if let (Some(then), Some(heap)) = (&before.heap, &now.heap) {
        let _ = writeln!(
            out,
            "\nHeap from the system: {} bytes live, {} bytes allocated in {} allocations",
            signed(delta(heap.current, then.current)),
            signed(delta(heap.total().bytes, then.total().bytes)),
            signed(delta(heap.total().allocations, then.total().allocations))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse(":help"), Some(Command::Help));
        assert_eq!(parse("  :mem   snapshot "), Some(Command::MemSnapshot));
        assert_eq!(parse(":mem diff"), Some(Command::MemDiff));
        assert_eq!(parse(":q"), Some(Command::Quit));
        assert!(matches!(parse(":mem bogus"), Some(Command::Unknown(m)) if m.contains("'bogus'")));
        assert!(matches!(parse(":frob"), Some(Command::Unknown(m)) if m.contains("':frob'")));
        assert!(matches!(parse(":"), Some(Command::Unknown(_))));
        assert_eq!(parse("let x = 1"), None);
    }

    #[test]
    fn diff_of_nothing() {
        let snap = MemSnapshot::take();
        let text = mem_diff(&snap);
        if !registry::stats_available() {
            assert!(text.contains("unavailable"), "{text}");
            return;
        }
        assert!(
            text.starts_with("=== Memory since the snapshot ===\n"),
            "{text}"
        );
        assert!(text.contains("=== Tags since the snapshot ==="), "{text}");
    }
}
