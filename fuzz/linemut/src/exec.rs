//! Runs one script through the `swiftlang` binary with a time limit and an address-space
//! cap, and classifies the outcome. A crash is: killed by a signal or an abort status (134,
//! 139), a Rust panic message, `internal error in swiftlang` on stderr, a failed host
//! allocation, or a run past the time limit. Everything else (0, 65, 70, ...) is fine.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a run ended.
pub struct Outcome {
    /// Exit status, or `None` when killed by a signal / timed out.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
    /// The first 64 KiB of stderr.
    pub stderr: String,
}

/// What to run: binary, options before `run`, and an optional stdin file.
pub struct Runner<'a> {
    pub bin: &'a Path,
    pub timeout: Duration,
    /// `ulimit -v` in KiB: runaway allocation past the `--mem-limit` caps ends in an
    /// allocation failure, not in the machine's OOM killer.
    pub vmem_kib: u64,
}

const STDERR_KEEP: usize = 64 << 10;

impl Runner<'_> {
    pub fn run(&self, script: &Path, flags: &[String], stdin: Option<&Path>) -> Outcome {
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c")
            .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", self.vmem_kib))
            .arg(self.bin)
            .args(flags)
            .arg("run")
            .arg(script)
            .env("NO_COLOR", "1")
            .env("SWIFTLANG_SEED", "42")
            .env_remove("SWIFTLANG_MEM_STATS")
            .env_remove("SWIFTLANG_MEM_DEBUG")
            .env_remove("SWIFTLANG_MEM_PROFILE")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        cmd.stdin(match stdin.and_then(|p| std::fs::File::open(p).ok()) {
            Some(f) => Stdio::from(f),
            None => Stdio::null(),
        });
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return Outcome {
                    code: None,
                    signal: None,
                    timed_out: false,
                    stderr: format!("linemut: cannot start {}: {e}", self.bin.display()),
                }
            }
        };
        // stderr is drained on a thread so that a chatty child never blocks on a full pipe.
        let reader = child.stderr.take().map(|mut err| {
            std::thread::spawn(move || {
                let mut kept = Vec::new();
                let mut buf = [0u8; 8192];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if kept.len() < STDERR_KEEP {
                        kept.extend_from_slice(&buf[..n.min(STDERR_KEEP - kept.len())]);
                    }
                }
                kept
            })
        });
        let start = Instant::now();
        let mut timed_out = false;
        let status = loop {
            match child.try_wait() {
                Ok(Some(s)) => break Some(s),
                Ok(None) if start.elapsed() > self.timeout => {
                    timed_out = true;
                    // SIGTERM first: the VM checks for it at every call and backward jump
                    // and exits 143, so a script's own endless loop ends by it; a hang
                    // anywhere else (compiler, a builtin, the host) does not.
                    let _ = Command::new("kill")
                        .args(["-TERM", &child.id().to_string()])
                        .stderr(Stdio::null())
                        .status();
                    let asked = Instant::now();
                    while asked.elapsed() < Duration::from_secs(2) {
                        if let Ok(Some(_)) = child.try_wait() {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    let _ = child.kill();
                    break child.wait().ok();
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(_) => break None,
            }
        };
        let stderr = reader
            .and_then(|r| r.join().ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        Outcome {
            code: status.and_then(|s| s.code()),
            signal: status.and_then(|s| s.signal()),
            timed_out,
            stderr,
        }
    }
}

/// The class of a run past the time limit that SIGTERM ended: the VM was running the
/// script's own endless loop. Reported, but not a crash.
pub const SCRIPT_LOOP: &str = "script-loop";

/// A crash's class and a signature that tells distinct bugs apart (digits and the script's
/// line numbers are normalised away). `None`: not a crash.
pub fn classify(o: &Outcome) -> Option<(&'static str, String)> {
    if o.timed_out {
        return Some(if o.code == Some(143) {
            (SCRIPT_LOOP, "script loop (ended by SIGTERM)".to_string())
        } else {
            ("hang", "hang (SIGTERM did not end it)".to_string())
        });
    }
    let err = &o.stderr;
    if let Some(at) = err.find("panicked at ") {
        // `thread 'main' panicked at src/x.rs:1:2:\nmessage`
        let rest = &err[at + "panicked at ".len()..];
        let mut parts = rest.lines();
        let loc = parts.next().unwrap_or("").trim_end_matches(':');
        let msg = parts.next().unwrap_or("");
        return Some(("panic", format!("panic at {loc}: {}", normalise(msg))));
    }
    if let Some(at) = err.find("internal error in swiftlang") {
        let line = err[at..].lines().next().unwrap_or("");
        return Some(("internal-error", normalise(line)));
    }
    if let Some(at) = err.find("memory allocation of") {
        let line = err[at..].lines().next().unwrap_or("");
        return Some(("alloc-failure", normalise(line)));
    }
    if err.contains("has overflowed its stack") {
        return Some(("host-stack-overflow", "host stack overflow".to_string()));
    }
    if let Some(sig) = o.signal {
        return Some(("signal", format!("killed by signal {sig}")));
    }
    match o.code {
        Some(c @ (134 | 139 | 101)) => Some(("signal", format!("exit status {c}"))),
        None => Some(("signal", "no exit status".to_string())),
        _ => None,
    }
}

/// Digits become `N`, so that one bug with different numbers is one signature.
fn normalise(s: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in s.chars().take(160) {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
        } else {
            out.push(c);
            last_digit = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(code: Option<i32>, signal: Option<i32>, stderr: &str) -> Outcome {
        Outcome {
            code,
            signal,
            timed_out: false,
            stderr: stderr.to_string(),
        }
    }

    #[test]
    fn traps_and_compile_errors_are_not_crashes() {
        let trap = "a.swift:3: Fatal error: Index out of range\n  at main (a.swift:3)\n";
        assert!(classify(&outcome(Some(70), None, trap)).is_none());
        assert!(classify(&outcome(Some(65), None, "a.swift:1:1: error: x\n")).is_none());
        assert!(classify(&outcome(Some(0), None, "")).is_none());
    }

    #[test]
    fn internal_errors_panics_and_signals_are_crashes() {
        let e = "a.swift:12: Fatal error: internal error in swiftlang: AddInt on Void\n";
        let (class, sig) = classify(&outcome(Some(70), None, e)).expect("crash");
        assert_eq!(class, "internal-error");
        assert_eq!(sig, "internal error in swiftlang: AddInt on Void");
        let p = "thread 'main' panicked at src/vm/x.rs:10:5:\ncapacity overflow\n";
        let (class, sig) = classify(&outcome(None, Some(6), p)).expect("crash");
        assert_eq!(class, "panic");
        assert_eq!(sig, "panic at src/vm/x.rs:10:5: capacity overflow");
        assert_eq!(
            classify(&outcome(None, Some(11), "")).expect("crash").0,
            "signal"
        );
        assert_eq!(
            classify(&outcome(Some(134), None, "")).expect("crash").0,
            "signal"
        );
        let mut hang = outcome(None, Some(9), "");
        hang.timed_out = true;
        assert_eq!(classify(&hang).expect("crash").0, "hang");
        let mut looping = outcome(Some(143), None, "");
        looping.timed_out = true;
        assert_eq!(classify(&looping).expect("class").0, SCRIPT_LOOP);
    }

    #[test]
    fn numbers_do_not_split_signatures() {
        assert_eq!(normalise("slot 123 out of 45"), "slot N out of N");
    }
}
