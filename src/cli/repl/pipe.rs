//! The REPL over input that is not a terminal (a pipe, a file): no prompts, no line editing.
//! Lines are gathered into entries exactly as the terminal's continuation prompt gathers
//! them, and each entry is evaluated and echoed as at the terminal. This is how CI tests the
//! REPL.
#![forbid(unsafe_code)]

use std::io::Write;

use super::input::{is_blank, is_complete};
use super::{Outcome, Session};
use crate::cli::ExitCode;

/// Reads one line (with its `\n`, if any) into the buffer; 0 bytes read is the end.
pub type ReadLine<'a> = dyn FnMut(&mut Vec<u8>) -> std::io::Result<usize> + 'a;

/// Evaluates the input entry by entry until its end or `:quit`. The status is 0, or with
/// `fail_fast` that of the first error (65 compile error, 70 trap), where reading stops.
pub fn run_pipe(
    session: &mut Session,
    read: &mut ReadLine<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    fail_fast: bool,
) -> ExitCode {
    let mut entry = String::new();
    let mut raw = Vec::new();
    loop {
        raw.clear();
        let line = match read(&mut raw) {
            Ok(0) => None,
            Ok(_) => Some(String::from_utf8(std::mem::take(&mut raw))),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = writeln!(err, "error: cannot read the input: {e}");
                None
            }
        };
        let Some(line) = line else {
            // The end of the input: an unfinished entry is evaluated as it is (the compiler
            // says what is missing).
            if !is_blank(&entry) {
                let outcome = session.submit(&entry, out, err);
                if let Some(status) = stop(outcome, fail_fast) {
                    return status;
                }
            }
            return ExitCode::Success;
        };
        let mut line = match line {
            Ok(text) => text,
            Err(_) => {
                let _ = out.flush();
                let _ = writeln!(
                    err,
                    "error: line {} of the input is not valid UTF-8; it was skipped",
                    session.next_line()
                );
                session.skip_lines(1);
                if fail_fast {
                    return ExitCode::Compile;
                }
                continue;
            }
        };
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        if entry.is_empty() && is_blank(&line) {
            session.skip_lines(1);
            continue;
        }
        if !entry.is_empty() {
            entry.push('\n');
        }
        entry.push_str(&line);
        let command = entry.trim_start().starts_with(':');
        if command || is_complete(&entry) {
            let outcome = session.submit(&entry, out, err);
            entry.clear();
            if let Some(status) = stop(outcome, fail_fast) {
                return status;
            }
        }
    }
}

/// Whether to stop after an entry, and with which status.
fn stop(outcome: Outcome, fail_fast: bool) -> Option<ExitCode> {
    match outcome {
        Outcome::Quit | Outcome::OutputClosed => Some(ExitCode::Success),
        Outcome::OutputFailed => Some(ExitCode::IoError),
        Outcome::Signal(status) => Some(status),
        _ if fail_fast => outcome.failure_status(),
        _ => None,
    }
}
