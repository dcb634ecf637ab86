//! Runtime traps: Swift's message, where it happened, and the SwiftLang stack trace.

use std::fmt::Write as _;

/// What went wrong, with Swift's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrapKind {
    /// `Fatal error: <message>` (index out of range, nil unwrap, division by zero, ...).
    Fatal(String),
    /// `Precondition failed: <message>`
    Precondition(String),
    /// `Assertion failed: <message>`
    Assertion(String),
    /// An internal inconsistency (a bug in swiftlang, not the script).
    Internal(String),
    /// A message Swift prints without a prefix (a failed `as!`).
    Bare(String),
}

/// A trap with its location and stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    /// What.
    pub kind: TrapKind,
    /// The script line where it happened.
    pub line: u32,
    /// Frames, innermost first: function name and line.
    pub stack: Vec<(String, u32)>,
}

impl TrapKind {
    /// `Fatal error: Range requires lowerBound <= upperBound`.
    pub fn bad_range() -> TrapKind {
        TrapKind::Fatal("Range requires lowerBound <= upperBound".into())
    }

    /// `Fatal error: Index out of range`.
    pub fn index_out_of_range() -> TrapKind {
        TrapKind::Fatal("Index out of range".into())
    }

    /// `Fatal error: Unexpectedly found nil while unwrapping an Optional value`.
    pub fn nil_unwrap() -> TrapKind {
        TrapKind::Fatal("Unexpectedly found nil while unwrapping an Optional value".into())
    }

    /// `Fatal error: arithmetic overflow`.
    pub fn overflow() -> TrapKind {
        TrapKind::Fatal("arithmetic overflow".into())
    }

    /// Reading an `unowned` reference whose instance is gone.
    pub fn unowned_deallocated() -> TrapKind {
        TrapKind::Fatal(
            "Attempted to read an unowned reference but the object was already deallocated".into(),
        )
    }

    /// The text after the location: `Fatal error: ...`.
    pub fn message(&self) -> String {
        match self {
            TrapKind::Fatal(m) => format!("Fatal error: {m}"),
            TrapKind::Precondition(m) => format!("Precondition failed: {m}"),
            TrapKind::Assertion(m) => format!("Assertion failed: {m}"),
            TrapKind::Internal(m) => format!("Fatal error: internal error in swiftlang: {m}"),
            TrapKind::Bare(m) => m.clone(),
        }
    }
}

impl Trap {
    /// The report on stderr: `file:line: Fatal error: ...` then the stack trace.
    pub fn render(&self, file: &str) -> String {
        let mut out = format!("{file}:{}: {}\n", self.line, self.kind.message());
        // Deep recursion: the innermost frames and the outermost, with a count between.
        const HEAD: usize = 10;
        const TAIL: usize = 3;
        let n = self.stack.len();
        for (i, (name, line)) in self.stack.iter().enumerate() {
            if n > HEAD + TAIL + 1 && i == HEAD {
                let _ = writeln!(out, "  ... {} more frames ...", n - HEAD - TAIL);
            }
            if n > HEAD + TAIL + 1 && i >= HEAD && i < n - TAIL {
                continue;
            }
            let _ = writeln!(out, "  at {name} ({file}:{line})");
        }
        out
    }
}
