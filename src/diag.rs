//! Diagnostics: one shape for every stage's errors (house rule 10), one renderer.
//!
//! The first line is swiftc's (`file:line:col: error: message`, which editors parse); ariadne
//! then draws the source line with the span underlined. Notes follow as
//! `file:line:col: note: ...`. Color only when asked (stderr is a terminal and `NO_COLOR` is
//! unset).
#![forbid(unsafe_code)]

use std::fmt::Write as _;

use ariadne::{Config, Label, Report, ReportKind, Source};

use crate::alloc::Subsystem;
use crate::syntax::ast::Span;

/// How every memory-limit message starts, in every phase.
const MEMORY_LIMIT: &str = "memory limit exceeded in ";

/// How serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Stops compilation.
    Error,
    /// Reported on stderr; compilation goes on and the exit status is unchanged.
    Warning,
    /// Informational, attached to an error.
    Note,
}

/// A compile-time message with its place in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or note.
    pub severity: Severity,
    /// The message, modelled on swiftc's.
    pub message: String,
    /// Where.
    pub span: Span,
    /// Notes pointing elsewhere (or at the same place).
    pub notes: Vec<(String, Span)>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            notes: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    /// A budget (`--mem-limit`) refused an allocation of `requested` bytes while compiling
    /// the code at `span`: the subsystem, its limit and its use now. The run exits 70 (a
    /// memory limit in any phase, CLI.md), not 65.
    pub fn memory_limit(subsystem: Subsystem, requested: u64, span: Span) -> Diagnostic {
        let stats = crate::alloc::registry::stats(subsystem);
        let limit = stats
            .limit
            .map_or_else(|| "none".to_string(), crate::alloc::format_bytes);
        let mut message = format!(
            "{MEMORY_LIMIT}{} (limit {limit}, in use {}",
            subsystem.name(),
            crate::alloc::format_bytes(stats.current)
        );
        if requested > 0 {
            message.push_str(", requested ");
            message.push_str(&crate::alloc::format_bytes(requested));
        }
        message.push(')');
        Diagnostic::error(message, span)
    }

    /// Whether this is a compile-phase memory-limit error (exit status 70).
    pub fn is_memory_limit(&self) -> bool {
        self.message.starts_with(MEMORY_LIMIT)
    }

    /// Adds a note.
    pub fn with_note(mut self, message: impl Into<String>, span: Span) -> Diagnostic {
        self.notes.push((message.into(), span));
        self
    }
}

/// Adds `more` to `all`, keeping source order (as swiftc prints its diagnostics).
pub fn merge_in_source_order(all: &mut Vec<Diagnostic>, more: Vec<Diagnostic>) {
    if !more.is_empty() {
        all.extend(more);
        all.sort_by_key(|d| d.span.start);
    }
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders diagnostics for `file` (the name shown) over `source`.
pub fn render(diagnostics: &[Diagnostic], file: &str, source: &str, color: bool) -> String {
    let mut out = String::new();
    let cache = Source::from(source);
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let (line, col) = line_col(source, d.span.start as usize);
        let _ = writeln!(out, "{file}:{line}:{col}: {kind}: {}", d.message);
        out.push_str(&draw(d, file, source, &cache, color));
        for (note, span) in &d.notes {
            let (line, col) = line_col(source, span.start as usize);
            let _ = writeln!(out, "{file}:{line}:{col}: note: {note}");
        }
    }
    out
}

/// The source line with the span underlined, drawn by ariadne.
fn draw(d: &Diagnostic, file: &str, source: &str, cache: &Source<&str>, color: bool) -> String {
    // ariadne counts characters, not bytes.
    let start = floor_char_boundary(source, (d.span.start as usize).min(source.len()));
    let end = floor_char_boundary(source, (d.span.end as usize).min(source.len())).max(start);
    let cstart = source[..start].chars().count();
    let cend = cstart + source[start..end].chars().count();
    let range = cstart..cend.max(cstart + 1);
    let mut buf = Vec::new();
    let report = Report::build(
        ReportKind::Custom("", ariadne::Color::Red),
        (file, range.clone()),
    )
    .with_config(Config::default().with_color(color).with_underlines(true))
    .with_label(Label::new((file, range)).with_message(&d.message))
    .finish();
    if report.write((file, cache), &mut buf).is_err() {
        return String::new();
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    // Drop ariadne's header line (we printed swiftc's instead).
    text.split_once('\n')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_swiftcs() {
        let src = "let x = 1\nlet y: Int = \"a\"\n";
        let d = Diagnostic::error(
            "cannot convert value of type 'String' to specified type 'Int'",
            Span::new(23, 26),
        );
        let text = render(&[d], "main.swift", src, false);
        assert!(
            text.starts_with("main.swift:2:14: error: cannot convert value of type 'String' to specified type 'Int'\n"),
            "{text}"
        );
        assert!(text.contains("let y: Int = \"a\""), "{text}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é = 1", 2), (1, 2));
        assert_eq!(line_col("é = 1", 3), (1, 3));
        assert_eq!(line_col("a\nb", 2), (2, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
