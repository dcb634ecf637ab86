//! How `--mem-debug` words a reference cycle: each object by its class (or `closure`) and the
//! line that created it, each reference by the script's own names (`.apartment`,
//! `.children[0]`, `captures self`), and a hint naming the reference to make `weak` or
//! `unowned`. The graph is `heap_graph.rs`'s; this file only reads the module's names.

use super::heap_graph::Step;
use super::module::Module;
use super::tracking::NodeKind;
use crate::alloc::ScriptLocation;

/// What the text needs of one object of a cycle.
#[derive(Clone, Copy, Debug)]
pub struct Object {
    /// Instance or closure.
    pub kind: NodeKind,
    /// Class (nominal index) of an instance; function of a closure.
    pub what: u32,
    /// Creation order.
    pub seq: u64,
    /// Where an instance was created.
    pub at: Option<ScriptLocation>,
}

/// One reference of a cycle: from an object, through `path`, to the object at `to` (an
/// index into the ring).
#[derive(Clone, Debug)]
pub struct Link {
    /// The object holding the reference.
    pub from: Object,
    /// The ring position of the object referred to.
    pub to: usize,
    /// Through which property, capture, element or associated value.
    pub path: Vec<Step>,
}

/// `Person (main.swift:3) .apartment -> Apartment (main.swift:9) .tenant -> Person`.
pub fn path(module: &Module, ring: &[Link]) -> String {
    let mut text = String::new();
    for link in ring {
        text.push_str(&name(module, &link.from));
        if let Some(place) = place(module, &link.from) {
            text.push_str(&format!(" ({place})"));
        }
        text.push(' ');
        text.push_str(&path_text(module, &link.from, &link.path));
        text.push_str(" -> ");
    }
    if let Some(first) = ring.first() {
        text.push_str(&name(module, &first.from));
    }
    text
}

fn name(module: &Module, object: &Object) -> String {
    match object.kind {
        NodeKind::Instance => module
            .env
            .types
            .nominals
            .get(object.what as usize)
            .map_or_else(|| "object".to_string(), |n| n.name.clone()),
        NodeKind::Closure => "closure".to_string(),
    }
}

/// Where an object came from: an instance's creation line, a closure's written line.
fn place(module: &Module, object: &Object) -> Option<String> {
    match object.kind {
        NodeKind::Instance => object.at.map(|at| at.to_string()),
        NodeKind::Closure => module
            .functions
            .get(object.what as usize)
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

/// `.apartment`, `.children[0]`, `captures self`.
fn path_text(module: &Module, object: &Object, path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Field(i) => {
                s.push('.');
                s.push_str(&field_name(module, object.what, *i));
            }
            Step::Capture(i) => {
                s.push_str("captures ");
                s.push_str(&capture_name(module, object.what, *i));
            }
            Step::Index(i, false) => s.push_str(&format!("[{i}]")),
            Step::Index(i, true) => s.push_str(&format!(".{i}")),
            Step::Entry => s.push_str("[_]"),
            Step::Payload(i) => s.push_str(&format!("(associated value {i})")),
        }
    }
    s
}

/// Which reference to weaken: the one pointing back from a newer object to an older one
/// (a child to its parent, a closure to the object that stores it), preferring the one that
/// points at the oldest object of the cycle.
pub fn hint(module: &Module, ring: &[Link]) -> String {
    let target = |link: &Link| ring.get(link.to).map(|l| l.from);
    let back = ring
        .iter()
        .filter_map(|link| target(link).map(|to| (link, to)))
        .filter(|(link, to)| link.from.seq >= to.seq)
        .min_by_key(|(link, to)| (to.seq, std::cmp::Reverse(link.from.seq)));
    let Some((link, to)) = back else {
        return "make one of these references weak or unowned".to_string();
    };
    let object = &link.from;
    let target = name(module, &to);
    match (object.kind, link.path.as_slice()) {
        (NodeKind::Instance, [Step::Field(i)]) => {
            let class = module.env.types.nominals.get(object.what as usize);
            let declaring = declaring_class(module, object.what, *i);
            let field = class.and_then(|c| c.fields.get(*i));
            let name = field_name(module, object.what, *i);
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
        (NodeKind::Closure, [Step::Capture(i), ..]) if to.kind == NodeKind::Closure => {
            let name = capture_name(module, object.what, *i);
            let place = place(module, object).unwrap_or_default();
            format!(
                "the closure at {place} captures `{name}`, which holds a closure: set `{name} = nil` once it is no longer needed, or pass what the closure needs as a parameter"
            )
        }
        (NodeKind::Closure, [Step::Capture(i), ..]) => {
            let name = capture_name(module, object.what, *i);
            let place = place(module, object).unwrap_or_default();
            format!(
                "capture `{name}` weakly in the closure at {place}: `[weak {name}]` (or `[unowned {name}]`) to break the cycle"
            )
        }
        _ => {
            let from = name(module, object);
            let through = path_text(module, object, &link.path);
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
