//! A compilation's peak heap is bounded by its script's size (issue 14, item 20): compiling a
//! generated 1 MB script takes at most 40 bytes from the system per source byte at its peak
//! (it took about 170 when the lexer's token vectors grew by doubling inside a bump arena,
//! the parser copied the token buffer, and every phase's arena lived to the end).
//!
//! The count is the project's own: this test binary installs the counting global allocator,
//! as the `swiftlang` binary does, whose peak is what `--mem-stats` reports as the "heap from
//! the system" peak (and what valgrind's massif measures, within a few percent). The second
//! test reads that report from the binary itself.

mod common;

use std::sync::Mutex;

use common::{generated_script, script, swiftlang};
use swiftlang::alloc::global::{self, heap_snapshot, restart_peak, CountingAlloc};
use swiftlang::driver::compile_source;
use swiftlang::vm::module::Module;

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// The script's size.
const SCRIPT_BYTES: usize = 1_000_000;

/// The most heap a compilation may take at its peak, per source byte.
const BYTES_PER_SOURCE_BYTE: u64 = 40;

/// The tests run one at a time: the peak is exact only while one thread allocates.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

#[test]
fn compiling_a_megabyte_script_peaks_at_most_40_bytes_per_source_byte() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    assert!(global::is_installed(), "the counting allocator counts");
    let source = generated_script(SCRIPT_BYTES);
    let mut module = Module::new("big.swift");
    restart_peak();
    let before = heap_snapshot().current;
    compile_source(&mut module, &source).expect("compiles");
    let peak = heap_snapshot().peak - before;
    let size = source.len() as u64;
    assert!(
        peak <= BYTES_PER_SOURCE_BYTE * size,
        "compiling {size} bytes took {peak} bytes at the peak ({:.1} per source byte)",
        peak as f64 / size as f64
    );
    drop(module);
}

/// The same bound for the whole run of the binary (reading the file, compiling, running), as
/// `--mem-stats` reports it.
#[test]
fn the_binary_running_a_megabyte_script_peaks_at_most_40_bytes_per_source_byte() {
    if !cfg!(feature = "custom-allocators") {
        eprintln!("skipped: the report is unavailable in this build");
        return;
    }
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let source = generated_script(SCRIPT_BYTES);
    let path = script("compile-peak", "big.swift", &source);
    let report = path.with_file_name("report.txt");
    let out = swiftlang()
        .arg("--mem-stats")
        .arg("--mem-stats-file")
        .arg(&report)
        .arg("run")
        .arg(&path)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout, "done\n");
    let text = std::fs::read_to_string(&report).expect("the report is written");
    let _ = std::fs::remove_dir_all(path.parent().expect("a directory"));
    let peak = heap_peak(&text).unwrap_or_else(|| panic!("no heap peak in the report:\n{text}"));
    let size = source.len() as u64;
    assert!(
        peak <= BYTES_PER_SOURCE_BYTE * size,
        "running {size} bytes took {peak} bytes at the peak ({:.1} per source byte)",
        peak as f64 / size as f64
    );
}

/// The "Peak Usage" of the report's grand-total section.
fn heap_peak(report: &str) -> Option<u64> {
    let section = report
        .split("--- Total (heap from the system) ---")
        .nth(1)?;
    let line = section.lines().find(|l| l.starts_with("Peak Usage:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

#[test]
fn the_report_parser_reads_the_peak() {
    let report = "--- Untracked ---\nTotal Allocated:  5 bytes\n\n--- Total (heap from the system) ---\nTotal Allocated:  123 bytes\nCurrent Usage:    7 bytes\nPeak Usage:       99 bytes\n";
    assert_eq!(heap_peak(report), Some(99));
}
