//! The `swiftlang` command line (`../shared/CLI.md` is the contract): parsing with clap,
//! exit codes, and the memory flags. The binary (`src/main.rs`) is a thin shell over
//! [`main_with_args`].
#![forbid(unsafe_code)]

mod args;
mod exit;
mod mem_flags;
pub mod repl;
pub mod signals;

pub use args::{Cli, Command, MemStatsFormat};
pub use exit::ExitCode;
pub use mem_flags::{parse_mem_limits, parse_size, MemoryOptions};

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

use crate::vm::leak_report::{analyse_at_exit, ExitAnalysis};

/// Parses `args` (the first is the program name), runs the command, and returns the exit
/// status. Never panics on bad input: usage errors are status 64.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args::normalize(args.into_iter().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Success
            };
            let _ = e.print();
            return code as i32;
        }
    };
    let memory = match MemoryOptions::from_cli(&cli) {
        Ok(m) => m,
        Err(message) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: {message}\n\nUsage: {}",
                args::USAGE
            );
            return ExitCode::Usage as i32;
        }
    };
    if let Err(message) = memory.install() {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        return ExitCode::Usage as i32;
    }
    if memory.debug {
        crate::vm::tracking::set_enabled(true);
    }
    let mut heap = None;
    let status = run_command(&cli, &mut heap);
    if let Err(message) = memory.report_at_exit(heap) {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        if status == ExitCode::Success {
            return ExitCode::Software as i32;
        }
    }
    status as i32
}

/// Runs the command; with `--mem-debug` it leaves in `heap` the object graph at exit.
fn run_command(cli: &Cli, heap: &mut Option<ExitAnalysis>) -> ExitCode {
    match cli.script_and_args() {
        Some((script, _args)) => run_script(script, cli, heap),
        None => {
            let options = repl::Options {
                seed: cli.seed,
                color: color(),
                dump_bytecode: cli.dump_bytecode,
            };
            repl::run(options, cli.fail_fast, heap)
        }
    }
}

/// Whether diagnostics should be colored: stderr is a terminal and NO_COLOR is unset.
fn color() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn run_script(path: &std::path::Path, cli: &Cli, heap: &mut Option<ExitAnalysis>) -> ExitCode {
    let source = match read_script(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let _ = writeln!(std::io::stderr(), "error: script is larger than 16 MiB");
            return ExitCode::NoInput;
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot read '{}': {}",
                path.display(),
                describe_io(&e)
            );
            return ExitCode::NoInput;
        }
    };
    let Ok(source) = String::from_utf8(source) else {
        let _ = writeln!(
            std::io::stderr(),
            "error: '{}' is not valid UTF-8",
            path.display()
        );
        return ExitCode::NoInput;
    };
    // A UTF-8 byte-order mark is not part of the program (swiftc skips it too).
    let source = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    let file = path.display().to_string();
    let mut module = crate::vm::module::Module::new(&file);
    let entry = match crate::driver::compile_source(&mut module, &source) {
        Ok(entry) => {
            let warnings = std::mem::take(&mut module.env.warnings);
            if !warnings.is_empty() {
                let text = crate::diag::render(&warnings, &file, &source, color());
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
            entry
        }
        Err(diagnostics) => {
            let text = crate::diag::render(&diagnostics, &file, &source, color());
            let _ = std::io::stderr().write_all(text.as_bytes());
            // A memory limit in any phase is status 70 (CLI.md).
            if diagnostics
                .iter()
                .any(crate::diag::Diagnostic::is_memory_limit)
            {
                return ExitCode::Software;
            }
            return ExitCode::Compile;
        }
    };
    if cli.dump_bytecode {
        let text = crate::compile::disasm::disassemble(&module, entry as usize);
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    let status = {
        let _scope = crate::alloc::global::SubsystemScope::enter(crate::alloc::Subsystem::Vm);
        let mut vm = crate::vm::Vm::new(&module, script_output(), cli.seed);
        vm.set_input(Box::new(std::io::BufReader::new(
            signals::InterruptibleStdin,
        )));
        let result = vm.run(entry);
        let signal = signals::received();
        let status = match (signal, result) {
            // SIGINT/SIGTERM: what the script printed is kept, and no trap is shown.
            (Some(status), _) => {
                let _ = vm.flush();
                status
            }
            (None, Ok(())) => ExitCode::Success,
            (None, Err(crate::vm::interp::Stop::OutputClosed)) => ExitCode::Success,
            (None, Err(crate::vm::interp::Stop::OutputFailed(e))) => report_write_error(&e),
            (None, Err(crate::vm::interp::Stop::Trap(trap))) => {
                let _ = vm.flush();
                let _ = std::io::stderr().write_all(trap.render(&file).as_bytes());
                ExitCode::Software
            }
        };
        #[cfg(debug_assertions)]
        crate::vm::leak_report::leak_for_test();
        if crate::vm::tracking::enabled() {
            *heap = Some(analyse_at_exit(
                &module,
                &vm.roots(),
                matches!(
                    status,
                    ExitCode::Software | ExitCode::Interrupted | ExitCode::Terminated
                ),
            ));
        }
        status
    };
    status
}

/// The largest script `run` accepts (CLI.md): compiling takes a few hundred bytes of heap
/// per source byte, and `/dev/zero` never ends.
pub const MAX_SCRIPT_BYTES: u64 = 16 << 20;

/// Reads a script; `None` when it is larger than [`MAX_SCRIPT_BYTES`] (found without
/// reading more than one byte past the limit).
fn read_script(path: &std::path::Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(std::io::ErrorKind::IsADirectory.into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_SCRIPT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_SCRIPT_BYTES).then_some(bytes))
}

/// Where the script's output goes: line-buffered at a terminal (each line shows as it is
/// printed), else through a 64 KiB buffer.
fn script_output() -> Box<dyn Write> {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        Box::new(std::io::LineWriter::new(stdout.lock()))
    } else {
        Box::new(std::io::BufWriter::with_capacity(64 * 1024, stdout.lock()))
    }
}

/// A write error on standard output other than a closed pipe: said on stderr, status 74.
pub(crate) fn report_write_error(e: &std::io::Error) -> ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "error: cannot write to standard output: {}",
        describe_io(e)
    );
    ExitCode::IoError
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
