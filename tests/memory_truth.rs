//! Memory that tells the truth: a script's data is counted in the subsystem that owns it,
//! through that subsystem's allocator, and the numbers are checked against bytes each test
//! computes itself (not against what swiftlang printed before).
//!
//! - Strings are one Objects block each (16-byte header + UTF-8); arrays', tuples' and
//!   dictionaries' buffers are Objects' too, so a memory tag around a loop sees them.
//! - The value stack and call frames are VM Core's: a deep recursion raises its peak.
//! - The Objects budget stops a runaway collection (the goldens `budget_runaway_*` in
//!   `tests/memory/` check the trap's text).

mod common;

use common::{script, swiftlang};
use serde_json::Value as Json;

/// Runs `text` with `--mem-stats=json` and returns the report (stderr) parsed.
fn mem_stats(name: &str, text: &str) -> Json {
    let path = script("memory-truth", name, text);
    let out = swiftlang()
        .args(["run", "--mem-stats=json"])
        .arg(&path)
        .output()
        .expect("run swiftlang");
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stderr).expect("the report is JSON")
}

fn subsystem<'a>(report: &'a Json, key: &str) -> &'a Json {
    report["subsystems"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["key"] == key))
        .unwrap_or_else(|| panic!("no subsystem {key} in the report"))
}

fn number(v: &Json) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn stats_available(report: &Json) -> bool {
    report["stats_available"].as_bool() == Some(true)
}

/// Swift's `Array` growth here: capacity doubles from 4 (`allocator_api2`'s first capacity
/// for 16-byte elements), so `n` appends leave the smallest such power of two at least `n`.
fn array_capacity_after_appends(n: u64) -> u64 {
    let mut cap = 4;
    while cap < n {
        cap *= 2;
    }
    cap
}

#[test]
fn a_tag_around_a_loop_counts_the_strings_bytes_and_the_array_buffer() {
    const COUNT: u64 = 10_000;
    const LENGTH: u64 = 36;
    // Six digits then thirty `x`: 36 ASCII characters, 36 bytes.
    let report = mem_stats(
        "tag_strings.swift",
        &format!(
            r#"var ids: [String] = []
withMemoryTag("big") {{
    for i in 0..<{COUNT} {{
        ids.append("\(i + 100000)" + String(repeating: "x", count: 30))
    }}
}}
print(ids.count, ids[0].count)
"#
        ),
    );
    if !stats_available(&report) {
        return;
    }
    let tag = report["tags"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["tag"] == "big"))
        .expect("the tag is reported");
    let value_size = 16;
    let b = COUNT * LENGTH + array_capacity_after_appends(COUNT) * value_size;
    let peak = number(&tag["peak"]);
    assert!(
        (b..=b + b / 2).contains(&peak),
        "tag peak {peak} should be within [B, 1.5 B], B = {b}"
    );
}

#[test]
fn objects_total_holds_every_string_byte_the_script_built() {
    // The strings benchmark's shape at a small size: pieces built by interpolation and
    // concatenation, appended to one result.
    let n: u64 = 2_000;
    let report = mem_stats(
        "strings_total.swift",
        &format!(
            r#"var s = ""
for i in 0..<{n} {{
    let piece = "<\(i):\(i % 7)>" + String(i * 3) + ","
    s += piece
}}
print(s.count)
"#
        ),
    );
    if !stats_available(&report) {
        return;
    }
    // Each piece's bytes exist at least once (the result holds them all).
    let pieces: u64 = (0..n)
        .map(|i| format!("<{i}:{}>{},", i % 7, i * 3).len() as u64)
        .sum();
    let objects = subsystem(&report, "objects");
    let total = number(&objects["total_allocated"]);
    assert!(
        total >= 2 * pieces,
        "Objects allocated {total} bytes; the pieces alone are {pieces} bytes, and the result \
         string holds them again"
    );
    // Strings holds the module's literals and names, not the script's strings.
    let strings = subsystem(&report, "strings");
    assert!(number(&strings["current"]) < pieces);
}

#[test]
fn deep_recursion_raises_vm_core_peak_by_its_frames() {
    let program = |depth: u32| {
        format!(
            "func depth(_ n: Int) -> Int {{\n    if n == 0 {{ return 0 }}\n    return depth(n - 1) + 1\n}}\nprint(depth({depth}))\n"
        )
    };
    let shallow = mem_stats("recursion_10.swift", &program(10));
    let deep = mem_stats("recursion_10000.swift", &program(10_000));
    if !stats_available(&deep) {
        return;
    }
    let peak = |r: &Json| number(&subsystem(r, "vm-core")["peak"]);
    // A frame holds at least its argument (one 16-byte value) and its record (function,
    // return position, base, closure: 32 bytes).
    let frame = 16 + 32;
    let grew = peak(&deep).saturating_sub(peak(&shallow));
    assert!(
        grew >= 10_000 * frame,
        "VM Core's peak grew {grew} bytes for 10,000 more frames of at least {frame} bytes"
    );
    assert_eq!(
        number(&subsystem(&deep, "vm-core")["current"]),
        0,
        "freed at teardown"
    );
}

#[test]
fn dictionary_and_array_storage_are_objects_bytes() {
    let n: u64 = 5_000;
    let report = mem_stats(
        "dict_storage.swift",
        &format!(
            "var d: [Int: [Int]] = [:]\nfor i in 0..<{n} {{ d[i] = [i, i + 1, i + 2] }}\nprint(d.count)\n"
        ),
    );
    if !stats_available(&report) {
        return;
    }
    // Every entry's array holds 3 values of 16 bytes, and the table an entry of two values.
    let at_least = n * (3 * 16 + 2 * 16);
    let objects = subsystem(&report, "objects");
    assert!(number(&objects["peak"]) >= at_least);
    assert_eq!(number(&objects["current"]), 0, "all freed at exit");
}
