//! Golden tests: every `programs/NAME.swift` runs through `swiftlang run`, and its stdout,
//! stderr and exit status are compared byte for byte with `NAME.out`, `NAME.err` (absent
//! means empty) and `NAME.code` (absent means 0).
//!
//! `SNAPSHOTS=overwrite cargo test --test programs` rewrites the expected files from the
//! current output, for review in the diff: the expected output is what Swift prints, so
//! every changed line must be checked against Swift's documented behaviour before it is
//! committed. `PROGRAM=name` runs one program.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Runs one program; returns a description of every mismatch.
fn check(script: &Path, overwrite: bool) -> Vec<String> {
    let dir = script.parent().unwrap_or(Path::new("."));
    let name = script
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let stem = script
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let stdin_file = dir.join(format!("{stem}.in"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.current_dir(dir)
        .args(["run", &name])
        .env("NO_COLOR", "1")
        .env("SWIFTLANG_SEED", "42");
    cmd.env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG");
    cmd.stdin(match std::fs::File::open(&stdin_file) {
        Ok(f) => std::process::Stdio::from(f),
        Err(_) => std::process::Stdio::null(),
    });
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) => return vec![format!("{name}: could not run swiftlang: {e}")],
    };
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);
    let (out_path, err_path, code_path) = (
        dir.join(format!("{stem}.out")),
        dir.join(format!("{stem}.err")),
        dir.join(format!("{stem}.code")),
    );
    if overwrite {
        let write = |p: &Path, s: &str, keep_empty: bool| {
            if s.is_empty() && !keep_empty {
                let _ = std::fs::remove_file(p);
            } else {
                let _ = std::fs::write(p, s);
            }
        };
        write(&out_path, &stdout, true);
        write(&err_path, &stderr, false);
        write(
            &code_path,
            &if code == 0 {
                String::new()
            } else {
                format!("{code}\n")
            },
            false,
        );
        return Vec::new();
    }
    let mut problems = Vec::new();
    let want_out = read(&out_path);
    if stdout != want_out {
        problems.push(format!(
            "{name}: stdout differs\n{}",
            diff(&want_out, &stdout)
        ));
    }
    let want_err = read(&err_path);
    if stderr != want_err {
        problems.push(format!(
            "{name}: stderr differs\n{}",
            diff(&want_err, &stderr)
        ));
    }
    let want_code: i32 = read(&code_path).trim().parse().unwrap_or(0);
    if code != want_code {
        problems.push(format!("{name}: exit status {code}, expected {want_code}"));
    }
    problems
}

/// A small line diff: the first differing lines with context.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    let n = w.len().max(g.len());
    let mut shown = 0;
    for i in 0..n {
        let (a, b) = (w.get(i), g.get(i));
        if a != b {
            out.push_str(&format!(
                "  line {}:\n    expected: {}\n    actual:   {}\n",
                i + 1,
                a.unwrap_or(&"<none>"),
                b.unwrap_or(&"<none>")
            ));
            shown += 1;
            if shown >= 5 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    if out.is_empty() {
        out.push_str("  (whitespace or final newline differs)\n");
    }
    out
}

#[test]
fn programs_match_their_expected_output() {
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let only = std::env::var("PROGRAM").ok();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "swift"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    if let Some(only) = &only {
        scripts.retain(|p| p.file_stem().is_some_and(|s| s == only.as_str()));
    }
    assert!(!scripts.is_empty(), "no programs found");
    let mut problems = Vec::new();
    for s in &scripts {
        problems.extend(check(s, overwrite));
    }
    println!(
        "{} programs checked, {} problems",
        scripts.len(),
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} of {} programs differ:\n{}",
        problems.len(),
        scripts.len(),
        problems.join("\n")
    );
}
