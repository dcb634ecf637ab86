//! The live-object registry behind `--mem-debug`: every class instance and closure that
//! has not been freed, with its creation order and the script line that created it. The
//! leak report (`leaks.rs`) walks it to find what reference cycles keep alive.
//!
//! Off (the default) it costs one thread-local flag read per instance or closure created
//! and freed. On, a node is added when it is created and removed before its memory can be
//! freed, which is what makes reading a tracked address sound.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::instance::InstWeak;
use super::object::Obj;
use super::value::Closure;
use crate::alloc::ScriptLocation;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(false) };
    static NODES: RefCell<HashMap<usize, Tracked>> = RefCell::new(HashMap::new());
    static NEXT_SEQ: Cell<u64> = const { Cell::new(0) };
}

/// What kind of object a tracked node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A class instance (the key is its `InstBox`).
    Instance,
    /// A closure (the key is its `Closure` value inside its object).
    Closure,
}

/// A tracked node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tracked {
    /// The registry key: the address of the `InstBox` or `Closure`.
    pub key: usize,
    /// The address of the allocator block that holds it (what the trace allocator lists).
    pub block: usize,
    /// Creation order.
    pub seq: u64,
    /// The script line that created it, when the VM was tracing lines.
    pub at: Option<ScriptLocation>,
    /// Instance or closure.
    pub kind: NodeKind,
}

/// A tracked node, pinned: the reference keeps it allocated (an instance's weak reference,
/// a closure's strong one) for as long as the caller holds it, whatever else is released
/// meanwhile.
pub enum NodeRef {
    /// A class instance (live, deinitialising or released).
    Instance(InstWeak),
    /// A closure.
    Closure(Obj<Closure>),
}

/// Turns tracking on or off; off forgets every node.
pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
    if !on {
        NODES.with(|n| n.borrow_mut().clear());
    }
}

/// Whether nodes are being tracked.
#[inline]
pub fn enabled() -> bool {
    ENABLED.with(Cell::get)
}

/// Records a new node (when tracking is on).
#[inline]
pub fn remember(key: usize, block: usize, kind: NodeKind) {
    if enabled() {
        remember_slow(key, block, kind);
    }
}

#[cold]
fn remember_slow(key: usize, block: usize, kind: NodeKind) {
    let seq = NEXT_SEQ.with(|s| {
        let n = s.get();
        s.set(n + 1);
        n
    });
    let node = Tracked {
        key,
        block,
        seq,
        at: ScriptLocation::current(),
        kind,
    };
    NODES.with(|n| n.borrow_mut().insert(key, node));
}

/// Forgets a node about to be freed (when tracking is on).
#[inline]
pub fn forget(key: usize) {
    if enabled() {
        NODES.with(|n| n.borrow_mut().remove(&key));
    }
}

/// Every tracked node, in creation order.
pub fn nodes() -> Vec<Tracked> {
    let mut all: Vec<Tracked> = NODES.with(|n| n.borrow().values().copied().collect());
    all.sort_by_key(|t| t.seq);
    all
}

/// Every tracked node pinned, as `f` makes it from the node's record and its pin, in no
/// particular order: the leak report's compact graph (a caller that only needs part of the
/// record keeps no copy of the rest). `f` runs while the registry is read: it must keep
/// the pin (dropping one could free a node, which edits the registry).
pub fn pinned_nodes_with<T>(mut f: impl FnMut(&Tracked, NodeRef) -> T) -> Vec<T> {
    // The same argument as `pinned_nodes`: every key is pinnable, and nothing but `f` runs
    // between the read and the pins.
    NODES.with(|n| {
        let nodes = n.borrow();
        let mut out = Vec::with_capacity(nodes.len());
        for t in nodes.values() {
            let node = match t.kind {
                // SAFETY: a tracked instance key is an allocated instance (`pinned_nodes`).
                NodeKind::Instance => unsafe { InstWeak::pin(t.key) }.map(NodeRef::Instance),
                // SAFETY: a tracked closure's block is its live `Obj<Closure>` (`pinned_nodes`).
                NodeKind::Closure => unsafe { Obj::from_block(t.block) }.map(NodeRef::Closure),
            };
            if let Some(node) = node {
                out.push(f(t, node));
            }
        }
        out
    })
}

/// Every tracked node with a reference that pins it, in creation order.
pub fn pinned_nodes() -> Vec<(Tracked, NodeRef)> {
    // A tracked instance key is removed (`forget`) before the instance's memory is freed
    // (`instance::free`); `Closure`'s `Drop` forgets its key before the value (and then its
    // object's memory) goes, and runs only once the closure's strong count is zero. So every
    // key is an allocated instance, or a closure whose object has a strong count of at least
    // one, and no code runs between this read of the registry and the pins.
    nodes()
        .into_iter()
        .filter_map(|t| {
            let node = match t.kind {
                // SAFETY: a tracked instance key is an allocated instance (above).
                NodeKind::Instance => NodeRef::Instance(unsafe { InstWeak::pin(t.key) }?),
                // SAFETY: a tracked closure's block is its live `Obj<Closure>` (above).
                NodeKind::Closure => NodeRef::Closure(unsafe { Obj::from_block(t.block) }?),
            };
            Some((t, node))
        })
        .collect()
}
