//! The benchmark suite's checksums (issue 8): every `bench/programs/NAME.swift` runs at a small
//! size through `swiftlang run`, and its stdout must equal `bench/programs/NAME.small.out`.
//!
//! Each benchmark states its size on one line marked `// SIZE` (`let n = 32 // SIZE`); this
//! test replaces that line with the small size from `SMALL_SIZES` and runs the result from a
//! temporary file. The expected files were produced by the *Python* version of each benchmark
//! (`bench/programs/NAME.py`) at the same size, and the Lua version prints the same: Python is
//! the oracle, not swiftlang. `bench/compare.sh` (with `SIZES=small`) uses the same sizes, so
//! keep the two tables in step. Timings are never asserted here.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Benchmark name and the small value its `// SIZE` line gets.
const SMALL_SIZES: &[(&str, u64)] = &[
    ("fib", 15),
    ("loop", 1000),
    ("binarytrees", 4),
    ("nbody", 1000),
    ("spectralnorm", 10),
    ("strings", 1000),
    ("closures", 1000),
    ("methods", 1000),
    ("dict", 1000),
];

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("bench")
        .join("programs")
}

/// The source with its one `let n = ... // SIZE` line set to `size`.
fn with_size(name: &str, source: &str, size: u64) -> String {
    let marked: Vec<&str> = source
        .lines()
        .filter(|line| line.trim_end().ends_with("// SIZE"))
        .collect();
    assert_eq!(
        marked.len(),
        1,
        "{name}.swift: expected exactly one line ending in `// SIZE`, found {}",
        marked.len()
    );
    assert!(
        marked[0].starts_with("let n = "),
        "{name}.swift: the `// SIZE` line must read `let n = <number> // SIZE`, found `{}`",
        marked[0]
    );
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        if line.trim_end().ends_with("// SIZE") {
            out.push_str(&format!("let n = {size} // SIZE"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Runs one benchmark at its small size and compares stdout with `NAME.small.out`.
fn check(name: &str) {
    let size = SMALL_SIZES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .unwrap_or_else(|| panic!("no small size for benchmark {name}"));
    let dir = programs_dir();
    let source_path = dir.join(format!("{name}.swift"));
    let source = std::fs::read_to_string(&source_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source_path.display()));
    let expected_path = dir.join(format!("{name}.small.out"));
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", expected_path.display()));
    assert!(!expected.is_empty(), "{} is empty", expected_path.display());

    // One directory per test and process: tests run in parallel, and so may two `cargo test`s.
    let work = std::env::temp_dir().join(format!(
        "swiftlang-bench-checksums-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&work)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", work.display()));
    let script = work.join(format!("{name}.swift"));
    std::fs::write(&script, with_size(name, &source, size))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", script.display()));

    let output = Command::new(env!("CARGO_BIN_EXE_swiftlang"))
        .arg("run")
        .arg(&script)
        .env("NO_COLOR", "1")
        .env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{name}: could not run swiftlang: {e}"));
    let _ = std::fs::remove_dir_all(&work);

    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{name} (n = {size}) exited with {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status.code()
    );
    assert_eq!(
        stdout,
        expected,
        "{name} (n = {size}): stdout differs from {}\nstderr:\n{stderr}",
        expected_path.display()
    );
}

#[test]
fn every_benchmark_has_a_small_size_and_three_versions() {
    let dir = programs_dir();
    for (name, _) in SMALL_SIZES {
        for ext in ["swift", "lua", "py", "small.out"] {
            let path = dir.join(format!("{name}.{ext}"));
            assert!(path.is_file(), "missing {}", path.display());
        }
    }
}

#[test]
fn fib() {
    check("fib");
}

#[test]
fn loop_() {
    check("loop");
}

#[test]
fn binarytrees() {
    check("binarytrees");
}

#[test]
fn nbody() {
    check("nbody");
}

#[test]
fn spectralnorm() {
    check("spectralnorm");
}

#[test]
fn strings() {
    check("strings");
}

#[test]
fn closures() {
    check("closures");
}

#[test]
fn methods() {
    check("methods");
}

#[test]
fn dict() {
    check("dict");
}
