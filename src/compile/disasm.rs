//! The disassembler: prints a module's functions, one instruction a line with its source
//! line, as clox's `debug.c` does. `swiftlang run --dump-bytecode` uses it.

use std::fmt::Write as _;

use super::op::Op;
use crate::vm::module::{Constant, Module};

/// Disassembles functions `from..` of `module`.
pub fn disassemble(module: &Module, from: usize) -> String {
    let mut out = String::new();
    for (i, f) in module.functions.iter().enumerate().skip(from) {
        let _ = writeln!(
            out,
            "== fn #{i} {} (line {}, {} params, {} slots{}) ==",
            f.name,
            f.line,
            f.param_count,
            f.local_count,
            if f.captures.is_empty() {
                String::new()
            } else {
                format!(", {} captures", f.captures.len())
            }
        );
        let mut last_line = u32::MAX;
        for (pc, op) in f.code.iter().enumerate() {
            let line = f.lines.get(pc).copied().unwrap_or(0);
            let line_col = if line == last_line {
                "   |".to_string()
            } else {
                format!("{line:4}")
            };
            last_line = line;
            let _ = writeln!(out, "{pc:05} {line_col} {}", describe(module, pc, op));
        }
        out.push('\n');
    }
    out
}

fn describe(module: &Module, pc: usize, op: &Op) -> String {
    let target = |off: i32| (pc as i64 + 1 + i64::from(off)).max(0);
    match op {
        Op::Const(c) => match module.constants.get(*c as usize) {
            Some(Constant::Int(i)) => format!("Const #{c} ({i})"),
            Some(Constant::Double(d)) => format!("Const #{c} ({d:?})"),
            Some(Constant::Str(s)) => format!("Const #{c} ({s:?})"),
            Some(Constant::EmptyArray) => format!("Const #{c} ([])"),
            Some(Constant::EmptyDictionary) => format!("Const #{c} ([:])"),
            None => format!("Const #{c} (?)"),
        },
        Op::Jump(o) => format!("Jump -> {:05}", target(*o)),
        Op::JumpIfFalse(o) => format!("JumpIfFalse -> {:05}", target(*o)),
        Op::JumpIfTrue(o) => format!("JumpIfTrue -> {:05}", target(*o)),
        Op::UnwrapOrJump(o) => format!("UnwrapOrJump -> {:05}", target(*o)),
        Op::IterNext(s, o) => format!("IterNext slot {s} -> {:05}", target(*o)),
        Op::IterNextStore(s, e, o) => format!(
            "IterNextStore slot {s} into {e} -> {:05}",
            target(i32::from(*o))
        ),
        Op::BranchSlot(s, k, o) => format!("BranchSlot({s}, {k:?}) else -> {:05}", target(*o)),
        Op::BranchInt(i, k, o) => format!("BranchInt({i}, {k:?}) else -> {:05}", target(*o)),
        Op::BranchSlotInt(a, i, k, o) => format!(
            "BranchSlotInt({a}, {i}, {k:?}) else -> {:05}",
            target(i32::from(*o))
        ),
        Op::BranchSlotSlot(a, b, k, o) => format!(
            "BranchSlotSlot({a}, {b}, {k:?}) else -> {:05}",
            target(i32::from(*o))
        ),
        Op::Call(f, n) => format!(
            "Call {} ({n} args)",
            module
                .functions
                .get(*f as usize)
                .map_or("?", |p| p.name.as_str())
        ),
        Op::Closure(f) => format!(
            "Closure {}",
            module
                .functions
                .get(*f as usize)
                .map_or("?", |p| p.name.as_str())
        ),
        Op::Describe(t) => format!(
            "Describe {}",
            module.env.types.name(crate::sema::types::TypeId(*t))
        ),
        other => format!("{other:?}"),
    }
}
