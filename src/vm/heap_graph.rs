//! The object graph at exit, as `--mem-debug` sees it: which objects the program's globals
//! still hold ("still reachable", as valgrind says), which objects nothing holds but
//! reference cycles (what Swift leaks), and the cycles themselves as paths through the
//! script's own names, each distinct shape once with how many cycles have it.
//!
//! Nodes are the tracked class instances and closures (`tracking.rs`); every other object
//! (arrays, strings, boxes of captured variables, ...) is part of an edge between nodes. A
//! cycle needs a node: value types cannot contain themselves, and a captured variable's box
//! is reachable only through a closure.
//!
//! The walk runs when the heap is at its fullest, so it is kept small: a few words per node
//! (the pin, creation order and line; edges and held blocks as flat arrays indexed by node;
//! an index sorted by address instead of a hash table), and the sets it hands on are sorted
//! arrays. A reference's path through containers is not stored: the few that a report
//! prints are found again by walking their node once more.

use std::collections::{HashMap, HashSet, VecDeque};

use super::cycle_text::{self, Link, Object};
use super::module::Module;
use super::object::Obj;
use super::tracking::{self, NodeKind, NodeRef};
use super::value::{Items, Str, Value};
use crate::alloc::ScriptLocation;
use crate::sema::types::{Type, TypeId, TypeTable};

use super::heap_labels::{BlockKind, Labels};

/// One step of a path between nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Stored property `i` of an instance.
    Field(usize),
    /// Captured variable `i` of a closure.
    Capture(usize),
    /// Element `i` of an array or tuple (`[i]` / `.i`).
    Index(usize, bool),
    /// A dictionary's value or key, a set's element.
    Entry,
    /// An enum's associated value `i`.
    Payload(usize),
}

/// A reference cycle shape, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cycle {
    /// `Person (main.swift:3) .apartment -> Apartment (main.swift:9) .tenant -> Person`.
    pub path: String,
    /// Which reference to make `weak` or `unowned`, and how.
    pub hint: String,
    /// Objects in the cycle's strongly connected tangle beyond the printed path.
    pub more: usize,
    /// How many cycles print exactly like this one (at least 1).
    pub count: usize,
}

/// What the walk found.
#[derive(Clone, Debug, Default)]
pub struct HeapAnalysis {
    /// One entry per cycle shape (one cycle per tangle of leaked objects), in the order of
    /// their oldest objects.
    pub cycles: Vec<Cycle>,
    /// Leaked nodes (instances and closures nothing outside the cycles holds).
    pub leaked_objects: usize,
    /// Every block a leaked node keeps alive (the nodes' own blocks included), sorted, each
    /// with what it is (an index into `labels`).
    leaked_blocks: Vec<(usize, u32)>,
    /// What leaked blocks are, as the report names them: `Person`, `String`, `closure`,
    /// `Array storage`...
    labels: Vec<String>,
    /// Blocks the roots (globals) hold, not also kept alive by a leak, sorted.
    reachable_blocks: Vec<usize>,
    /// Heap storage owned by a block beyond the block itself (an array's buffer, a string's
    /// bytes), by block address, sorted; only blocks that own some.
    owned_bytes: Vec<(usize, usize)>,
    /// Storage buffers (a collection's elements, a dictionary's index) by address, sorted,
    /// each with the block that owns it: its bytes are in the owner's line of the report.
    parts: Vec<(usize, usize)>,
    /// Script locations of leaked node blocks (instances: where created), sorted.
    locations: Vec<(usize, ScriptLocation)>,
}

impl HeapAnalysis {
    /// The number of cycles (every shape's count).
    pub fn cycle_count(&self) -> usize {
        self.cycles.iter().map(|c| c.count).sum()
    }

    /// Whether a leaked node keeps `block` alive.
    pub fn is_leaked(&self, block: usize) -> bool {
        self.leaked_blocks
            .binary_search_by_key(&block, |&(b, _)| b)
            .is_ok()
    }

    /// What the leaked block at `block` is, as an index for [`HeapAnalysis::label_name`].
    pub fn label(&self, block: usize) -> Option<u32> {
        let i = self
            .leaked_blocks
            .binary_search_by_key(&block, |&(b, _)| b)
            .ok()?;
        self.leaked_blocks.get(i).map(|&(_, label)| label)
    }

    /// A label's text (`Person`, `String`, `Array storage`).
    pub fn label_name(&self, label: u32) -> &str {
        self.labels.get(label as usize).map_or("", String::as_str)
    }

    /// Whether the roots hold `block` (and no leak does).
    pub fn is_reachable(&self, block: usize) -> bool {
        self.reachable_blocks.binary_search(&block).is_ok()
    }

    /// Heap storage `block` owns beyond itself.
    pub fn owned(&self, block: usize) -> usize {
        self.owned_bytes
            .binary_search_by_key(&block, |&(b, _)| b)
            .ok()
            .and_then(|i| self.owned_bytes.get(i))
            .map_or(0, |&(_, bytes)| bytes)
    }

    /// The block whose storage buffer `block` is, if it is one the walks passed.
    pub fn owner_of(&self, block: usize) -> Option<usize> {
        self.parts
            .binary_search_by_key(&block, |&(b, _)| b)
            .ok()
            .and_then(|i| self.parts.get(i))
            .map(|&(_, owner)| owner)
    }

    /// Where the leaked node at `block` was created.
    pub fn location(&self, block: usize) -> Option<ScriptLocation> {
        self.locations
            .binary_search_by_key(&block, |&(b, _)| b)
            .ok()
            .and_then(|i| self.locations.get(i))
            .map(|&(_, at)| at)
    }
}

/// A node of the graph: its pin and what the report needs of its tracking record.
struct Node {
    pin: NodeRef,
    seq: u64,
    at: Option<ScriptLocation>,
}

impl Node {
    fn block(&self) -> usize {
        match &self.pin {
            NodeRef::Instance(w) => w.addr(),
            NodeRef::Closure(c) => Obj::addr(c),
        }
    }

    fn object(&self) -> Object {
        let (kind, what) = match &self.pin {
            NodeRef::Instance(w) => (NodeKind::Instance, w.header().class),
            NodeRef::Closure(c) => (NodeKind::Closure, c.func),
        };
        Object {
            kind,
            what,
            seq: self.seq,
            at: self.at,
        }
    }
}

/// A node index as the flat arrays keep it (there are far fewer than 2^32 objects).
fn ix(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The nodes, their edges and the blocks they hold, as flat arrays.
struct Graph {
    /// Pinned while the graph lives, so nothing read can be freed meanwhile; oldest first.
    nodes: Vec<Node>,
    /// Node indices by block address.
    by_block: Vec<u32>,
    /// Node `i`'s edges are `targets[edge_start[i]..edge_start[i + 1]]`.
    edge_start: Vec<usize>,
    targets: Vec<u32>,
}

impl Graph {
    fn node_at(&self, block: usize) -> Option<usize> {
        let i = self
            .by_block
            .binary_search_by_key(&block, |&n| {
                self.nodes.get(n as usize).map_or(usize::MAX, Node::block)
            })
            .ok()?;
        self.by_block.get(i).map(|&n| n as usize)
    }

    fn edges(&self, i: usize) -> &[u32] {
        let start = self.edge_start.get(i).copied().unwrap_or(0);
        let end = self.edge_start.get(i + 1).copied().unwrap_or(start);
        self.targets.get(start..end).unwrap_or(&[])
    }

    /// Walks node `i`'s stored properties or captures.
    fn walk_node(&self, i: usize, walk: &mut Walk<'_>) {
        let Some(node) = self.nodes.get(i) else {
            return;
        };
        match &node.pin {
            NodeRef::Instance(w) => {
                for f in 0..w.header().field_count() {
                    walk.value(
                        &w.field(f),
                        &mut vec![Step::Field(f)],
                        walk.field_type(w.header().class, f),
                    );
                }
            }
            NodeRef::Closure(c) => {
                let captures = (c.captures.capacity() > 0).then(|| {
                    (
                        c.captures.as_ptr() as usize,
                        c.captures.capacity() * std::mem::size_of::<Obj<()>>(),
                    )
                });
                walk.own(node.block(), captures);
                for (k, var) in c.captures.iter().enumerate() {
                    walk.block(Obj::addr(var), None, BlockKind::Box);
                    if let Ok(v) = var.value.try_borrow() {
                        walk.value(&v, &mut vec![Step::Capture(k)], None);
                    }
                }
            }
        }
    }

    /// The path of node `from`'s reference to node `to` (walking `from` once more).
    fn path(&self, from: usize, to: usize) -> Vec<Step> {
        let mut owned = Ownership::default();
        let mut walk = Walk::new(self, &mut owned, true);
        self.walk_node(from, &mut walk);
        walk.targets
            .iter()
            .position(|&t| t == to)
            .and_then(|k| walk.paths.get(k).cloned())
            .unwrap_or_default()
    }
}

/// Walks the object graph from `roots` (globals, and the stack after a trap) over the
/// tracked nodes. Tracking must have been on while the program ran (`--mem-debug`).
pub fn analyse(module: &Module, roots: &[&Value]) -> HeapAnalysis {
    let mut nodes = tracking::pinned_nodes_with(|t, pin| Node {
        pin,
        seq: t.seq,
        at: t.at,
    });
    // Instances already deinitialising are on their way out: not nodes. (Their pins are
    // dropped here, outside the registry's read.)
    nodes.retain(|n| !matches!(&n.pin, NodeRef::Instance(w) if !w.header().is_live()));
    nodes.sort_unstable_by_key(|n| n.seq);
    nodes.shrink_to_fit();
    let mut by_block: Vec<u32> = (0..nodes.len()).map(ix).collect();
    by_block.sort_unstable_by_key(|&i| nodes.get(i as usize).map_or(0, Node::block));
    let mut graph = Graph {
        nodes,
        by_block,
        edge_start: Vec::new(),
        targets: Vec::new(),
    };
    let n = graph.nodes.len();

    // Edges out of each node, and the blocks each node holds directly.
    let mut owned = Ownership::default();
    let mut edge_start = Vec::with_capacity(n + 1);
    let mut targets: Vec<u32> = Vec::new();
    let mut hold_start = Vec::with_capacity(n + 1);
    let mut held: Vec<usize> = Vec::new();
    {
        let mut walk = Walk::new(&graph, &mut owned, false);
        for i in 0..n {
            edge_start.push(targets.len());
            hold_start.push(held.len());
            graph.walk_node(i, &mut walk);
            targets.extend(walk.targets.iter().map(|&t| ix(t)));
            held.append(&mut walk.blocks);
            walk.clear();
        }
    }
    edge_start.push(targets.len());
    hold_start.push(held.len());
    targets.shrink_to_fit();
    held.shrink_to_fit();
    graph.edge_start = edge_start;
    graph.targets = targets;
    let holds = |i: usize| -> &[usize] {
        let start = hold_start.get(i).copied().unwrap_or(0);
        let end = hold_start.get(i + 1).copied().unwrap_or(start);
        held.get(start..end).unwrap_or(&[])
    };

    // What the roots reach.
    let mut reached = vec![false; n];
    let mut reachable: Vec<usize> = Vec::new();
    let mut frontier: Vec<u32> = Vec::new();
    {
        let mut walk = Walk::new(&graph, &mut owned, false);
        for root in roots {
            walk.value(root, &mut Vec::new(), None);
        }
        reachable.append(&mut walk.blocks);
        frontier.extend(walk.targets.iter().map(|&t| ix(t)));
    }
    while let Some(i) = frontier.pop() {
        let i = i as usize;
        match reached.get_mut(i) {
            Some(r) if !*r => *r = true,
            _ => continue,
        }
        if let Some(node) = graph.nodes.get(i) {
            reachable.push(node.block());
        }
        reachable.extend_from_slice(holds(i));
        frontier.extend_from_slice(graph.edges(i));
    }

    // Everything else alive is kept alive by a cycle: what it holds is leaked too.
    let mut analysis = HeapAnalysis::default();
    let mut leaked_blocks: Vec<(usize, u32)> = Vec::new();
    let mut locations = Vec::new();
    let mut labels = Labels::new(module);
    {
        // What each leaked block is: the node's own kind, and for what it holds, a walk of
        // the node once more that notes kinds (only leaked nodes pay for it).
        let mut scratch = Ownership::default();
        let mut walk = Walk::new(&graph, &mut scratch, false);
        walk.types = Some(&module.env.types);
        for (i, node) in graph.nodes.iter().enumerate() {
            if reached.get(i).copied().unwrap_or(true) {
                continue;
            }
            analysis.leaked_objects += 1;
            let kind = match &node.pin {
                NodeRef::Instance(w) => BlockKind::Instance(w.header().class),
                NodeRef::Closure(_) => BlockKind::Closure,
            };
            leaked_blocks.push((node.block(), labels.of(kind)));
            graph.walk_node(i, &mut walk);
            for &(b, k) in &walk.kinds {
                leaked_blocks.push((b, labels.of(k)));
            }
            walk.clear();
            if let Some(at) = node.at {
                locations.push((node.block(), at));
            }
        }
    }
    drop(held);
    drop(hold_start);
    leaked_blocks.sort_unstable_by_key(|&(b, _)| b);
    leaked_blocks.dedup_by_key(|&mut (b, _)| b);
    leaked_blocks.shrink_to_fit();
    locations.sort_unstable_by_key(|&(b, _)| b);
    locations.shrink_to_fit();
    reachable.sort_unstable();
    reachable.dedup();
    reachable.retain(|b| leaked_blocks.binary_search_by_key(b, |&(l, _)| l).is_err());
    reachable.shrink_to_fit();
    let Ownership {
        mut owned_bytes,
        mut parts,
    } = owned;
    owned_bytes.sort_unstable();
    owned_bytes.dedup_by_key(|&mut (b, _)| b);
    owned_bytes.shrink_to_fit();
    parts.sort_unstable();
    parts.dedup_by_key(|&mut (b, _)| b);
    parts.shrink_to_fit();
    analysis.leaked_blocks = leaked_blocks;
    analysis.labels = labels.names;
    analysis.reachable_blocks = reachable;
    analysis.owned_bytes = owned_bytes;
    analysis.parts = parts;
    analysis.locations = locations;
    analysis.cycles = cycles(module, &graph, &reached);
    analysis
}

/// What blocks own beyond themselves: bytes by owner, and each buffer's owner.
#[derive(Default)]
struct Ownership {
    owned_bytes: Vec<(usize, usize)>,
    parts: Vec<(usize, usize)>,
}

/// An array's, tuple's or payload's element buffer as (address, bytes), if it has one.
fn items_buffer(items: &Items) -> Option<(usize, usize)> {
    (items.capacity() > 0).then(|| {
        (
            items.as_ptr() as usize,
            items.capacity() * std::mem::size_of::<Value>(),
        )
    })
}

/// A walk through values from one node (or the roots): the nodes it meets (with the path
/// to each, when asked) and the blocks it passes through.
struct Walk<'a> {
    graph: &'a Graph,
    owned: &'a mut Ownership,
    /// Record the path to each node met (`paths`).
    with_paths: bool,
    targets: Vec<usize>,
    paths: Vec<Vec<Step>>,
    blocks: Vec<usize>,
    /// With `types`: what each block met is.
    kinds: Vec<(usize, BlockKind)>,
    /// Set when naming leaked blocks: the program's types, to name collections by their
    /// static type.
    types: Option<&'a TypeTable>,
    seen: HashSet<usize>,
}

/// A part of a value, to find its static type.
#[derive(Clone, Copy)]
enum Part {
    Element(usize),
    Key,
    Value,
    Wrapped,
}

impl<'a> Walk<'a> {
    fn new(graph: &'a Graph, owned: &'a mut Ownership, with_paths: bool) -> Walk<'a> {
        Walk {
            graph,
            owned,
            with_paths,
            targets: Vec::new(),
            paths: Vec::new(),
            blocks: Vec::new(),
            kinds: Vec::new(),
            types: None,
            seen: HashSet::new(),
        }
    }

    /// Ready for the next node (keeping the buffers' capacity).
    fn clear(&mut self) {
        self.targets.clear();
        self.paths.clear();
        self.blocks.clear();
        self.kinds.clear();
        self.seen.clear();
    }

    /// The static type of stored property `f` of class `class` (only when naming blocks).
    fn field_type(&self, class: u32, f: usize) -> Option<TypeId> {
        let types = self.types?;
        types
            .nominals
            .get(class as usize)?
            .fields
            .get(f)
            .map(|f| f.ty)
    }

    /// `of` without its optional layers.
    fn unwrapped(&self, of: Option<TypeId>) -> Option<TypeId> {
        let types = self.types?;
        let mut t = of?;
        while let Type::Optional(inner) = types.get(t) {
            t = *inner;
        }
        Some(t)
    }

    /// `of`, if it is a type `expect` accepts (the value's own kind of collection).
    fn typed(&self, of: Option<TypeId>, expect: fn(&Type) -> bool) -> Option<TypeId> {
        let types = self.types?;
        of.filter(|&t| expect(types.get(t)))
    }

    /// The static type of a part of a value of type `of` (only when naming blocks).
    fn part_type(&self, of: Option<TypeId>, part: Part) -> Option<TypeId> {
        let types = self.types?;
        match (types.get(of?), part) {
            (Type::Array(t) | Type::ArraySlice(t) | Type::Set(t), Part::Element(_)) => Some(*t),
            (Type::Tuple(elems), Part::Element(i)) => elems.get(i).map(|(_, t)| *t),
            (Type::Dictionary(k, _), Part::Key) => Some(*k),
            (Type::Dictionary(_, v), Part::Value) => Some(*v),
            (Type::Optional(t), Part::Wrapped) => Some(*t),
            _ => None,
        }
    }

    /// Notes a container block and the storage buffers it owns; false if this walk has
    /// been through it already.
    fn block(
        &mut self,
        addr: usize,
        buffers: impl IntoIterator<Item = (usize, usize)>,
        kind: BlockKind,
    ) -> bool {
        if !self.seen.insert(addr) {
            return false;
        }
        self.blocks.push(addr);
        if self.types.is_some() {
            self.kinds.push((addr, kind));
        }
        self.own(addr, buffers);
        true
    }

    /// Notes the storage buffers `owner` owns.
    fn own(&mut self, owner: usize, buffers: impl IntoIterator<Item = (usize, usize)>) {
        let mut bytes = 0;
        for (buffer, size) in buffers {
            bytes += size;
            self.owned.parts.push((buffer, owner));
        }
        if bytes > 0 {
            self.owned.owned_bytes.push((owner, bytes));
        }
    }

    fn node(&mut self, block: usize, path: &[Step]) {
        if let Some(to) = self.graph.node_at(block) {
            if self.seen.insert(block) {
                self.targets.push(to);
                if self.with_paths {
                    self.paths.push(path.to_vec());
                }
            }
        } else {
            // An untracked object (created before tracking began): a plain block.
            self.block(block, None, BlockKind::Other);
        }
    }

    fn value(&mut self, v: &Value, path: &mut Vec<Step>, hint: Option<TypeId>) {
        // An optional holding a value is the value itself, except the boxed `Some` of a
        // nested optional.
        let hint = match v {
            Value::Some(_) => hint,
            _ => self.unwrapped(hint),
        };
        match v {
            Value::Void | Value::Int(_) | Value::Double(_) | Value::Bool(_) | Value::Nil => {}
            Value::Str(s) => {
                self.block(Str::addr(s), None, BlockKind::Str);
            }
            Value::Array(a) | Value::Tuple(a) => {
                let tuple = matches!(v, Value::Tuple(_));
                let typed = self.typed(hint, |t| {
                    matches!(t, Type::Tuple(_) | Type::Array(_) | Type::ArraySlice(_))
                });
                let kind = match typed {
                    Some(t) => BlockKind::Typed(t),
                    None if tuple => BlockKind::Tuple,
                    None => BlockKind::Array,
                };
                if self.block(Obj::addr(a), items_buffer(a), kind) {
                    for (i, e) in a.iter().enumerate() {
                        path.push(Step::Index(i, tuple));
                        let hint = self.part_type(hint, Part::Element(i));
                        self.value(e, path, hint);
                        path.pop();
                    }
                }
            }
            Value::Slice(s) => {
                // The slice's box, then the storage it shares (all of it stays alive, also
                // the elements outside the window; positions are the storage's).
                if self.block(Obj::addr(s), None, BlockKind::Slice)
                    && self.block(
                        Obj::addr(&s.storage),
                        items_buffer(&s.storage),
                        BlockKind::Array,
                    )
                {
                    for (i, e) in s.storage.iter().enumerate() {
                        path.push(Step::Index(i, false));
                        self.value(e, path, None);
                        path.pop();
                    }
                }
            }
            Value::Dict(d) => {
                let kind = match self.typed(hint, |t| matches!(t, Type::Dictionary(..))) {
                    Some(t) => BlockKind::Typed(t),
                    None => BlockKind::Dictionary,
                };
                if self.block(Obj::addr(d), d.buffers(), kind) {
                    path.push(Step::Entry);
                    let (kt, vt) = (
                        self.part_type(hint, Part::Key),
                        self.part_type(hint, Part::Value),
                    );
                    for (k, e) in d.iter() {
                        self.value(k, path, kt);
                        self.value(e, path, vt);
                    }
                    path.pop();
                }
            }
            Value::Set(s) => {
                let kind = match self.typed(hint, |t| matches!(t, Type::Set(_))) {
                    Some(t) => BlockKind::Typed(t),
                    None => BlockKind::Set,
                };
                if self.block(Obj::addr(s), s.buffers(), kind) {
                    path.push(Step::Entry);
                    let et = self.part_type(hint, Part::Element(0));
                    for e in s.iter() {
                        self.value(e, path, et);
                    }
                    path.pop();
                }
            }
            Value::Range(r) => {
                if self.block(Obj::addr(r), None, BlockKind::Range) {
                    self.value(&r.lo, path, None);
                    self.value(&r.hi, path, None);
                }
            }
            Value::Seq(s) => {
                self.block(Obj::addr(s), None, BlockKind::Sequence);
            }
            Value::Iter(i) => {
                self.block(Obj::addr(i), None, BlockKind::Iterator);
            }
            Value::Closure(c) => self.node(Obj::addr(c), path),
            Value::Box(b) => {
                if self.block(Obj::addr(b), None, BlockKind::Box) {
                    if let Ok(inner) = b.value.try_borrow() {
                        self.value(&inner, path, None);
                    }
                }
            }
            Value::Some(inner) => {
                if self.block(Obj::addr(inner), None, BlockKind::Optional) {
                    let inner_type = self.part_type(hint, Part::Wrapped);
                    self.value(inner, path, inner_type);
                }
            }
            Value::Enum(_, Some(payload)) => {
                if self.block(
                    Obj::addr(payload),
                    items_buffer(payload),
                    BlockKind::Payload,
                ) {
                    for (i, e) in payload.iter().enumerate() {
                        path.push(Step::Payload(i));
                        self.value(e, path, None);
                        path.pop();
                    }
                }
            }
            Value::Enum(_, None) => {}
            Value::Object(o) => self.node(o.addr(), path),
            // A weak reference keeps the instance's memory (not the instance) allocated.
            Value::Weak(w) => {
                if self.graph.node_at(w.addr()).is_none() {
                    self.block(w.addr(), None, BlockKind::Other);
                }
            }
        }
    }
}

/// The cycles among the leaked nodes (those not `reached`): one per strongly connected
/// tangle, as the shortest path from its oldest node back to itself, grouped by how they
/// print, in the order of their oldest nodes.
fn cycles(module: &Module, graph: &Graph, reached: &[bool]) -> Vec<Cycle> {
    let leaked = |i: usize| !reached.get(i).copied().unwrap_or(true);
    // Tangle number of each node once its tangle is found.
    let mut tangle_of = vec![u32::MAX; graph.nodes.len()];
    let mut tangles = 0u32;
    // Each shape with the creation order of its oldest cycle's start.
    let mut shapes: Vec<(u64, Cycle)> = Vec::new();
    let mut by_text: HashMap<(String, String, usize), usize> = HashMap::new();
    strongly_connected(graph, &leaked, |comp| {
        let id = tangles;
        tangles = tangles.saturating_add(1);
        for &v in comp {
            if let Some(t) = tangle_of.get_mut(v) {
                *t = id;
            }
        }
        let self_loop = comp.len() == 1 && graph.edges(comp[0]).contains(&ix(comp[0]));
        if comp.len() < 2 && !self_loop {
            return;
        }
        let seq = |i: usize| graph.nodes.get(i).map_or(u64::MAX, |n| n.seq);
        let Some(&start) = comp.iter().min_by_key(|&&i| seq(i)) else {
            return;
        };
        let member = |i: usize| tangle_of.get(i) == Some(&id);
        let Some(ring) = shortest_cycle(graph, &member, start) else {
            return;
        };
        let links: Vec<Link> = ring
            .iter()
            .enumerate()
            .filter_map(|(k, &(from, to))| {
                Some(Link {
                    from: graph.nodes.get(from)?.object(),
                    to: (k + 1) % ring.len(),
                    path: graph.path(from, to),
                })
            })
            .collect();
        let key = (
            cycle_text::path(module, &links),
            cycle_text::hint(module, &links),
            comp.len().saturating_sub(ring.len()),
        );
        let first = seq(start);
        match by_text.get(&key) {
            Some(&at) => {
                if let Some((oldest, shape)) = shapes.get_mut(at) {
                    *oldest = (*oldest).min(first);
                    shape.count += 1;
                }
            }
            None => {
                by_text.insert(key.clone(), shapes.len());
                let (path, hint, more) = key;
                shapes.push((
                    first,
                    Cycle {
                        path,
                        hint,
                        more,
                        count: 1,
                    },
                ));
            }
        }
    });
    shapes.sort_by_key(|(seq, _)| *seq);
    shapes.into_iter().map(|(_, c)| c).collect()
}

/// Tarjan's algorithm over the nodes `within` allows, iteratively (a long cycle must not
/// overflow the host stack); each component goes to `found` as soon as it is complete.
fn strongly_connected(
    graph: &Graph,
    within: &dyn Fn(usize) -> bool,
    mut found: impl FnMut(&[usize]),
) {
    const UNSEEN: u32 = u32::MAX;
    let n = graph.nodes.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut comp: Vec<usize> = Vec::new();
    let mut next = 0u32;
    // (node, next edge to look at)
    let mut call: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if !within(root) || index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        call.push((root, 0));
        while let Some(&mut (v, ref mut e)) = call.last_mut() {
            if let Some(&w) = graph.edges(v).get(*e) {
                *e += 1;
                let w = w as usize;
                if w >= n || !within(w) {
                    continue;
                }
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                comp.clear();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                found(&comp);
            }
        }
    }
}

/// The shortest path of edges from `start` back to itself within `member` (breadth first),
/// as (node, the next node) pairs.
fn shortest_cycle(
    graph: &Graph,
    member: &dyn Fn(usize) -> bool,
    start: usize,
) -> Option<Vec<(usize, usize)>> {
    // For each node reached: the node it was reached from.
    let mut came: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &to in graph.edges(v) {
            let to = to as usize;
            if !member(to) {
                continue;
            }
            if to == start {
                // Walk back to the start: the ring of (node, next node).
                let mut ring = vec![(v, start)];
                let mut at = v;
                while at != start {
                    let &prev = came.get(&at)?;
                    ring.push((prev, at));
                    at = prev;
                }
                ring.reverse();
                return Some(ring);
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = came.entry(to) {
                slot.insert(v);
                queue.push_back(to);
            }
        }
    }
    None
}
