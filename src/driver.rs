//! The pipeline: source → tokens → AST → typed tree → bytecode, each phase allocating from
//! its own subsystem's arena, all of them reset after the compilation (their chunks kept).
//! Then the VM runs the module.
//!
//! A phase's arena is also reset as soon as nothing refers into it any more (the Lexer's
//! once the file is lexed, the Parser's after the parse, the AST's after type checking), so
//! the peak of a compilation is its largest phase, not the sum of them all.
#![forbid(unsafe_code)]

use crate::alloc::global::SubsystemScope;
use crate::alloc::{allocators_get, registry, Subsystem};
use crate::compile;
use crate::diag::Diagnostic;
use crate::sema;
use crate::syntax::parse::parse_program;
use crate::vm::module::Module;

/// The compile-phase subsystems, reset after each compilation.
pub const COMPILE_PHASES: [Subsystem; 6] = [
    Subsystem::Lexer,
    Subsystem::Parser,
    Subsystem::Ast,
    Subsystem::Symbols,
    Subsystem::Compiler,
    Subsystem::Bytecode,
];

/// Compiles `source` into `module`; returns the index of its top-level function.
pub fn compile_source(module: &mut Module, source: &str) -> Result<u32, Vec<Diagnostic>> {
    let result = compile_in_arenas(module, source);
    for s in COMPILE_PHASES {
        // A reset can only be refused if a handle escaped this function, which none does.
        let _ = registry::reset(s);
    }
    result
}

fn compile_in_arenas(module: &mut Module, source: &str) -> Result<u32, Vec<Diagnostic>> {
    let symbols = allocators_get(Subsystem::Symbols);
    let compiler = allocators_get(Subsystem::Compiler);
    let bytecode = allocators_get(Subsystem::Bytecode);
    module.set_source(source);
    let first = u32::try_from(module.functions.len()).unwrap_or(u32::MAX);
    let checked = {
        let ast = allocators_get(Subsystem::Ast);
        let parsed = parse_program(source, &*ast)?;
        // The token buffers are dead: only the tree is needed from here on.
        let _ = registry::reset(Subsystem::Parser);
        let _scope = SubsystemScope::enter(Subsystem::Symbols);
        match sema::check(parsed.program, &mut module.env, &*symbols, first) {
            Ok(checked) => {
                let warnings = std::mem::take(&mut module.env.warnings);
                module.env.warnings = parsed.warnings;
                crate::diag::merge_in_source_order(&mut module.env.warnings, warnings);
                checked
            }
            Err(mut errors) => {
                crate::diag::merge_in_source_order(&mut errors, parsed.warnings);
                return Err(errors);
            }
        }
    };
    // The typed tree refers to nothing in the syntax tree.
    let _ = registry::reset(Subsystem::Ast);
    {
        let _scope = SubsystemScope::enter(Subsystem::Compiler);
        compile::compile(&checked, module, &*bytecode, &*compiler)?;
    }
    Ok(first)
}
