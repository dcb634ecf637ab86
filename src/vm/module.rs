//! A loaded module: function prototypes, constants and the static environment (types,
//! globals), kept in the Modules subsystem for the life of the program (a REPL session adds
//! to it entry by entry).

use crate::compile::op::Op;
use crate::sema::ir::CaptureSource;
use crate::sema::types::TypeId;
use crate::sema::ModuleEnv;

/// A constant of the pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// An `Int` too large for an immediate operand.
    Int(i64),
    /// A `Double`.
    Double(f64),
    /// A `String` or `Character`.
    Str(String),
    /// The empty array every `[]` literal shares, as Swift's empty-array storage: making
    /// one allocates nothing (so `a = []` runs when an Objects budget is used up), and the
    /// first mutation copies it.
    EmptyArray,
    /// The empty dictionary every `[:]` literal shares, in the same way.
    EmptyDictionary,
}

/// A constant as the pool's index keys it: doubles by their bits (so `-0.0` and `0.0`, or
/// two NaNs, are told apart as the bytecode must).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Double(u64),
    Str(String),
    EmptyArray,
    EmptyDictionary,
}

impl ConstKey {
    fn of(c: &Constant) -> ConstKey {
        match c {
            Constant::Int(i) => ConstKey::Int(*i),
            Constant::Double(d) => ConstKey::Double(d.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::EmptyArray => ConstKey::EmptyArray,
            Constant::EmptyDictionary => ConstKey::EmptyDictionary,
        }
    }
}

/// A compiled function.
#[derive(Clone, Debug, Default)]
pub struct FuncProto {
    /// Its name, for stack traces.
    pub name: String,
    /// The line it was declared on.
    pub line: u32,
    /// Parameters (the first locals).
    pub param_count: u16,
    /// All slots of a frame.
    pub local_count: u16,
    /// The instructions.
    pub code: Vec<Op>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    /// How a closure of this function gets its captured boxes.
    pub captures: Vec<CaptureSource>,
    /// The captured variables' names, by capture index.
    pub capture_names: Vec<String>,
    /// `inout` parameters, copied back to the caller after the result.
    pub inout_params: Vec<u16>,
    /// The result type.
    pub result: TypeId,
}

/// The program as the VM runs it.
#[derive(Debug, Default)]
pub struct Module {
    /// The script's file name as shown in messages.
    pub file: String,
    /// Byte offsets of line starts of the current compilation's source.
    line_starts: Vec<u32>,
    /// Every function; index 0.. in compilation order.
    pub functions: Vec<FuncProto>,
    /// The constant pool.
    pub constants: Vec<Constant>,
    /// The line of each constant's first use (where a leak report places a literal).
    pub constant_lines: Vec<u32>,
    /// Each constant's index, by value (doubles by their bits), so adding one is not a scan.
    constant_index: std::collections::HashMap<ConstKey, u32>,
    /// Globals, types and signatures.
    pub env: ModuleEnv,
}

impl Module {
    /// An empty module for `file`.
    pub fn new(file: &str) -> Module {
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("main");
        let valid = stem
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && stem.chars().all(|c| c.is_alphanumeric() || c == '_');
        let mut m = Module {
            file: file.to_string(),
            ..Module::default()
        };
        m.env.module_name = if valid {
            stem.to_string()
        } else {
            "main".to_string()
        };
        m.env.types.module_name = m.env.module_name.clone();
        m.env.script_path = file.to_string();
        m
    }

    /// Records the source of the compilation now starting (for line numbers).
    pub fn set_source(&mut self, source: &str) {
        self.line_starts = std::iter::once(0)
            .chain(
                source
                    .match_indices('\n')
                    .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            )
            .collect();
    }

    /// The one-based line of a byte offset in the current source.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => u32::try_from(i + 1).unwrap_or(u32::MAX),
            Err(i) => u32::try_from(i).unwrap_or(u32::MAX),
        }
    }

    /// The index of a constant, adding it if new (first used on `line`).
    pub fn constant(&mut self, c: Constant, line: u32) -> u32 {
        let key = ConstKey::of(&c);
        if let Some(&i) = self.constant_index.get(&key) {
            return i;
        }
        let i = u32::try_from(self.constants.len()).unwrap_or(u32::MAX);
        self.constants.push(c);
        self.constant_lines.push(line);
        self.constant_index.insert(key, i);
        i
    }

    /// Forgets the constants from index `len` on (a failed REPL entry's).
    pub fn truncate_constants(&mut self, len: usize) {
        self.constants.truncate(len);
        self.constant_lines.truncate(len);
        let len = u32::try_from(len).unwrap_or(u32::MAX);
        self.constant_index.retain(|_, i| *i < len);
    }
}
