//! The allocator system (the seed's `allocator-system.md`, in idiomatic Rust).
//!
//! - [`Allocator`]: the one interface: allocate, allocate zeroed, reallocate, free with the
//!   size, reset where supported, statistics. Calls carry an [`AllocInfo`]: the caller's Rust
//!   location (`#[track_caller]`), and optionally a [`Tag`] and a [`ScriptLocation`].
//!   Failure is an [`AllocError`] value.
//! - Implementations: [`PlatformAllocator`] (system allocator with accounting),
//!   [`ArenaAllocator`] (bumpalo), [`FreelistAllocator`] (one block size, LIFO reuse),
//!   [`PoolAllocator`] (size-class freelists plus platform), [`TraceAllocator`] (records every
//!   live block; leak reports), [`SystemAllocator`] (no bookkeeping; the feature-off build).
//! - The registry ([`allocators_get`]): one allocator per [`Subsystem`] per thread, debug
//!   mode, budgets, hooks.
//! - [`global::CountingAlloc`]: the `#[global_allocator]` behind honest totals.
//! - [`report`]: the seed's text reports and a versioned JSON form.
//!
//! # Migration guide (the seed's, for Rust)
//!
//! | before                                  | after                                                   |
//! |-----------------------------------------|---------------------------------------------------------|
//! | `Box::new(value)`                       | `alloc::new(Subsystem::Vm, value)?` (a [`SubBox`])       |
//! | `vec![0; n]`                            | `alloc::new_array(Subsystem::Vm, n, 0)?` (a [`SubVec`])  |
//! | `Vec::new()`                            | `allocator_api2::vec::Vec::new_in(allocators_get(Subsystem::Vm))` |
//! | `HashMap::new()`                        | `hashbrown::HashMap::new_in(allocators_get(Subsystem::Symbols))` |
//! | `String::from(s)` (kept)                | `alloc::strdup(Subsystem::Strings, s)?`                  |
//! | `String::from(s)` (per compilation)     | `arena.alloc_str(s)?` on the phase's arena              |
//! | `std::alloc::alloc(layout)` / `dealloc` | `handle.allocate(layout)?` / `unsafe { handle.free(ptr, layout)? }` (free with its size) |
//! | `std::alloc::alloc_zeroed`              | `alloc::alloc_zeroed(Subsystem::Vm, size)?` (a [`Block`]) |
//! | a scratch `Vec` dropped at scope end    | `alloc::with_arena(4096, \|arena\| ...)`                 |
//! | a tagged allocation                     | `allocators_get(s).tagged(Tag::new("game-state"))`, or a [`TagScope`] |
//!
//! Code that cannot take an allocator parameter (a dependency's internal `Vec`s) runs inside a
//! [`global::SubsystemScope`], which attributes its heap use to the subsystem.
//!
//! # Thread safety
//! As the seed says, allocators are not thread-safe; here none of them is `Send` or `Sync`,
//! and the registry is per thread.

mod allocator;
mod api2;
mod arena;
mod convenience;
pub mod debug;
mod error;
mod freelist;
pub mod global;
pub mod hooks;
mod info;
mod platform;
mod pool;
pub mod registry;
pub mod report;
pub mod soft_budget;
pub mod stats;
mod storage;
mod subsystem;
mod system;
mod trace;
mod typed;

pub use allocator::{Allocator, LiveBlock};
pub use arena::ArenaAllocator;
pub use convenience::{
    alloc_block, alloc_tagged, alloc_zeroed, new, new_array, new_tagged, strdup, with_arena, Block,
    SubBox, SubString, SubVec,
};
pub use error::{format_bytes, AllocError};
pub use freelist::FreelistAllocator;
pub use info::{AllocInfo, ScriptFile, ScriptLocation, Tag, TagScope};
pub use platform::PlatformAllocator;
pub use pool::PoolAllocator;
pub use registry::{allocators_get, Handle, RegistryConfig};
pub use stats::{Accounting, Stats, TagStats};
pub use storage::{ObjectsAlloc, VmCoreAlloc};
pub use subsystem::{AllocatorKind, Subsystem};
pub use system::SystemAllocator;
pub use trace::TraceAllocator;
