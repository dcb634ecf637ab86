//! The virtual machine: values and objects, the interpreter loop, builtins, printing.
//!
//! Allocation: frames and the value stack in VM Core; objects, closures, boxes and
//! collection storage in Objects; the loaded module in Modules.

pub mod builtins;
pub mod collections;
pub mod cycle_text;
pub mod describe;
mod dict_index;
pub mod heap_graph;
mod heap_labels;
pub mod instance;
pub mod interp;
pub mod leak_report;
pub mod module;
pub mod object;
pub mod slice;
pub(crate) mod slice_ops;
pub mod str_obj;
pub mod tracking;
pub mod trap;
pub mod value;

pub use interp::{set_host_stack_budget, Vm, VmState};
pub use trap::Trap;
pub use value::Value;
