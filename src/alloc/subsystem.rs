//! The subsystems of the seed's table (plus `Lexer`, which the design card gives its own arena).
//!
//! A `Subsystem` names who asked for memory. It is a plain `Copy` enum so that hot paths pass
//! a byte, and reports print [`Subsystem::name`].

use std::fmt;

/// Which kind of allocator backs a subsystem (the seed's "Allocator Type" column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AllocatorKind {
    /// The system allocator with accounting.
    Platform,
    /// Bump allocation, bulk reset.
    Arena,
    /// One fixed block size, freed blocks reused.
    Freelist,
    /// Size-class freelists with a platform fallback for large requests ("Platform/Freelist").
    Pool,
    /// The trace allocator around another allocator.
    Trace,
    /// Straight to the global allocator, no bookkeeping (the `custom-allocators` feature off).
    System,
}

impl AllocatorKind {
    /// Lower-case name, as the JSON report spells it.
    pub fn name(self) -> &'static str {
        match self {
            AllocatorKind::Platform => "platform",
            AllocatorKind::Arena => "arena",
            AllocatorKind::Freelist => "freelist",
            AllocatorKind::Pool => "pool",
            AllocatorKind::Trace => "trace",
            AllocatorKind::System => "system",
        }
    }
}

/// One row of the seed's "Subsystem Allocation Strategy" table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Subsystem {
    /// Value stack, call frames, globals table.
    Vm = 0,
    /// Class instances, closures, boxes, collection storage.
    Objects,
    /// Interned identifiers and string constants.
    Strings,
    /// Instruction buffers while a function is compiled.
    Bytecode,
    /// Scopes, locals, jump patch lists.
    Compiler,
    /// The syntax tree.
    Ast,
    /// Token buffer and token text (not in the seed's table; the design card adds it).
    Lexer,
    /// Parser scratch.
    Parser,
    /// Symbol tables and types of semantic analysis.
    Symbols,
    /// Finished function prototypes, bytecode, constants, type metadata.
    Modules,
    /// Builtin function and method tables.
    Stdlib,
    /// Scratch space of stdlib operations and `with_arena` scopes.
    Temp,
}

impl Subsystem {
    /// Every subsystem, in report order.
    pub const ALL: [Subsystem; 12] = [
        Subsystem::Vm,
        Subsystem::Objects,
        Subsystem::Strings,
        Subsystem::Bytecode,
        Subsystem::Compiler,
        Subsystem::Ast,
        Subsystem::Lexer,
        Subsystem::Parser,
        Subsystem::Symbols,
        Subsystem::Modules,
        Subsystem::Stdlib,
        Subsystem::Temp,
    ];

    /// Number of subsystems.
    pub const COUNT: usize = Self::ALL.len();

    /// Position in [`Subsystem::ALL`].
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The subsystem at `index`, if any.
    pub fn from_index(index: usize) -> Option<Subsystem> {
        Self::ALL.get(index).copied()
    }

    /// The heading used in reports (`--- VM Core ---`).
    pub fn name(self) -> &'static str {
        match self {
            Subsystem::Vm => "VM Core",
            Subsystem::Objects => "Objects",
            Subsystem::Strings => "Strings",
            Subsystem::Bytecode => "Bytecode",
            Subsystem::Compiler => "Compiler",
            Subsystem::Ast => "AST",
            Subsystem::Lexer => "Lexer",
            Subsystem::Parser => "Parser",
            Subsystem::Symbols => "Symbols",
            Subsystem::Modules => "Modules",
            Subsystem::Stdlib => "Stdlib",
            Subsystem::Temp => "Temp",
        }
    }

    /// The kebab-case name the command line uses (`--mem-limit vm-core=1MiB`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Subsystem::Vm => "vm-core",
            Subsystem::Objects => "objects",
            Subsystem::Strings => "strings",
            Subsystem::Bytecode => "bytecode",
            Subsystem::Compiler => "compiler",
            Subsystem::Ast => "ast",
            Subsystem::Lexer => "lexer",
            Subsystem::Parser => "parser",
            Subsystem::Symbols => "symbols",
            Subsystem::Modules => "modules",
            Subsystem::Stdlib => "stdlib",
            Subsystem::Temp => "temp",
        }
    }

    /// Parses a [`Subsystem::cli_name`] (case-insensitive; the report heading works too).
    pub fn from_cli_name(name: &str) -> Option<Subsystem> {
        let wanted = name.trim().to_ascii_lowercase().replace(' ', "-");
        Self::ALL
            .into_iter()
            .find(|s| s.cli_name() == wanted || (wanted == "vm" && *s == Subsystem::Vm))
    }

    /// The allocator the seed's table gives this subsystem.
    pub fn allocator_kind(self) -> AllocatorKind {
        match self {
            Subsystem::Vm | Subsystem::Modules | Subsystem::Stdlib => AllocatorKind::Platform,
            Subsystem::Objects => AllocatorKind::Pool,
            Subsystem::Strings
            | Subsystem::Bytecode
            | Subsystem::Compiler
            | Subsystem::Ast
            | Subsystem::Lexer
            | Subsystem::Parser
            | Subsystem::Symbols
            | Subsystem::Temp => AllocatorKind::Arena,
        }
    }

    /// Whether the subsystem is a compile-phase arena, reset after each compilation.
    pub fn is_compile_phase(self) -> bool {
        matches!(
            self,
            Subsystem::Bytecode
                | Subsystem::Compiler
                | Subsystem::Ast
                | Subsystem::Lexer
                | Subsystem::Parser
                | Subsystem::Symbols
        )
    }
}

impl fmt::Display for Subsystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_match_positions() {
        for (i, s) in Subsystem::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(Subsystem::from_index(i), Some(*s));
        }
        assert_eq!(Subsystem::from_index(Subsystem::COUNT), None);
    }

    #[test]
    fn cli_names_round_trip() {
        for s in Subsystem::ALL {
            assert_eq!(Subsystem::from_cli_name(s.cli_name()), Some(s));
            assert_eq!(Subsystem::from_cli_name(s.name()), Some(s));
        }
        assert_eq!(Subsystem::from_cli_name("heap"), None);
    }
}
