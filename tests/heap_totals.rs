//! Honest totals: the report's "heap from the system" grand total agrees with valgrind's
//! "total heap usage" for the same run, within 1% or 4 KiB, whichever is larger.
//! Runs where valgrind is installed (`.ci/run` installs it); elsewhere it says it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

fn valgrind_available() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// `target/<profile>/examples/<name>`, next to this test's own binary in `deps/`.
fn example(name: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples").join(name);
    path.exists().then_some(path)
}

/// The number after `label` in the report's grand-total section.
fn report_total(report: &str) -> Option<u64> {
    let section = report
        .split("--- Total (heap from the system) ---")
        .nth(1)?;
    let line = section
        .lines()
        .find(|l| l.starts_with("Total Allocated:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// `total heap usage: 1,234 allocs, 1,200 frees, 56,789 bytes allocated` → 56789.
fn valgrind_total(log: &str) -> Option<u64> {
    let line = log.lines().find(|l| l.contains("total heap usage:"))?;
    let bytes = line.split("frees,").nth(1)?.split("bytes").next()?;
    bytes.trim().replace(',', "").parse().ok()
}

fn assert_close(report: u64, valgrind: u64) {
    let tolerance = (valgrind / 100).max(4096);
    assert!(
        report.abs_diff(valgrind) <= tolerance,
        "report says {report} bytes, valgrind says {valgrind} (tolerance {tolerance})"
    );
}

#[test]
fn stats_example_agrees_with_valgrind() {
    if !cfg!(feature = "custom-allocators") {
        eprintln!("skipped: statistics are off in this build");
        return;
    }
    if !valgrind_available() {
        eprintln!("skipped: valgrind is not installed");
        return;
    }
    let Some(bin) = example("stats") else {
        eprintln!("skipped: the stats example is not built");
        return;
    };
    let out = Command::new("valgrind")
        .args(["--tool=memcheck", "--error-exitcode=99"])
        .arg(&bin)
        .output()
        .expect("valgrind runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "valgrind failed: {stderr}");
    let report =
        report_total(&stdout).unwrap_or_else(|| panic!("no grand total in the report:\n{stdout}"));
    let valgrind = valgrind_total(&stderr)
        .unwrap_or_else(|| panic!("no heap summary from valgrind:\n{stderr}"));
    assert_close(report, valgrind);
}

#[test]
fn parsers_read_both_formats() {
    assert_eq!(
        valgrind_total("==1== total heap usage: 1,234 allocs, 1,200 frees, 56,789 bytes allocated"),
        Some(56_789)
    );
    let report = "--- Untracked ---\nTotal Allocated:  5 bytes\n\n--- Total (heap from the system) ---\nTotal Allocated:  123 bytes\n";
    assert_eq!(report_total(report), Some(123));
}

/// Runs `hello.swift` under valgrind with the statistics report in `format`; returns the
/// report's text and valgrind's total, or `None` when valgrind or the statistics are missing.
fn hello_under_valgrind(format: &str) -> Option<(String, u64)> {
    if !cfg!(feature = "custom-allocators") || !valgrind_available() {
        eprintln!("skipped: needs valgrind and the custom-allocators feature");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("swiftlang-heap-{format}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let report_path = dir.join("report.txt");
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("programs")
        .join("hello.swift");
    let out = Command::new("valgrind")
        .args(["--tool=memcheck", "--error-exitcode=99"])
        .arg(env!("CARGO_BIN_EXE_swiftlang"))
        .arg(format!("--mem-stats={format}"))
        .arg("--mem-stats-file")
        .arg(&report_path)
        .arg("run")
        .arg(&script)
        .output()
        .expect("valgrind runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "valgrind failed: {stderr}");
    let report = std::fs::read_to_string(&report_path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    let valgrind = valgrind_total(&stderr)
        .unwrap_or_else(|| panic!("no heap summary from valgrind:\n{stderr}"));
    Some((report, valgrind))
}

#[test]
fn a_script_run_agrees_with_valgrind() {
    let Some((report, valgrind)) = hello_under_valgrind("text") else {
        return;
    };
    let total =
        report_total(&report).unwrap_or_else(|| panic!("no grand total in the report:\n{report}"));
    assert_close(total, valgrind);
}

/// The JSON report's `heap_total.bytes` is as honest as the text report's grand total: it
/// allocates nothing after reading the counters.
#[test]
fn the_json_report_agrees_with_valgrind() {
    let Some((report, valgrind)) = hello_under_valgrind("json") else {
        return;
    };
    let json: serde_json::Value = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("the report is not JSON ({e}):\n{report}"));
    let total = json["heap_total"]["bytes"]
        .as_u64()
        .unwrap_or_else(|| panic!("no heap_total.bytes in the report:\n{report}"));
    assert_close(total, valgrind);
}
