//! `--mem-debug` on a program that leaks the same way many times (issue 14, item 22): 50,000
//! identical two-object cycles give a report of a few lines (each leak site once with a
//! count, the cycle shape once with its count), and making the report adds at most 10% to
//! the run's peak heap. The peak is the `--mem-stats=json` report's `heap_total.peak` (the
//! counting global allocator's), compared with the same run where a test build skips the
//! analysis and the report (`SWIFTLANG_TEST_NO_LEAK_REPORT=1`).

use std::process::{Command, Stdio};

const CYCLES: usize = 50_000;

/// A script making `CYCLES` two-object cycles in a loop and dropping every one.
fn script() -> String {
    format!(
        "class Owner {{\n    var pet: Pet?\n}}\n\
         class Pet {{\n    var owner: Owner?\n}}\n\
         var i = 0\n\
         while i < {CYCLES} {{\n    let o = Owner()\n    let p = Pet()\n    o.pet = p\n    p.owner = o\n    i += 1\n}}\n\
         print(\"made \\(i)\")\n"
    )
}

/// Runs the script with `--mem-debug --mem-stats=json`; returns the leak report (the text
/// before the JSON) and the JSON's peak heap.
fn run(path: &std::path::Path, skip_report: bool) -> (String, u64) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.args(["--mem-debug", "--mem-stats=json", "run"])
        .arg(path)
        .env("NO_COLOR", "1")
        .env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG")
        .env_remove("SWIFTLANG_TEST_NO_LEAK_REPORT")
        .stdin(Stdio::null());
    if skip_report {
        cmd.env("SWIFTLANG_TEST_NO_LEAK_REPORT", "1");
    }
    // `output` waits for the child: nothing is left running whatever the test does next.
    let out = cmd.output().expect("swiftlang runs");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("made {CYCLES}\n")
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json_at = stderr
        .find("\n{")
        .map(|i| i + 1)
        .or_else(|| stderr.starts_with('{').then_some(0))
        .unwrap_or_else(|| panic!("no JSON report in:\n{stderr}"));
    let json: serde_json::Value =
        serde_json::from_str(&stderr[json_at..]).expect("the statistics are JSON");
    let peak = json["heap_total"]["peak"]
        .as_u64()
        .unwrap_or_else(|| panic!("no heap_total.peak in {json}"));
    (stderr[..json_at].trim_end().to_string(), peak)
}

#[test]
fn identical_cycles_make_a_short_and_cheap_report() {
    if !cfg!(feature = "custom-allocators") || !cfg!(debug_assertions) {
        eprintln!("skipped: needs a test (debug) build with the custom allocators");
        return;
    }
    let path = std::env::temp_dir().join(format!("swiftlang-cycles-{}.swift", std::process::id()));
    std::fs::write(&path, script()).expect("the script is written");
    let with = run(&path, false);
    let without = run(&path, true);
    let _ = std::fs::remove_file(&path);

    let (report, peak) = with;
    let lines = report.lines().count();
    assert!(lines <= 20, "{lines} lines:\n{report}");
    assert!(
        report.contains(&format!("leaked in {} allocations", 2 * CYCLES)),
        "{report}"
    );
    assert!(
        report.contains(&format!("(and {} more like it: ", CYCLES - 1)),
        "{report}"
    );
    assert!(
        report.contains(&format!("=== Reference cycles ({CYCLES}) ===")),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "Owner ({file}:9) .pet -> Pet ({file}:10) .owner -> Owner\n",
            file = path.display()
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("  ({CYCLES} cycles of this shape)")),
        "{report}"
    );
    assert!(
        report.contains("hint: declare Pet.owner as `weak var owner: Owner?`"),
        "{report}"
    );

    let (skipped, base) = without;
    assert!(skipped.is_empty(), "the report was not skipped:\n{skipped}");
    assert!(
        peak <= base + base / 10,
        "the report raised the peak heap from {base} to {peak} bytes (more than 10%)"
    );
}
