//! The `swiftlang` command line (`../shared/CLI.md` is the contract): parsing with clap,
//! exit codes, and the memory flags. The binary (`src/main.rs`) is a thin shell over
//! [`main_with_args`].
#![forbid(unsafe_code)]

mod args;
mod exit;
mod mem_flags;

pub use args::{Cli, Command, MemStatsFormat};
pub use exit::ExitCode;
pub use mem_flags::{parse_mem_limits, parse_size, MemoryOptions};

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

/// Parses `args` (the first is the program name), runs the command, and returns the exit
/// status. Never panics on bad input: usage errors are status 64.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args::normalize(args.into_iter().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { ExitCode::Usage } else { ExitCode::Success };
            let _ = e.print();
            return code as i32;
        }
    };
    let memory = match MemoryOptions::from_cli(&cli) {
        Ok(m) => m,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}\n\nUsage: {}", args::USAGE);
            return ExitCode::Usage as i32;
        }
    };
    if let Err(message) = memory.install() {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        return ExitCode::Usage as i32;
    }
    let status = run_command(&cli);
    if let Err(message) = memory.report_at_exit() {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        if status == ExitCode::Success {
            return ExitCode::Software as i32;
        }
    }
    status as i32
}

fn run_command(cli: &Cli) -> ExitCode {
    match cli.script_and_args() {
        Some((script, _args)) => run_script(script),
        None => {
            let _ = writeln!(std::io::stderr(), "swiftlang: the REPL is not built yet; run a script with `swiftlang run SCRIPT.swift`");
            ExitCode::Usage
        }
    }
}

fn run_script(path: &std::path::Path) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: cannot read '{}': {}", path.display(), describe_io(&e));
            return ExitCode::NoInput;
        }
    };
    if std::str::from_utf8(&source).is_err() {
        let _ = writeln!(std::io::stderr(), "error: '{}' is not valid UTF-8", path.display());
        return ExitCode::NoInput;
    }
    let _ = writeln!(std::io::stderr(), "swiftlang: the interpreter is not built yet; only the allocator system is");
    ExitCode::Software
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
