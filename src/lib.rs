//! swiftlang: an interpreter for SwiftLang, a strict subset of Swift, built on a custom
//! allocator system. See `src/README.md` for the map of the modules.

#![warn(missing_docs)]
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

pub mod alloc;
pub mod cli;
pub mod compile;
pub mod diag;
pub mod driver;
pub mod sema;
pub mod stdlib;
pub mod syntax;
pub mod text;
pub mod vm;
