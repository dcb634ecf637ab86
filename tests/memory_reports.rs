//! Golden tests for every memory report shape: each `tests/memory/NAME.swift` runs as
//! `swiftlang FLAGS run NAME.swift` (FLAGS from `NAME.flags`, environment variables from
//! `NAME.env` as `KEY=VALUE` lines, standard input from `NAME.in` for the REPL), and its
//! stdout, stderr and exit status are compared with `NAME.out`, `NAME.err` and `NAME.code`
//! after normalising what varies from run to run: addresses always (`0xADDR`), and in the
//! statistics reports every non-zero number (`N`; zeros stay, so "Current Usage: 0 bytes
//! (reset after compilation)" is still checked).
//!
//! The program's own output is Swift's (deinit messages, prints); the reports' shape is the
//! seed's (`../shared/seed/allocator-system.md`) and the issue's.
//! `SNAPSHOTS=overwrite cargo test --test memory_reports` rewrites the expected files;
//! review every changed line.

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("memory")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// `0x55d0c1a2b600` → `0xADDR`.
fn normalize_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        if n == 0 {
            out.push_str("0x");
        } else {
            out.push_str("0xADDR");
        }
        rest = &after[n..];
    }
    out.push_str(rest);
    out
}

/// Every run of digits other than a lone `0` becomes `N`, except on lines naming a script
/// location (`file.swift:12`), whose line numbers are stable.
fn normalize_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.contains(".swift:") {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_digit() {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let word_before =
                    start > 0 && (chars[start - 1].is_alphabetic() || chars[start - 1] == '_');
                let run: String = chars[start..i].iter().collect();
                if run == "0" || word_before {
                    out.push_str(&run);
                } else {
                    out.push('N');
                }
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

struct Case {
    name: String,
    flags: Vec<String>,
    env: Vec<(String, String)>,
    repl: bool,
    numbers: bool,
}

fn case(script: &Path) -> Case {
    let stem = script
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let base = script.with_extension("");
    let flags: Vec<String> = read(&base.with_extension("flags"))
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let env: Vec<(String, String)> = read(&base.with_extension("env"))
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let source = read(script);
    let numbers = flags.iter().any(|f| f.starts_with("--mem-stats"))
        || env.iter().any(|(k, _)| k == "SWIFTLANG_MEM_STATS")
        || source.contains("memoryStats()");
    Case {
        repl: flags.iter().any(|f| f == "repl"),
        name: stem,
        flags,
        env,
        numbers,
    }
}

fn check(script: &Path, overwrite: bool) -> Vec<String> {
    let c = case(script);
    let file = format!("{}.swift", c.name);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.current_dir(dir())
        .env("NO_COLOR", "1")
        .env("SWIFTLANG_SEED", "42")
        .env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG");
    cmd.args(&c.flags);
    if c.repl {
        cmd.stdin(std::fs::File::open(script).map_or(std::process::Stdio::null(), Into::into));
    } else {
        cmd.args(["run", &file]).stdin(std::process::Stdio::null());
    }
    for (k, v) in &c.env {
        cmd.env(k, v);
    }
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) => return vec![format!("{}: could not run swiftlang: {e}", c.name)],
    };
    let normalize = |bytes: &[u8]| {
        let text = normalize_addresses(&String::from_utf8_lossy(bytes));
        if c.numbers {
            normalize_numbers(&text)
        } else {
            text
        }
    };
    let stdout = normalize(&out.stdout);
    let stderr = normalize(&out.stderr);
    let code = out.status.code().unwrap_or(-1);
    let base = dir().join(&c.name);
    let (out_path, err_path, code_path) = (
        base.with_extension("out"),
        base.with_extension("err"),
        base.with_extension("code"),
    );
    if overwrite {
        let _ = std::fs::write(&out_path, &stdout);
        let _ = std::fs::write(&err_path, &stderr);
        if code == 0 {
            let _ = std::fs::remove_file(&code_path);
        } else {
            let _ = std::fs::write(&code_path, format!("{code}\n"));
        }
        return Vec::new();
    }
    let mut problems = Vec::new();
    for (what, want, got) in [
        ("stdout", read(&out_path), &stdout),
        ("stderr", read(&err_path), &stderr),
    ] {
        if &want != got {
            problems.push(format!(
                "{}: {what} differs\n--- expected\n{want}--- actual\n{got}",
                c.name
            ));
        }
    }
    let want_code: i32 = read(&code_path).trim().parse().unwrap_or(0);
    if code != want_code {
        problems.push(format!(
            "{}: exit status {code}, expected {want_code}",
            c.name
        ));
    }
    problems
}

#[test]
fn memory_reports_match_their_expected_output() {
    if !cfg!(feature = "custom-allocators") {
        eprintln!("skipped: the reports need the custom-allocators feature");
        return;
    }
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let only = std::env::var("PROGRAM").ok();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/memory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "swift"))
        .filter(|p| {
            only.as_deref()
                .is_none_or(|o| p.file_stem().is_some_and(|s| s == o))
        })
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no memory report cases");
    let problems: Vec<String> = scripts.iter().flat_map(|s| check(s, overwrite)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn normalizers() {
    assert_eq!(
        normalize_addresses("  0x55d0c1a2b600: 48 bytes, 0x"),
        "  0xADDR: 48 bytes, 0x"
    );
    assert_eq!(
        normalize_numbers(
            "Total Allocated:  392 bytes\nCurrent Usage:    0 bytes\nat f.swift:12\nutf8 1.5\n"
        ),
        "Total Allocated:  N bytes\nCurrent Usage:    0 bytes\nat f.swift:12\nutf8 N\n"
    );
}

fn swiftlang(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.current_dir(dir())
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("swiftlang runs")
}

/// `--mem-stats=json` (and `SWIFTLANG_MEM_STATS=json`) write JSON that parses, carries its
/// schema version and has every subsystem, the heap total and the tags.
#[test]
fn json_report_parses_and_is_versioned() {
    if !cfg!(feature = "custom-allocators") {
        return;
    }
    for (args, env) in [
        (
            &["--mem-stats=json", "run", "stats_json.swift"][..],
            &[][..],
        ),
        (
            &["run", "stats_json.swift"][..],
            &[("SWIFTLANG_MEM_STATS", "json")][..],
        ),
    ] {
        let out = swiftlang(args, env);
        assert!(out.status.success());
        let json: serde_json::Value =
            serde_json::from_slice(&out.stderr).expect("the report is JSON");
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["subsystems"].as_array().map(Vec::len), Some(12));
        assert!(json["heap_total"]["bytes"].as_u64().unwrap_or(0) > 0);
        let tag = &json["tags"][0];
        assert_eq!(tag["tag"], "points");
        // Ten instances and the array's buffers were allocated under the tag.
        assert!(tag["count"].as_u64().unwrap_or(0) >= 10, "{tag}");
    }
}

/// `--mem-stats-file PATH` writes the report there and nothing to stderr.
#[test]
fn stats_file_receives_the_report() {
    if !cfg!(feature = "custom-allocators") {
        return;
    }
    let path = std::env::temp_dir().join(format!("swiftlang-stats-{}.txt", std::process::id()));
    let path_text = path.to_string_lossy().into_owned();
    let out = swiftlang(
        &["--mem-stats-file", &path_text, "run", "stats_text.swift"],
        &[],
    );
    let report = std::fs::read_to_string(&path).unwrap_or_default();
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10\n");
    assert!(
        report.starts_with("=== Memory Allocator Statistics ==="),
        "{report}"
    );
    assert!(report.contains("=== Allocation by Tag ==="));
    assert!(report.contains("Current Usage:    0 bytes (reset after compilation)"));
}

/// A block the interpreter itself leaks (test builds leak one on request) is reported under
/// its own heading with the Rust location, apart from the script's leaks.
#[test]
fn interpreter_leaks_are_reported_apart() {
    if !cfg!(feature = "custom-allocators") || !cfg!(debug_assertions) {
        eprintln!("skipped: needs a test (debug) build with the custom allocators");
        return;
    }
    let out = swiftlang(
        &["--mem-debug", "run", "no_leak_weak.swift"],
        &[("SWIFTLANG_TEST_INTERNAL_LEAK", "1")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert!(
        stderr.starts_with("=== No memory leaks detected ==="),
        "{stderr}"
    );
    let section = stderr
        .split("=== INTERPRETER LEAKS (a swiftlang bug: please report it) ===\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no interpreter-leak section:\n{stderr}"));
    assert!(section.starts_with("24 bytes in 1 allocation still allocated after teardown"));
    assert!(
        section.contains(": 24 bytes in VM Core at src/vm/leak_report.rs:"),
        "{section}"
    );
}

/// Without a leak on request, no run of the golden cases reports an interpreter leak.
#[test]
fn no_interpreter_leaks_in_the_cases() {
    for entry in std::fs::read_dir(dir())
        .expect("tests/memory exists")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "err") {
            let text = read(&path);
            assert!(
                !text.contains("INTERPRETER LEAKS"),
                "{}: {text}",
                path.display()
            );
        }
    }
}
