//! Syntax: tokens (logos), the layout filter, the LALRPOP parser and the AST.
//!
//! Allocation: the token buffer in the Lexer arena, the tree in the AST arena, the parser's
//! stacks under the Parser subsystem's scope. All three are reset after each compilation.
#![forbid(unsafe_code)]

pub mod ast;
mod directives;
pub mod error;
mod layout;
pub mod lexer;
pub mod parse;
mod string_scan;
pub mod strings;
pub mod token;

#[allow(clippy::all, missing_docs, unused_parens, unused_imports, dead_code)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/swiftlang.rs"));
}
