//! Standard output's failure modes (CLI.md): a closed pipe ends the run quietly with status 0;
//! any other write error (stdout on `/dev/full`) is reported on stderr and exits 74.

mod common;
use common::{script, swiftlang};
use std::process::Stdio;

fn dev_full() -> Option<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()
}

#[test]
fn a_full_disk_is_reported_with_status_74() {
    let Some(full) = dev_full() else { return };
    let path = script("output", "full.swift", "print(\"hello\")\nprint(1 + 2)\n");
    let out = swiftlang()
        .arg("run")
        .arg(&path)
        .stdout(Stdio::from(full))
        .output()
        .expect("run swiftlang");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(74), "stderr: {stderr}");
    assert!(
        stderr.starts_with("error: cannot write to standard output: "),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

#[test]
fn a_full_disk_ends_the_piped_repl_with_status_74() {
    let Some(full) = dev_full() else { return };
    let mut child = swiftlang()
        .stdin(Stdio::piped())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .spawn()
        .expect("run swiftlang");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        let _ = stdin.write_all(b"print(\"a\")\nprint(\"b\")\n");
    }
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(74), "stderr: {stderr}");
    assert!(
        stderr.contains("error: cannot write to standard output: "),
        "stderr: {stderr}"
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    // Far more output than a pipe holds; the reader takes one line and closes its end.
    let path = script(
        "output",
        "pipe.swift",
        "for i in 0..<200000 { print(\"line \\(i)\") }\n",
    );
    let mut child = swiftlang()
        .arg("run")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run swiftlang");
    {
        use std::io::BufRead;
        let stdout = child.stdout.take().expect("stdout");
        let mut first = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut first);
        assert_eq!(first, "line 0\n");
    }
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

/// A script larger than 16 MiB is refused before it is read to its end (`/dev/zero` has
/// none): exit 66 (CLI.md).
#[test]
fn a_script_over_16_mib_is_refused() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = swiftlang()
        .args(["run", "/dev/zero"])
        .output()
        .expect("run swiftlang");
    assert_eq!(out.status.code(), Some(66));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: script is larger than 16 MiB\n"
    );
}
