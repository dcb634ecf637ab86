//! Exit statuses (CLI.md; the BSD `sysexits.h` values clox uses too).

/// The process exit status of a `swiftlang` run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum ExitCode {
    /// Success.
    Success = 0,
    /// Usage error: unknown option, malformed `--mem-limit` (`EX_USAGE`).
    Usage = 64,
    /// Compile error (`EX_DATAERR`).
    Compile = 65,
    /// The script cannot be read: missing, a directory, not UTF-8 (`EX_NOINPUT`).
    NoInput = 66,
    /// Runtime trap, including a memory limit and a stack overflow (`EX_SOFTWARE`).
    Software = 70,
    /// Standard output could not be written (not a closed pipe: a full disk) (`EX_IOERR`).
    IoError = 74,
    /// Interrupted by SIGINT (128 + 2).
    Interrupted = 130,
    /// Terminated by SIGTERM (128 + 15).
    Terminated = 143,
}
