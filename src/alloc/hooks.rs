//! Allocation callbacks (the seed's "Future Enhancements: Allocation Callbacks"): a hook sees
//! every allocate / reallocate / free / reset event of the allocators it is installed on.
//! It is the basis of a memory timeline. With no hook installed the cost is one branch.

use std::rc::Rc;

use super::{AllocInfo, Subsystem};

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A new block.
    Allocate,
    /// A block moved or resized; `old_address` and `old_size` describe it before.
    Reallocate {
        /// Address before the call.
        old_address: usize,
        /// Size before the call.
        old_size: usize,
    },
    /// A block given back.
    Free,
    /// An arena (or freelist) reset: every block freed at once. `size` is the bytes released.
    Reset,
}

/// One allocator event, as a hook sees it.
#[derive(Clone, Copy, Debug)]
pub struct AllocEvent {
    /// What happened.
    pub kind: EventKind,
    /// The allocator's subsystem, when it belongs to one.
    pub subsystem: Option<Subsystem>,
    /// The block's address (0 for a reset).
    pub address: usize,
    /// The block's size after the event (bytes released, for a reset).
    pub size: usize,
    /// The call's location, tag and script location (none for a reset).
    pub info: Option<AllocInfo>,
}

/// A shared callback. `Rc`, not `Arc`: allocators are per thread.
pub type AllocHook = Rc<dyn Fn(&AllocEvent)>;
