//! What an allocation call carries besides its size: the caller's Rust location, and
//! optionally a tag and a script location (file:line) that the interpreter fills in.
//!
//! Tags and script file names are interned per thread into small `Copy` ids, so the hot path
//! passes integers and a report prints names (house rule 2).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::panic::Location;

thread_local! {
    static NAMES: RefCell<Interner> = RefCell::new(Interner::default());
    static AMBIENT_TAG: Cell<Option<Tag>> = const { Cell::new(None) };
    static AMBIENT_SCRIPT: Cell<Option<ScriptLocation>> = const { Cell::new(None) };
    /// Reasons on this thread for allocation calls to take their full path: live
    /// [`TagScope`]s, and allocators with a budget or a hook. Zero, the common case, lets an
    /// allocate or a free skip the ambient tag, budgets and hooks with one read.
    static FULL_PATH: Cell<u32> = const { Cell::new(0) };
}

/// Whether allocation calls on this thread must look at the ambient tag, budgets and hooks.
#[inline]
pub(crate) fn full_path() -> bool {
    // Const-initialised without a destructor: `try_with` cannot fail; `true` is the safe
    // answer if it ever did.
    FULL_PATH.try_with(Cell::get) != Ok(0)
}

/// Adds (`on`) or removes one reason for the full path on this thread.
pub(crate) fn mark_full_path(on: bool) {
    let _ = FULL_PATH.try_with(|n| {
        n.set(if on {
            n.get().saturating_add(1)
        } else {
            n.get().saturating_sub(1)
        })
    });
}

#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, NonZeroU32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> NonZeroU32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        self.names.push(name.into());
        // Ids start at 1 so that `Option<Tag>` stays four bytes. Running out of u32 ids would
        // take four billion distinct names; saturate rather than panic.
        let id = NonZeroU32::new(u32::try_from(self.names.len()).unwrap_or(u32::MAX))
            .unwrap_or(NonZeroU32::MIN);
        self.ids.insert(name.into(), id);
        id
    }

    fn name(&self, id: NonZeroU32) -> String {
        self.names
            .get(id.get() as usize - 1)
            .map_or_else(|| format!("#{id}"), |s| s.to_string())
    }
}

fn intern(name: &str) -> NonZeroU32 {
    NAMES.with(|n| n.borrow_mut().intern(name))
}

fn name_of(id: NonZeroU32) -> String {
    NAMES.with(|n| n.borrow().name(id))
}

/// An interned allocation tag (the seed's `MEM_ALLOC_TAGGED(alloc, size, "game-state")`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(NonZeroU32);

impl Tag {
    /// Interns `name` on this thread; the same name always gives the same tag.
    pub fn new(name: &str) -> Tag {
        Tag(intern(name))
    }

    /// The tag's name.
    pub fn name(self) -> String {
        name_of(self.0)
    }

    /// The tag made current by the innermost live [`TagScope`] on this thread.
    #[inline]
    pub fn current() -> Option<Tag> {
        AMBIENT_TAG.with(Cell::get)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// While alive, allocations that carry no tag of their own are attributed to `tag`
/// (the innermost scope wins). The interpreter's `withMemoryTag` is built on it.
#[must_use = "the tag applies only while the scope is alive"]
pub struct TagScope {
    previous: Option<Tag>,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl TagScope {
    /// Makes `tag` the ambient tag until the scope is dropped.
    pub fn enter(tag: Tag) -> TagScope {
        let previous = AMBIENT_TAG.with(|t| t.replace(Some(tag)));
        mark_full_path(true);
        TagScope {
            previous,
            _not_send: std::marker::PhantomData,
        }
    }
}

impl Drop for TagScope {
    fn drop(&mut self) {
        AMBIENT_TAG.with(|t| t.set(self.previous));
        mark_full_path(false);
    }
}

/// A script source file, interned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScriptFile(NonZeroU32);

impl ScriptFile {
    /// Interns a file name (as the user wrote it, e.g. `player.swift`).
    pub fn new(name: &str) -> ScriptFile {
        ScriptFile(intern(name))
    }

    /// The file's name.
    pub fn name(self) -> String {
        name_of(self.0)
    }
}

/// A position in a script: what the seed's leak report prints (`player.swift:42`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScriptLocation {
    /// The file.
    pub file: ScriptFile,
    /// One-based line.
    pub line: u32,
}

impl ScriptLocation {
    /// A location in `file` at `line`.
    pub fn new(file: &str, line: u32) -> ScriptLocation {
        ScriptLocation {
            file: ScriptFile::new(file),
            line,
        }
    }

    /// The location the interpreter last set with [`ScriptLocation::set_current`].
    #[inline]
    pub fn current() -> Option<ScriptLocation> {
        AMBIENT_SCRIPT.with(Cell::get)
    }

    /// Sets (or clears) the script location that untagged-by-location allocations inherit.
    pub fn set_current(location: Option<ScriptLocation>) {
        AMBIENT_SCRIPT.with(|s| s.set(location));
    }
}

impl fmt::Display for ScriptLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.name(), self.line)
    }
}

/// Everything an allocation call can carry besides its layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AllocInfo {
    /// The Rust caller (`#[track_caller]`): the seed's `__FILE__`/`__LINE__`.
    pub rust: &'static Location<'static>,
    /// The script line that caused the allocation, when the interpreter knows it.
    pub script: Option<ScriptLocation>,
    /// The allocation's tag, if any.
    pub tag: Option<Tag>,
}

impl AllocInfo {
    /// The caller's location, with no tag or script location.
    #[track_caller]
    #[inline]
    pub fn here() -> AllocInfo {
        AllocInfo {
            rust: Location::caller(),
            script: None,
            tag: None,
        }
    }

    /// The caller's location with a tag.
    #[track_caller]
    #[inline]
    pub fn tagged(tag: Tag) -> AllocInfo {
        AllocInfo {
            rust: Location::caller(),
            script: None,
            tag: Some(tag),
        }
    }

    /// Adds a tag.
    pub fn with_tag(mut self, tag: Option<Tag>) -> AllocInfo {
        self.tag = tag;
        self
    }

    /// Adds a script location.
    pub fn with_script(mut self, script: Option<ScriptLocation>) -> AllocInfo {
        self.script = script;
        self
    }

    /// The tag to account under: the call's own, else the ambient [`TagScope`]'s.
    #[inline]
    pub fn effective_tag(&self) -> Option<Tag> {
        self.tag.or_else(Tag::current)
    }

    /// The script location to record: the call's own, else the interpreter's current one.
    #[inline]
    pub fn effective_script(&self) -> Option<ScriptLocation> {
        self.script.or_else(ScriptLocation::current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_intern_to_the_same_id() {
        let a = Tag::new("game-state");
        let b = Tag::new("game-state");
        let c = Tag::new("ai-data");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.name(), "game-state");
        assert_eq!(std::mem::size_of::<Option<Tag>>(), 4);
    }

    #[test]
    fn innermost_tag_scope_wins_and_restores() {
        assert_eq!(Tag::current(), None);
        let outer = TagScope::enter(Tag::new("outer"));
        {
            let _inner = TagScope::enter(Tag::new("inner"));
            assert_eq!(AllocInfo::here().effective_tag(), Some(Tag::new("inner")));
            let own = AllocInfo::tagged(Tag::new("own"));
            assert_eq!(own.effective_tag(), Some(Tag::new("own")));
        }
        assert_eq!(Tag::current(), Some(Tag::new("outer")));
        drop(outer);
        assert_eq!(Tag::current(), None);
    }

    #[test]
    fn here_records_the_caller() {
        let info = AllocInfo::here();
        assert!(info.rust.file().ends_with("info.rs"));
        let loc = ScriptLocation::new("player.swift", 42);
        assert_eq!(loc.to_string(), "player.swift:42");
    }
}
