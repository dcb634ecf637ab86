//! The object graph at exit, as `--mem-debug` sees it: which objects the program's globals
//! still hold ("still reachable", as valgrind says), which objects nothing holds but
//! reference cycles (what Swift leaks), and the cycles themselves as paths through the
//! script's own names.
//!
//! Nodes are the tracked class instances and closures (`tracking.rs`); every other object
//! (arrays, strings, boxes of captured variables, ...) is part of an edge between nodes. A
//! cycle needs a node: value types cannot contain themselves, and a captured variable's box
//! is reachable only through a closure.

use std::collections::{HashMap, HashSet, VecDeque};

use super::module::Module;
use super::object::Obj;
use super::tracking::{self, NodeKind, NodeRef, Tracked};
use super::value::Value;
use crate::alloc::ScriptLocation;

/// One step of a path between nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
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

/// A strong reference from one node to another, through containers.
#[derive(Clone, Debug)]
struct Edge {
    to: usize,
    path: Vec<Step>,
}

/// A node of the graph.
#[derive(Clone, Debug)]
struct Node {
    tracked: Tracked,
    /// Class (nominal index) of an instance; function of a closure.
    what: u32,
    edges: Vec<Edge>,
}

/// A reference cycle, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// `Person (main.swift:3) .apartment -> Apartment (main.swift:9) .tenant -> Person`.
    pub path: String,
    /// Which reference to make `weak` or `unowned`, and how.
    pub hint: String,
    /// Objects in the cycle's strongly connected tangle beyond the printed path.
    pub more: usize,
}

/// What the walk found.
#[derive(Clone, Debug, Default)]
pub struct HeapAnalysis {
    /// One cycle per tangle of leaked objects, oldest first.
    pub cycles: Vec<Cycle>,
    /// Leaked nodes (instances and closures nothing outside the cycles holds).
    pub leaked_objects: usize,
    /// Every block a leaked node keeps alive (the nodes' own blocks included).
    pub leaked_blocks: HashSet<usize>,
    /// Blocks the roots (globals) hold, not also kept alive by a leak.
    pub reachable_blocks: HashSet<usize>,
    /// Heap storage owned by a block beyond the block itself (an array's buffer, a
    /// string's bytes), by block address.
    pub owned_bytes: HashMap<usize, usize>,
    /// Script locations of node blocks (instances: where created).
    pub locations: HashMap<usize, ScriptLocation>,
}

/// Walks the object graph from `roots` (globals, and the stack after a trap) over the
/// tracked nodes. Tracking must have been on while the program ran (`--mem-debug`).
pub fn analyse(module: &Module, roots: &[&Value]) -> HeapAnalysis {
    let mut analysis = HeapAnalysis::default();
    // Every node is pinned while the graph is read (and copies of what it holds are read),
    // so nothing here can free what is still to be read.
    let tracked = tracking::pinned_nodes();
    {
        // Instances already deinitialising are on their way out: not nodes.
        let live: Vec<&(Tracked, NodeRef)> = tracked
            .iter()
            .filter(|(_, n)| !matches!(n, NodeRef::Instance(w) if !w.header().is_live()))
            .collect();
        let mut nodes: Vec<Node> = Vec::with_capacity(live.len());
        let mut by_block: HashMap<usize, usize> = HashMap::new();
        for (t, node) in &live {
            let what = match node {
                NodeRef::Instance(w) => w.header().class,
                NodeRef::Closure(c) => c.func,
            };
            by_block.insert(t.block, nodes.len());
            nodes.push(Node {
                tracked: *t,
                what,
                edges: Vec::new(),
            });
        }
        // Edges out of each node, and the blocks each node holds directly.
        let mut holds: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for (i, (t, node)) in live.iter().enumerate() {
            let mut walk = Walk::new(&by_block, &mut analysis.owned_bytes);
            match node {
                NodeRef::Instance(w) => {
                    for f in 0..w.header().field_count() {
                        walk.value(&w.field(f), &mut vec![Step::Field(f)]);
                    }
                }
                NodeRef::Closure(c) => {
                    walk.owned(
                        t.block,
                        c.captures.capacity() * std::mem::size_of::<Obj<()>>(),
                    );
                    for (k, var) in c.captures.iter().enumerate() {
                        walk.block(Obj::addr(var), 0);
                        if let Ok(v) = var.value.try_borrow() {
                            walk.value(&v, &mut vec![Step::Capture(k)]);
                        }
                    }
                }
            }
            let Walk { edges, blocks, .. } = walk;
            if let Some(n) = nodes.get_mut(i) {
                n.edges = edges;
            }
            if let Some(h) = holds.get_mut(i) {
                *h = blocks;
            }
        }
        for n in &nodes {
            if let Some(at) = n.tracked.at {
                analysis.locations.insert(n.tracked.block, at);
            }
        }
        // What the roots reach.
        let mut reached_nodes = vec![false; nodes.len()];
        let mut reachable = HashSet::new();
        let mut frontier: Vec<usize> = Vec::new();
        {
            let mut walk = Walk::new(&by_block, &mut analysis.owned_bytes);
            for root in roots {
                walk.value(root, &mut Vec::new());
            }
            reachable.extend(walk.blocks);
            frontier.extend(walk.edges.into_iter().map(|e| e.to));
        }
        while let Some(i) = frontier.pop() {
            if std::mem::replace(&mut reached_nodes[i], true) {
                continue;
            }
            reachable.insert(nodes[i].tracked.block);
            reachable.extend(holds[i].iter().copied());
            frontier.extend(nodes[i].edges.iter().map(|e| e.to));
        }
        // Everything else alive is kept alive by a cycle: what it holds is leaked too.
        let leaked: Vec<usize> = (0..nodes.len()).filter(|&i| !reached_nodes[i]).collect();
        analysis.leaked_objects = leaked.len();
        for &i in &leaked {
            analysis.leaked_blocks.insert(nodes[i].tracked.block);
            analysis.leaked_blocks.extend(holds[i].iter().copied());
        }
        analysis.reachable_blocks = reachable
            .difference(&analysis.leaked_blocks)
            .copied()
            .collect();
        analysis.cycles = cycles(module, &nodes, &leaked);
    }
    drop(tracked);
    analysis
}

/// A walk through values from one node (or the roots): the edges to the nodes it meets and
/// the blocks it passes through.
struct Walk<'a> {
    by_block: &'a HashMap<usize, usize>,
    owned_bytes: &'a mut HashMap<usize, usize>,
    edges: Vec<Edge>,
    blocks: Vec<usize>,
    seen: HashSet<usize>,
}

impl<'a> Walk<'a> {
    fn new(
        by_block: &'a HashMap<usize, usize>,
        owned_bytes: &'a mut HashMap<usize, usize>,
    ) -> Walk<'a> {
        Walk {
            by_block,
            owned_bytes,
            edges: Vec::new(),
            blocks: Vec::new(),
            seen: HashSet::new(),
        }
    }

    fn owned(&mut self, block: usize, bytes: usize) {
        if bytes > 0 {
            self.owned_bytes.insert(block, bytes);
        }
    }

    /// Notes a container block; false if this walk has been through it already.
    fn block(&mut self, addr: usize, owned: usize) -> bool {
        if !self.seen.insert(addr) {
            return false;
        }
        self.blocks.push(addr);
        self.owned(addr, owned);
        true
    }

    fn node(&mut self, block: usize, path: &[Step]) {
        if let Some(&to) = self.by_block.get(&block) {
            if self.seen.insert(block) {
                self.edges.push(Edge {
                    to,
                    path: path.to_vec(),
                });
            }
        } else {
            // An untracked object (created before tracking began): a plain block.
            self.block(block, 0);
        }
    }

    fn value(&mut self, v: &Value, path: &mut Vec<Step>) {
        const VALUE: usize = std::mem::size_of::<Value>();
        match v {
            Value::Void | Value::Int(_) | Value::Double(_) | Value::Bool(_) | Value::Nil => {}
            Value::Str(s) => {
                self.block(Obj::addr(s), s.capacity());
            }
            Value::Array(a) | Value::Tuple(a) => {
                let tuple = matches!(v, Value::Tuple(_));
                if self.block(Obj::addr(a), a.capacity() * VALUE) {
                    for (i, e) in a.iter().enumerate() {
                        path.push(Step::Index(i, tuple));
                        self.value(e, path);
                        path.pop();
                    }
                }
            }
            Value::Slice(s) => {
                // The slice's box, then the storage it shares (all of it stays alive, also
                // the elements outside the window; positions are the storage's).
                if self.block(Obj::addr(s), 0)
                    && self.block(Obj::addr(&s.storage), s.storage.capacity() * VALUE)
                {
                    for (i, e) in s.storage.iter().enumerate() {
                        path.push(Step::Index(i, false));
                        self.value(e, path);
                        path.pop();
                    }
                }
            }
            Value::Dict(d) => {
                if self.block(Obj::addr(d), d.len() * 2 * VALUE) {
                    path.push(Step::Entry);
                    for (k, e) in d.iter() {
                        self.value(k, path);
                        self.value(e, path);
                    }
                    path.pop();
                }
            }
            Value::Set(s) => {
                if self.block(Obj::addr(s), s.len() * VALUE) {
                    path.push(Step::Entry);
                    for e in s.iter() {
                        self.value(e, path);
                    }
                    path.pop();
                }
            }
            Value::Range(r) => {
                if self.block(Obj::addr(r), 0) {
                    self.value(&r.lo, path);
                    self.value(&r.hi, path);
                }
            }
            Value::Seq(s) => {
                self.block(Obj::addr(s), 0);
            }
            Value::Iter(i) => {
                self.block(Obj::addr(i), 0);
            }
            Value::Closure(c) => self.node(Obj::addr(c), path),
            Value::Box(b) => {
                if self.block(Obj::addr(b), 0) {
                    if let Ok(inner) = b.value.try_borrow() {
                        self.value(&inner, path);
                    }
                }
            }
            Value::Some(inner) => {
                if self.block(Obj::addr(inner), 0) {
                    self.value(inner, path);
                }
            }
            Value::Enum(_, Some(payload)) => {
                if self.block(Obj::addr(payload), payload.capacity() * VALUE) {
                    for (i, e) in payload.iter().enumerate() {
                        path.push(Step::Payload(i));
                        self.value(e, path);
                        path.pop();
                    }
                }
            }
            Value::Enum(_, None) => {}
            Value::Object(o) => self.node(o.addr(), path),
            // A weak reference keeps the instance's memory (not the instance) allocated.
            Value::Weak(w) => {
                if !self.by_block.contains_key(&w.addr()) {
                    self.block(w.addr(), 0);
                }
            }
        }
    }
}

/// The cycles among the leaked nodes: one per strongly connected tangle, as the shortest
/// path from its oldest node back to itself.
fn cycles(module: &Module, nodes: &[Node], leaked: &[usize]) -> Vec<Cycle> {
    let in_leak: HashSet<usize> = leaked.iter().copied().collect();
    let components = strongly_connected(nodes, &in_leak);
    let mut out = Vec::new();
    for comp in components {
        let members: HashSet<usize> = comp.iter().copied().collect();
        let self_loop = comp.len() == 1 && nodes[comp[0]].edges.iter().any(|e| e.to == comp[0]);
        if comp.len() < 2 && !self_loop {
            continue;
        }
        let Some(&start) = comp.iter().min_by_key(|&&i| nodes[i].tracked.seq) else {
            continue;
        };
        let Some(ring) = shortest_cycle(nodes, &members, start) else {
            continue;
        };
        out.push((
            nodes[start].tracked.seq,
            render_cycle(module, nodes, &ring, comp.len()),
        ));
    }
    out.sort_by_key(|(seq, _)| *seq);
    out.into_iter().map(|(_, c)| c).collect()
}

/// Tarjan's algorithm, iteratively (a long cycle must not overflow the host stack).
fn strongly_connected(nodes: &[Node], within: &HashSet<usize>) -> Vec<Vec<usize>> {
    let n = nodes.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    let mut roots: Vec<usize> = within.iter().copied().collect();
    roots.sort_unstable();
    for root in roots {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next edge to look at)
        let mut call: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut e)) = call.last_mut() {
            let edges = &nodes[v].edges;
            if let Some(edge) = edges.get(*e) {
                *e += 1;
                let w = edge.to;
                if !within.contains(&w) {
                    continue;
                }
                if index[w] == usize::MAX {
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
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}

/// The shortest path of edges from `start` back to itself within `members` (breadth first).
fn shortest_cycle(
    nodes: &[Node],
    members: &HashSet<usize>,
    start: usize,
) -> Option<Vec<(usize, usize)>> {
    // For each node reached: the (node, edge index) it was reached by.
    let mut came: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for (k, e) in nodes[v].edges.iter().enumerate() {
            if !members.contains(&e.to) {
                continue;
            }
            if e.to == start {
                // Walk back to the start: the ring of (node, edge out of it).
                let mut ring = vec![(v, k)];
                let mut at = v;
                while at != start {
                    let &(prev, edge) = came.get(&at)?;
                    ring.push((prev, edge));
                    at = prev;
                }
                ring.reverse();
                return Some(ring);
            }
            if e.to != start && !came.contains_key(&e.to) {
                came.insert(e.to, (v, k));
                queue.push_back(e.to);
            }
        }
    }
    None
}

fn node_name(module: &Module, node: &Node) -> String {
    match node.tracked.kind {
        NodeKind::Instance => module
            .env
            .types
            .nominals
            .get(node.what as usize)
            .map_or_else(|| "object".to_string(), |n| n.name.clone()),
        NodeKind::Closure => "closure".to_string(),
    }
}

/// Where a node came from: an instance's creation line, a closure's written line.
fn node_place(module: &Module, node: &Node) -> Option<String> {
    match node.tracked.kind {
        NodeKind::Instance => node.tracked.at.map(|at| at.to_string()),
        NodeKind::Closure => module
            .functions
            .get(node.what as usize)
            .map(|f| format!("{}:{}", module.file, f.line)),
    }
}

fn field_name(module: &Module, class: u32, i: usize) -> String {
    module
        .env
        .types
        .nominals
        .get(class as usize)
        .and_then(|n| n.fields.get(i))
        .map_or_else(|| format!("#{i}"), |f| f.name.clone())
}

fn capture_name(module: &Module, func: u32, i: usize) -> String {
    module
        .functions
        .get(func as usize)
        .and_then(|f| f.capture_names.get(i))
        .map_or_else(|| format!("#{i}"), Clone::clone)
}

/// `.apartment`, `.children[0]`, ` captures self`.
fn path_text(module: &Module, node: &Node, path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Field(i) => {
                s.push('.');
                s.push_str(&field_name(module, node.what, *i));
            }
            Step::Capture(i) => {
                s.push_str("captures ");
                s.push_str(&capture_name(module, node.what, *i));
            }
            Step::Index(i, false) => s.push_str(&format!("[{i}]")),
            Step::Index(i, true) => s.push_str(&format!(".{i}")),
            Step::Entry => s.push_str("[_]"),
            Step::Payload(i) => s.push_str(&format!("(associated value {i})")),
        }
    }
    s
}

fn render_cycle(module: &Module, nodes: &[Node], ring: &[(usize, usize)], tangle: usize) -> Cycle {
    let mut path = String::new();
    for &(v, k) in ring {
        let node = &nodes[v];
        path.push_str(&node_name(module, node));
        if let Some(place) = node_place(module, node) {
            path.push_str(&format!(" ({place})"));
        }
        if let Some(edge) = node.edges.get(k) {
            path.push(' ');
            path.push_str(&path_text(module, node, &edge.path));
        }
        path.push_str(" -> ");
    }
    if let Some(&(first, _)) = ring.first() {
        path.push_str(&node_name(module, &nodes[first]));
    }
    Cycle {
        path,
        hint: hint(module, nodes, ring),
        more: tangle.saturating_sub(ring.len()),
    }
}

/// Which reference to weaken: the one pointing back from a newer object to an older one
/// (a child to its parent, a closure to the object that stores it), preferring the one that
/// points at the oldest object of the cycle.
fn hint(module: &Module, nodes: &[Node], ring: &[(usize, usize)]) -> String {
    let seq = |i: usize| nodes[i].tracked.seq;
    let back = ring
        .iter()
        .filter_map(|&(v, k)| nodes[v].edges.get(k).map(|e| (v, e)))
        .filter(|(v, e)| seq(*v) >= seq(e.to))
        .min_by_key(|(v, e)| (seq(e.to), std::cmp::Reverse(seq(*v))));
    let Some((v, edge)) = back else {
        return "make one of these references weak or unowned".to_string();
    };
    let node = &nodes[v];
    let target = node_name(module, &nodes[edge.to]);
    match (node.tracked.kind, edge.path.as_slice()) {
        (NodeKind::Instance, [Step::Field(i)]) => {
            let class = module.env.types.nominals.get(node.what as usize);
            let declaring = declaring_class(module, node.what, *i);
            let field = class.and_then(|c| c.fields.get(*i));
            let name = field_name(module, node.what, *i);
            let optional = field.is_some_and(|f| {
                matches!(
                    module.env.types.get(f.ty),
                    crate::sema::types::Type::Optional(_)
                )
            });
            let ty = field.map_or_else(|| target.clone(), |f| module.env.types.name(f.ty));
            if optional {
                format!("declare {declaring}.{name} as `weak var {name}: {ty}` to break the cycle")
            } else {
                let keyword = if field.is_some_and(|f| f.mutable) {
                    "var"
                } else {
                    "let"
                };
                format!("declare {declaring}.{name} as `unowned {keyword} {name}: {ty}` to break the cycle")
            }
        }
        (NodeKind::Closure, [Step::Capture(i), ..])
            if nodes[edge.to].tracked.kind == NodeKind::Closure =>
        {
            let name = capture_name(module, node.what, *i);
            let place = node_place(module, node).unwrap_or_default();
            format!(
                "the closure at {place} captures `{name}`, which holds a closure: set `{name} = nil` once it is no longer needed, or pass what the closure needs as a parameter"
            )
        }
        (NodeKind::Closure, [Step::Capture(i), ..]) => {
            let name = capture_name(module, node.what, *i);
            let place = node_place(module, node).unwrap_or_default();
            format!(
                "capture `{name}` weakly in the closure at {place}: `[weak {name}]` (or `[unowned {name}]`) to break the cycle"
            )
        }
        _ => {
            let from = node_name(module, node);
            let through = path_text(module, node, &edge.path);
            format!(
                "the reference {from} {through} -> {target} is held inside a collection; store it through a `weak var` (for example a small wrapper class) to break the cycle"
            )
        }
    }
}

/// The class that declares stored property `i` of `class` (a superclass for inherited ones).
fn declaring_class(module: &Module, class: u32, i: usize) -> String {
    let types = &module.env.types;
    let mut at = class;
    loop {
        let Some(info) = types.nominals.get(at as usize) else {
            return "?".to_string();
        };
        if i >= info.own_fields_start {
            return info.name.clone();
        }
        match info.superclass.and_then(|s| types.nominal_index(s)) {
            Some(sup) => at = sup,
            None => return info.name.clone(),
        }
    }
}
