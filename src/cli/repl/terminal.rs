//! The REPL at a terminal, on rustyline: prompts numbered by session line as `swift repl`
//! numbers them (`  1> `), a continuation prompt (`  2. `) while the entry is unfinished,
//! Ctrl-C to cancel the input (or to stop code that runs too long), Ctrl-D to leave, and a
//! history file in the user's data directory (`$XDG_DATA_HOME/swiftlang/history`, by default
//! `~/.local/share/swiftlang/history`; `~/Library/Application Support/swiftlang/history` on
//! macOS), reloaded next time.
//!
//! A burst of lines (typed ahead while code runs, or pasted without bracketed paste) comes
//! from the terminal in one read; rustyline keeps what it read past the line it returns for
//! the next call (its `buffer-redux` feature: without it that rest was dropped, so only the
//! first line of each burst ran, and later reads started mid-line), so every line is read,
//! in order.
#![forbid(unsafe_code)]

use std::io::Write;
use std::path::PathBuf;

use rustyline::config::Config;
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

use super::input::{is_blank, is_complete};
use super::{Outcome, Session};
use crate::cli::signals;
use crate::cli::ExitCode;

/// Entries kept in the history file.
const HISTORY_SIZE: usize = 1000;

/// The primary prompt for session line `line`: `  1> `.
pub fn prompt(line: u32) -> String {
    format!("{line:>3}> ")
}

/// The continuation prompt for session line `line`: `  2. `.
pub fn continuation_prompt(line: u32) -> String {
    format!("{line:>3}. ")
}

/// Where the history is kept: `$XDG_DATA_HOME/swiftlang/history` (an absolute
/// `XDG_DATA_HOME`), else under `$HOME` (`.local/share`, or `Library/Application Support` on
/// macOS). `None` when there is no home.
pub fn history_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = match xdg {
        Some(dir) => dir,
        None => {
            let home = PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?);
            if cfg!(target_os = "macos") {
                home.join("Library").join("Application Support")
            } else {
                home.join(".local").join("share")
            }
        }
    };
    Some(base.join("swiftlang").join("history"))
}

/// Runs the interactive REPL until Ctrl-D or `:quit`.
pub fn run_terminal(session: &mut Session) -> ExitCode {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_space(true)
        .max_history_size(HISTORY_SIZE)
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor = match DefaultEditor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: cannot start line editing: {e}");
            return ExitCode::Software;
        }
    };
    let history = history_path();
    if let Some(path) = &history {
        // No file yet on the first run: nothing to load.
        let _ = editor.load_history(path);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
    }
    // Ctrl-C while code runs stops it with a trap (`while true {}` does not end the session),
    // a pending `readLine()` too (`cli::signals`); while a line is edited, rustyline reads it
    // as a key instead.
    session.read_stdin_interruptibly();
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let _ = writeln!(
        stdout,
        "Welcome to SwiftLang {} (a strict subset of Swift). Type :help for assistance.",
        env!("CARGO_PKG_VERSION")
    );
    let mut entry = String::new();
    let mut entry_lines = 0u32;
    loop {
        let line = session.next_line().saturating_add(entry_lines);
        let shown = if entry.is_empty() {
            prompt(line)
        } else {
            continuation_prompt(line)
        };
        signals::editing();
        let read = editor.readline(&shown);
        signals::running();
        match read {
            Ok(text) => {
                if entry.is_empty() && is_blank(&text) {
                    continue;
                }
                if !entry.is_empty() {
                    entry.push('\n');
                }
                entry.push_str(&text);
                entry_lines = entry_lines
                    .saturating_add(u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX));
                let command = entry.trim_start().starts_with(':');
                if !command && !is_complete(&entry) {
                    continue;
                }
                let _ = editor.add_history_entry(entry.as_str());
                if let Some(path) = &history {
                    let _ = editor.append_history(path);
                }
                let outcome = session.submit(&entry, &mut stdout, &mut stderr);
                entry.clear();
                entry_lines = 0;
                match outcome {
                    Outcome::Quit | Outcome::OutputClosed => return ExitCode::Success,
                    Outcome::OutputFailed => return ExitCode::IoError,
                    Outcome::Signal(ExitCode::Terminated) => return ExitCode::Terminated,
                    _ => {}
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C: the input typed so far is dropped.
                entry.clear();
                entry_lines = 0;
            }
            Err(ReadlineError::Eof) => return ExitCode::Success,
            Err(e) => {
                let _ = writeln!(stderr, "error: cannot read the terminal: {e}");
                return ExitCode::Software;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_swift_repls() {
        assert_eq!(prompt(1), "  1> ");
        assert_eq!(continuation_prompt(2), "  2. ");
        assert_eq!(prompt(1234), "1234> ");
    }
}
