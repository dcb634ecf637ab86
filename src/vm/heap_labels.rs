//! What `--mem-debug` calls each leaked block: the class of an instance, `String`,
//! `[Int] storage` (a collection by the static type of the property holding it), `closure`,
//! `captured variable`... Each label is made once per kind and shared by index.

use std::collections::HashMap;

use super::module::Module;
use crate::sema::types::{Type, TypeId};

/// What a block the walk passes through is (for the leak report's lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum BlockKind {
    Instance(u32),
    /// A collection or tuple whose static type is known (`[Int] storage`).
    Typed(TypeId),
    Closure,
    Str,
    Array,
    Tuple,
    Slice,
    Dictionary,
    Set,
    Range,
    Sequence,
    Iterator,
    Box,
    Optional,
    Payload,
    Other,
}

impl BlockKind {
    fn label(self, module: &Module) -> String {
        match self {
            BlockKind::Instance(class) => module
                .env
                .types
                .nominals
                .get(class as usize)
                .map_or_else(|| "instance".to_string(), |n| n.name.clone()),
            BlockKind::Typed(t) => {
                let types = &module.env.types;
                match types.get(t) {
                    Type::Tuple(_) => format!("tuple {}", types.name(t)),
                    _ => format!("{} storage", types.name(t)),
                }
            }
            BlockKind::Closure => "closure".into(),
            BlockKind::Str => "String".into(),
            BlockKind::Array => "Array storage".into(),
            BlockKind::Tuple => "tuple".into(),
            BlockKind::Slice => "ArraySlice".into(),
            BlockKind::Dictionary => "Dictionary storage".into(),
            BlockKind::Set => "Set storage".into(),
            BlockKind::Range => "range".into(),
            BlockKind::Sequence => "sequence".into(),
            BlockKind::Iterator => "iterator".into(),
            BlockKind::Box => "captured variable".into(),
            BlockKind::Optional => "optional".into(),
            BlockKind::Payload => "enum payload".into(),
            BlockKind::Other => "object".into(),
        }
    }
}

/// The labels of leaked blocks, each named once.
pub(super) struct Labels<'m> {
    module: &'m Module,
    index: HashMap<BlockKind, u32>,
    pub(super) names: Vec<String>,
}

impl<'m> Labels<'m> {
    pub(super) fn new(module: &'m Module) -> Labels<'m> {
        Labels {
            module,
            index: HashMap::new(),
            names: Vec::new(),
        }
    }

    pub(super) fn of(&mut self, kind: BlockKind) -> u32 {
        if let Some(&i) = self.index.get(&kind) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(kind.label(self.module));
        self.index.insert(kind, i);
        i
    }
}
