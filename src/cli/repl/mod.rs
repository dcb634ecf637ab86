//! The REPL: `swiftlang` with no script. [`Session`] is the engine (one compilation per
//! entry into a module that persists, the VM's globals kept from entry to entry, the echo);
//! `terminal.rs` reads a terminal with rustyline (numbered prompts, continuation prompts,
//! history), `pipe.rs` reads anything else plainly, entry by entry, the same way.
//!
//! Memory: each entry is one compilation, so the compile-phase arenas are reset after it
//! (`driver::compile_source`); the module grows only by what the entry defines (its top-level
//! code is dropped once it has run), the VM's globals by the entry's new variables.
#![forbid(unsafe_code)]

pub mod commands;
pub mod input;
mod pipe;
mod terminal;

use std::io::Write;
use std::sync::atomic::Ordering;

use crate::alloc::global::SubsystemScope;
use crate::alloc::Subsystem;
use crate::diag::{self, Diagnostic};
use crate::sema::types::{Type, TypeId, TypeTable};
use crate::syntax::ast::Span;
use crate::vm::describe::{debug_describe, describe};
use crate::vm::interp::{Stop, INTERRUPT};
use crate::vm::module::Module;
use crate::vm::trap::TrapKind;
use crate::vm::{Value, Vm, VmState};

pub use commands::{Command, MemSnapshot};
pub use pipe::run_pipe;
pub use terminal::run_terminal;

use super::ExitCode;

/// The file name entries are compiled as (diagnostics and traps name it, with the session's
/// line numbers: line N is the line typed at prompt N).
pub const FILE: &str = "repl.swift";

/// How a session runs entries.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--seed`: the first entry's random seed (later entries derive theirs from it).
    pub seed: Option<u64>,
    /// Color diagnostics.
    pub color: bool,
    /// `--dump-bytecode`: print each entry's code on stderr before running it.
    pub dump_bytecode: bool,
}

/// What became of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It ran (or the command was carried out).
    Done,
    /// It did not compile; nothing it declared remains.
    CompileError,
    /// It trapped; what it had set before the trap remains.
    Trap,
    /// `:quit`
    Quit,
    /// Standard output is closed: end quietly.
    OutputClosed,
    /// Writing standard output failed otherwise (reported): end with status 74.
    OutputFailed,
    /// A signal stopped the entry: SIGINT (`Interrupted`, the terminal REPL goes on) or
    /// SIGTERM (`Terminated`).
    Signal(ExitCode),
}

impl Outcome {
    /// The exit status `--fail-fast` ends with, for an error.
    pub fn failure_status(self) -> Option<ExitCode> {
        match self {
            Outcome::CompileError => Some(ExitCode::Compile),
            Outcome::Trap => Some(ExitCode::Software),
            _ => None,
        }
    }
}

/// A REPL session: the module every entry compiles into, the VM's globals, the line count.
pub struct Session {
    module: Module,
    state: VmState,
    options: Options,
    /// The session line the next entry starts on.
    next_line: u32,
    /// Entries run (to vary a `--seed`ed random sequence from entry to entry).
    runs: u64,
    /// `:mem snapshot`
    snapshot: Option<MemSnapshot>,
    /// Where `readLine()` reads at a terminal (Ctrl-C interrupts a read that waits); `None`:
    /// the process's standard input as it is.
    stdin: Option<std::io::BufReader<crate::cli::signals::InterruptibleStdin>>,
}

impl Session {
    /// A fresh session.
    pub fn new(options: Options) -> Session {
        Session {
            module: fresh_module(),
            state: VmState::default(),
            options,
            next_line: 1,
            runs: 0,
            snapshot: None,
            stdin: None,
        }
    }

    /// The line number of the next line typed (the prompt's number).
    pub fn next_line(&self) -> u32 {
        self.next_line
    }

    /// Counts lines that held no entry (blank lines of piped input).
    pub fn skip_lines(&mut self, n: u32) {
        self.next_line = self.next_line.saturating_add(n);
    }

    /// The module (for tests and reports).
    pub fn module(&self) -> &Module {
        &self.module
    }

    /// The value of a global variable by name, as the echo shows it.
    pub fn show_global(&self, name: &str) -> Option<String> {
        let &g = self.module.env.global_names.get(name)?;
        let info = self.module.env.globals.get(g as usize)?;
        let v = self.state.globals.get(g as usize)?;
        Some(echo_value(v, info.ty, &self.module.env.types))
    }

    /// Carries out a complete entry: a `:` command or code. Output (the entry's and the
    /// echo) goes to `out`, diagnostics and traps to `err`.
    pub fn submit(&mut self, text: &str, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
        match commands::parse(text) {
            Some(command) => {
                self.next_line = self.next_line.saturating_add(line_count(text));
                self.command(command, out, err)
            }
            None => self.eval(text, out, err),
        }
    }

    /// Carries out a command.
    pub fn command(
        &mut self,
        command: Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Outcome {
        let text = match command {
            Command::Help => commands::HELP.to_string(),
            Command::Quit => return Outcome::Quit,
            Command::Mem => commands::mem_report(),
            Command::MemSnapshot => {
                self.snapshot = Some(MemSnapshot::take());
                "Snapshot taken: `:mem diff` shows what grew since.\n".to_string()
            }
            Command::MemDiff => match &self.snapshot {
                Some(snap) => commands::mem_diff(snap),
                None => {
                    return command_error(
                        out,
                        err,
                        "error: no snapshot yet: take one with `:mem snapshot`\n",
                    )
                }
            },
            Command::Leaks => match commands::leak_report() {
                Ok(()) => {
                    let roots: Vec<&Value> = self.state.globals.iter().collect();
                    let now = crate::vm::leak_report::analyse_now(&self.module, &roots);
                    crate::vm::leak_report::render_now(&now)
                }
                Err(off) => off,
            },
            Command::Reset => {
                self.reset();
                "The session was reset: every declaration is gone.\n".to_string()
            }
            Command::Unknown(message) => {
                return command_error(out, err, &format!("error: {message}\n"))
            }
        };
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Outcome::Done,
            Err(_) => Outcome::OutputClosed,
        }
    }

    /// Forgets every declaration and value: a fresh module and state.
    pub fn reset(&mut self) {
        self.module = fresh_module();
        self.state = VmState::default();
        self.next_line = 1;
    }

    /// Compiles and runs one entry of code, then echoes what it bound.
    pub fn eval(&mut self, source: &str, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
        let first_line = self.next_line;
        self.next_line = self.next_line.saturating_add(line_count(source));
        let functions = self.module.functions.len();
        let constants = self.module.constants.len();
        let mark = self.module.env.mark(functions);
        let entry = match crate::driver::compile_source(&mut self.module, source) {
            Ok(entry) => {
                let warnings = std::mem::take(&mut self.module.env.warnings);
                if !warnings.is_empty() {
                    let text =
                        render_diagnostics(&warnings, source, first_line, self.options.color);
                    if !write_error(out, err, &text) {
                        return Outcome::OutputClosed;
                    }
                }
                entry
            }
            Err(diagnostics) => {
                // Nothing of a failed entry stays: its names, functions, constants.
                self.module.env.rollback(&mark);
                self.module.functions.truncate(functions);
                self.module.truncate_constants(constants);
                let text = render_diagnostics(&diagnostics, source, first_line, self.options.color);
                return if write_error(out, err, &text) {
                    Outcome::CompileError
                } else {
                    Outcome::OutputClosed
                };
            }
        };
        self.shift_lines(functions, constants, first_line);
        if self.options.dump_bytecode {
            let text = crate::compile::disasm::disassemble(&self.module, entry as usize);
            let _ = err.write_all(text.as_bytes());
        }
        let result = self.run(entry, out);
        let outcome = match result {
            Ok(()) => self.echo(out),
            Err(Stop::OutputClosed) => Outcome::OutputClosed,
            Err(Stop::OutputFailed(e)) => {
                crate::cli::report_write_error(&e);
                Outcome::OutputFailed
            }
            Err(Stop::Trap(trap)) => {
                self.forget_unset();
                let signal = crate::cli::signals::received();
                if signal == Some(ExitCode::Terminated) {
                    let _ = out.flush();
                    self.release_entry_code(entry);
                    return Outcome::Signal(ExitCode::Terminated);
                }
                let mut text = trap.render(FILE);
                if matches!(&trap.kind, TrapKind::Fatal(m) if m == INTERRUPTED) {
                    // After the `^C` the terminal echoed.
                    text.insert(0, '\n');
                }
                if !write_error(out, err, &text) {
                    Outcome::OutputClosed
                } else if let Some(status) = signal {
                    Outcome::Signal(status)
                } else {
                    Outcome::Trap
                }
            }
        };
        self.release_entry_code(entry);
        outcome
    }

    /// `readLine()` reads standard input so that Ctrl-C interrupts a read that waits (the
    /// terminal REPL, where nothing else reads standard input meanwhile).
    pub fn read_stdin_interruptibly(&mut self) {
        self.stdin = Some(std::io::BufReader::new(
            crate::cli::signals::InterruptibleStdin,
        ));
    }

    /// Runs the entry's top-level code, keeping the globals for the next entry.
    fn run(&mut self, entry: u32, out: &mut dyn Write) -> Result<(), Stop> {
        let seed = self
            .options
            .seed
            .map(|s| s ^ self.runs.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        self.runs += 1;
        let state = std::mem::take(&mut self.state);
        // A Ctrl-C pressed while no code ran is not meant for this entry.
        INTERRUPT.store(false, Ordering::Relaxed);
        let _scope = SubsystemScope::enter(Subsystem::Vm);
        let mut vm = Vm::resume(&self.module, state, Box::new(&mut *out), seed);
        if let Some(stdin) = &mut self.stdin {
            vm.set_input(Box::new(stdin));
        }
        let result = vm.run(entry);
        self.state = vm.into_state();
        result
    }

    /// Entries are compiled one at a time, each from its line 1: move the line numbers of
    /// the new functions to the session's lines, for traps and stack traces.
    fn shift_lines(&mut self, from: usize, constants_from: usize, first_line: u32) {
        let by = first_line.saturating_sub(1);
        if by == 0 {
            return;
        }
        for f in self.module.functions.iter_mut().skip(from) {
            f.line = f.line.saturating_add(by);
            for line in &mut f.lines {
                *line = line.saturating_add(by);
            }
        }
        for line in self.module.constant_lines.iter_mut().skip(constants_from) {
            *line = line.saturating_add(by);
        }
    }

    /// The entry's top-level code runs once: drop it. As the last function it goes entirely
    /// (the next entry reuses its index); otherwise its instructions go.
    fn release_entry_code(&mut self, entry: u32) {
        let index = entry as usize;
        if index + 1 == self.module.functions.len() {
            self.module.functions.pop();
        } else if let Some(f) = self.module.functions.get_mut(index) {
            f.code = Vec::new();
            f.lines = Vec::new();
        }
    }

    /// Prints `name: Type = value` for each name the entry bound.
    fn echo(&mut self, out: &mut dyn Write) -> Outcome {
        let env = &self.module.env;
        let bound = env
            .repl
            .as_ref()
            .map(|r| r.bound.as_slice())
            .unwrap_or_default();
        let mut text = String::new();
        for &g in bound {
            let (Some(info), Some(v)) = (
                env.globals.get(g as usize),
                self.state.globals.get(g as usize),
            ) else {
                continue;
            };
            let ty = env.types.name(info.ty);
            text.push_str(&format!(
                "{}: {ty} = {}\n",
                info.name,
                echo_value(v, info.ty, &env.types)
            ));
        }
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Outcome::Done,
            Err(_) => Outcome::OutputClosed,
        }
    }

    /// After a trap: the names the entry declared but never set are not bound any more (the
    /// earlier binding of the name, if any, is visible again), and the result names they
    /// took are given out again.
    fn forget_unset(&mut self) {
        let env = &mut self.module.env;
        let bound: Vec<u32> = env
            .repl
            .as_ref()
            .map(|r| r.bound.clone())
            .unwrap_or_default();
        let is_set = |state: &VmState, types: &TypeTable, g: usize, ty: TypeId| {
            !matches!(state.globals.get(g), None | Some(Value::Void))
                || matches!(types.get(ty), Type::Void)
        };
        let mut unset_results = 0;
        for g in bound {
            let Some(info) = env.globals.get(g as usize) else {
                continue;
            };
            if is_set(&self.state, &env.types, g as usize, info.ty) {
                continue;
            }
            let name = info.name.clone();
            if name.starts_with("$R") {
                unset_results += 1;
            }
            if env.global_names.get(&name) != Some(&g) {
                continue;
            }
            // The latest earlier global of that name that holds a value.
            let earlier = (0..g as usize).rev().find(|&i| {
                env.globals
                    .get(i)
                    .is_some_and(|e| e.name == name && is_set(&self.state, &env.types, i, e.ty))
            });
            match earlier {
                Some(i) => {
                    env.global_names
                        .insert(name, u32::try_from(i).unwrap_or(u32::MAX));
                }
                None => {
                    env.global_names.remove(&name);
                }
            }
        }
        if let Some(r) = &mut env.repl {
            r.results = r.results.saturating_sub(unset_results);
            r.bound.clear();
        }
    }
}

/// The message of the trap that Ctrl-C causes (`vm::interp::INTERRUPT`).
const INTERRUPTED: &str = "Execution interrupted";

fn fresh_module() -> Module {
    let mut module = Module::new(FILE);
    module.env.enable_repl();
    module
}

/// How many lines an entry spans.
fn line_count(text: &str) -> u32 {
    u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX)
}

/// Writes an error message on `err`, after flushing `out` so that a transcript of both keeps
/// their order. False when `out` is closed.
fn write_error(out: &mut dyn Write, err: &mut dyn Write, text: &str) -> bool {
    if out.flush().is_err() {
        return false;
    }
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
    true
}

/// A command that could not be carried out: the session goes on (it is not a code error).
fn command_error(out: &mut dyn Write, err: &mut dyn Write, text: &str) -> Outcome {
    if write_error(out, err, text) {
        Outcome::Done
    } else {
        Outcome::OutputClosed
    }
}

/// Diagnostics with the session's line numbers: the entry is rendered as if it stood at
/// `first_line` of one long `repl.swift`.
fn render_diagnostics(
    diagnostics: &[Diagnostic],
    source: &str,
    first_line: u32,
    color: bool,
) -> String {
    let pad = first_line.saturating_sub(1);
    let mut padded = "\n".repeat(pad as usize);
    padded.push_str(source);
    let shift = |s: Span| Span {
        start: s.start.saturating_add(pad),
        end: s.end.saturating_add(pad),
    };
    let shifted: Vec<Diagnostic> = diagnostics
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.span = shift(d.span);
            for note in &mut d.notes {
                note.1 = shift(note.1);
            }
            d
        })
        .collect();
    diag::render(&shifted, FILE, &padded, color)
}

/// A value as the echo shows it: `debugDescription` (strings quoted), with a top-level
/// optional shown as its value or `nil` (`$R0: Int? = 100`, as the Swift REPL shows it) and
/// user types unqualified at the top (`p: Point = Point(x: 1, y: 2)`).
pub fn echo_value(v: &Value, ty: TypeId, types: &TypeTable) -> String {
    match (types.get(ty), v) {
        (Type::Optional(_), Value::Nil) => "nil".to_string(),
        (Type::Optional(inner), Value::Some(b)) => echo_value(b, *inner, types),
        (Type::Optional(inner), other) => echo_value(other, *inner, types),
        (Type::String | Type::Character, _) => debug_describe(v, ty, types),
        _ => describe(v, ty, types),
    }
}

/// `swiftlang` / `swiftlang repl`: the terminal REPL when standard input is a terminal, the
/// plain reader otherwise.
pub fn run(
    options: Options,
    fail_fast: bool,
    heap: &mut Option<crate::vm::leak_report::ExitAnalysis>,
) -> ExitCode {
    let mut session = Session::new(options);
    let status = run_session(&mut session, fail_fast);
    if crate::vm::tracking::enabled() {
        let roots: Vec<&Value> = session.state.globals.iter().collect();
        *heap = Some(crate::vm::leak_report::analyse_at_exit(
            session.module(),
            &roots,
            false,
        ));
    }
    status
}

fn run_session(session: &mut Session, fail_fast: bool) -> ExitCode {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        run_terminal(session)
    } else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
        let mut err = std::io::stderr();
        let mut read = |buf: &mut Vec<u8>| {
            use std::io::BufRead;
            // A signal while the next line is awaited ends the session at once.
            crate::cli::signals::waiting();
            let n = std::io::stdin().lock().read_until(b'\n', buf);
            crate::cli::signals::running();
            n
        };
        let status = run_pipe(session, &mut read, &mut out, &mut err, fail_fast);
        let _ = out.flush();
        status
    }
}
