//! SIGINT and SIGTERM (CLI.md): the run stops with status 130 / 143, what the script printed
//! is flushed (at a terminal each line shows as it is printed), and the reports asked for
//! are printed. A pending `readLine()` is interrupted too.
#![cfg(unix)]

mod common;
use common::{script, swiftlang};
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::time::Duration;

use expectrl::{Eof, Expect, Session};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

/// Prints a line, then a line without its newline (held by the line buffer), then spins.
const SPIN: &str =
    "print(\"started\")\nprint(\"partial\", terminator: \"\")\nvar n = 0\nwhile true { n += 1 }\n";

/// Runs `SPIN` at a terminal; once its first line shows, sends `signal`; returns everything
/// the terminal showed and the exit status's debug form.
fn spin_at_a_terminal(name: &str, signal: Signal) -> (String, String) {
    let path = script("signals", name, SPIN);
    let mut cmd = swiftlang();
    cmd.arg("--mem-stats").arg("run").arg(&path);
    let mut p = Session::spawn(cmd).expect("spawn on a pty");
    p.set_expect_timeout(Some(Duration::from_secs(60)));
    // Line-buffered at a terminal: the first line shows while the loop runs.
    p.expect("started").expect("the first line shows at once");
    let pid = Pid::from_raw(p.get_process().pid().as_raw());
    kill(pid, signal).expect("send the signal");
    let rest = p.expect(Eof).expect("the run ends");
    let shown = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let status = format!("{:?}", p.get_process().wait().expect("wait"));
    (shown, status)
}

/// What `--mem-stats` prints first: the report, or without the custom-allocators feature
/// (CI runs the tests both ways) the notice that statistics are unavailable.
const STATS_HEADING: &str = if cfg!(feature = "custom-allocators") {
    "=== Memory Allocator Statistics ==="
} else {
    "Memory statistics are unavailable in this build"
};

#[test]
fn sigint_flushes_reports_and_exits_130() {
    let (shown, status) = spin_at_a_terminal("sigint.swift", Signal::SIGINT);
    assert!(
        status.ends_with(", 130)"),
        "status {status}; shown:\n{shown}"
    );
    assert!(shown.contains("partial"), "{shown}");
    assert!(shown.contains(STATS_HEADING), "{shown}");
    assert!(!shown.contains("Fatal error"), "{shown}");
}

#[test]
fn sigterm_flushes_reports_and_exits_143() {
    let (shown, status) = spin_at_a_terminal("sigterm.swift", Signal::SIGTERM);
    assert!(
        status.ends_with(", 143)"),
        "status {status}; shown:\n{shown}"
    );
    assert!(shown.contains("partial"), "{shown}");
    assert!(shown.contains(STATS_HEADING), "{shown}");
}

/// Output to a pipe is buffered; `readLine()` flushes it first, and SIGINT while it waits
/// ends the run (the read does not wait for Enter).
#[test]
fn sigint_interrupts_a_pending_read_line() {
    let path = script(
        "signals",
        "read.swift",
        "print(\"waiting\")\nlet line = readLine()\nprint(\"read \\(line ?? \"nil\")\")\n",
    );
    let mut child = swiftlang()
        .arg("--mem-stats")
        .arg("run")
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Kept open: the read waits.
    let stdin = child.stdin.take();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("the first line");
    assert_eq!(first, "waiting\n");
    let pid = Pid::from_raw(i32::try_from(child.id()).expect("pid"));
    kill(pid, Signal::SIGINT).expect("send SIGINT");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("the rest");
    let out = child.wait_with_output().expect("wait");
    drop(stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert_eq!(rest, "");
    assert!(stderr.contains(STATS_HEADING), "{stderr}");
}
