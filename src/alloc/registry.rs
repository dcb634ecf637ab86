//! The registry: one allocator per [`Subsystem`], per thread (the seed's "Subsystem
//! Allocators" and `allocators_get(ALLOC_SYSTEM_VM)`).
//!
//! The seed's allocators are not thread-safe; here that is a compile-time fact: the registry
//! is thread-local and a [`Handle`] holds an `Rc`, so it is neither `Send` nor `Sync`.
//!
//! ```compile_fail
//! use swiftlang::alloc::{allocators_get, Subsystem};
//! let vm = allocators_get(Subsystem::Vm);
//! std::thread::spawn(move || drop(vm)); // a Handle cannot cross threads
//! ```
//!
//! Resets are borrow-checked at run time the way `Rc::get_mut` is: [`reset`] succeeds only
//! when no handle to the subsystem's allocator is alive, so no reference into its memory can
//! be either (typed arena references borrow from a handle).

use std::alloc::Layout;
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::panic::Location;
use std::ptr::NonNull;
use std::rc::Rc;

use super::hooks::AllocHook;
use super::{
    stats, Accounting, AllocError, AllocInfo, Allocator, AllocatorKind, ArenaAllocator, LiveBlock,
    PlatformAllocator, PoolAllocator, Stats, Subsystem, SystemAllocator, Tag, TraceAllocator,
};

/// How the registry builds its allocators.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegistryConfig {
    /// Every subsystem behind a [`TraceAllocator`] (`SWIFTLANG_MEM_DEBUG=1`).
    pub debug: bool,
    /// Per-subsystem budgets in bytes (`--mem-limit`), indexed by [`Subsystem::index`].
    pub limits: [Option<u64>; Subsystem::COUNT],
}

struct Registry {
    slots: [RefCell<Rc<dyn Allocator>>; Subsystem::COUNT],
    config: RefCell<RegistryConfig>,
}

thread_local! {
    static REGISTRY: Registry = Registry::new(RegistryConfig::default());
}

impl Registry {
    fn new(config: RegistryConfig) -> Registry {
        Registry {
            slots: Subsystem::ALL.map(|s| RefCell::new(make_allocator(s, &config))),
            config: RefCell::new(config),
        }
    }
}

/// Whether this build keeps statistics (the `custom-allocators` feature).
pub const fn stats_available() -> bool {
    cfg!(feature = "custom-allocators")
}

/// The allocator the seed's table gives `subsystem`, configured.
fn make_allocator(subsystem: Subsystem, config: &RegistryConfig) -> Rc<dyn Allocator> {
    let kind = subsystem.allocator_kind();
    let base: Box<dyn Allocator> = match kind {
        // Without custom allocators, what frees individually goes straight to the system;
        // arenas stay arenas (the compiler's references need bulk lifetime), uncounted.
        _ if !stats_available() && kind != AllocatorKind::Arena => {
            Box::new(SystemAllocator::default())
        }
        AllocatorKind::Arena => Box::new(ArenaAllocator::for_subsystem(subsystem)),
        AllocatorKind::Pool => Box::new(PoolAllocator::for_subsystem(subsystem)),
        _ => Box::new(PlatformAllocator::for_subsystem(subsystem)),
    };
    base.accounting()
        .set_limit(config.limits[subsystem.index()]);
    if config.debug && stats_available() {
        Rc::new(TraceAllocator::new(base))
    } else {
        Rc::from(base)
    }
}

/// A shared handle to a subsystem's allocator, carrying the tag and Rust location that
/// allocations through it record. Collections take it as their allocator
/// (`allocator_api2::vec::Vec::new_in(allocators_get(Subsystem::Vm))`).
///
/// A handle is an [`Allocator`] itself: every call through it (`handle.allocate(layout)`,
/// `allocate_with`, generic code taking `&impl Allocator`, a collection's growth) carries the
/// handle's tag unless the call brings its own. Direct calls record the caller's Rust
/// location; a collection's calls record where the handle was obtained ([`Handle::info`]).
/// (`&*handle`, the allocator itself, takes no tag.)
#[derive(Clone)]
pub struct Handle {
    allocator: Rc<dyn Allocator>,
    subsystem: Option<Subsystem>,
    tag: Option<Tag>,
    site: &'static Location<'static>,
}

impl Handle {
    /// A handle to any allocator (not necessarily a registered one).
    #[track_caller]
    pub fn new(allocator: Rc<dyn Allocator>) -> Handle {
        let subsystem = allocator.accounting().subsystem();
        Handle {
            allocator,
            subsystem,
            tag: None,
            site: Location::caller(),
        }
    }

    /// The same allocator, with every allocation through this handle tagged.
    pub fn tagged(mut self, tag: Tag) -> Handle {
        self.tag = Some(tag);
        self
    }

    /// The subsystem, when the allocator belongs to one.
    pub fn subsystem(&self) -> Option<Subsystem> {
        self.subsystem
    }

    /// The tag of this handle.
    pub fn tag(&self) -> Option<Tag> {
        self.tag
    }

    /// What an allocation through this handle records: where the handle was obtained, and
    /// its tag.
    #[inline]
    pub fn info(&self) -> AllocInfo {
        AllocInfo {
            rust: self.site,
            script: None,
            tag: self.tag,
        }
    }

    /// Whether two handles share an allocator.
    pub fn same_allocator(&self, other: &Handle) -> bool {
        Rc::ptr_eq(&self.allocator, &other.allocator)
    }
}

/// The allocation calls, carrying the handle's tag. They are inherent as well as the
/// [`Allocator`] impl's: `Handle` derefs to `dyn Allocator`, whose methods are callable without
/// the trait in scope, so without these a `handle.allocate(layout)` in a module that does not
/// import the trait would reach the allocator itself and drop the tag. Inherent methods win
/// over both traits (ours and allocator-api2's), whatever is imported.
impl Handle {
    /// `info` carrying this handle's tag, unless the call has its own.
    #[inline]
    fn with_tag(&self, info: &AllocInfo) -> AllocInfo {
        AllocInfo {
            tag: info.tag.or(self.tag),
            ..*info
        }
    }

    /// [`Allocator::allocate`] under the handle's tag, recording the caller.
    #[track_caller]
    #[inline]
    pub fn allocate(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        Allocator::allocate_with(self, layout, &AllocInfo::here())
    }

    /// [`Allocator::allocate_with`] under the handle's tag unless `info` has its own.
    #[inline]
    pub fn allocate_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        Allocator::allocate_with(self, layout, info)
    }

    /// [`Allocator::allocate_tagged`]: `tag` instead of the handle's.
    #[track_caller]
    #[inline]
    pub fn allocate_tagged(&self, layout: Layout, tag: Tag) -> Result<NonNull<u8>, AllocError> {
        Allocator::allocate_with(self, layout, &AllocInfo::tagged(tag))
    }

    /// [`Allocator::allocate_zeroed`] under the handle's tag, recording the caller.
    #[track_caller]
    #[inline]
    pub fn allocate_zeroed(&self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        Allocator::allocate_zeroed_with(self, layout, &AllocInfo::here())
    }

    /// [`Allocator::allocate_zeroed_with`] under the handle's tag unless `info` has its own.
    #[inline]
    pub fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        Allocator::allocate_zeroed_with(self, layout, info)
    }

    /// [`Allocator::reallocate`] under the handle's tag, recording the caller.
    ///
    /// # Safety
    /// As [`Allocator::reallocate_with`]: `ptr` is a live block of this handle's allocator
    /// with `old`.
    #[track_caller]
    #[inline]
    pub unsafe fn reallocate(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract.
        unsafe { Allocator::reallocate_with(self, ptr, old, new_size, &AllocInfo::here()) }
    }

    /// [`Allocator::reallocate_with`] under the handle's tag unless `info` has its own.
    ///
    /// # Safety
    /// As [`Allocator::reallocate_with`].
    #[inline]
    pub unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract.
        unsafe { Allocator::reallocate_with(self, ptr, old, new_size, info) }
    }

    /// [`Allocator::free`] under the handle's tag, recording the caller.
    ///
    /// # Safety
    /// As [`Allocator::free_with`]: `ptr` is a live block of this handle's allocator with
    /// `layout`, not used afterwards.
    #[track_caller]
    #[inline]
    pub unsafe fn free(&self, ptr: NonNull<u8>, layout: Layout) -> Result<(), AllocError> {
        // SAFETY: forwarded contract.
        unsafe { Allocator::free_with(self, ptr, layout, &AllocInfo::here()) }
    }

    /// [`Allocator::free_with`] under the handle's tag unless `info` has its own.
    ///
    /// # Safety
    /// As [`Allocator::free_with`].
    #[inline]
    pub unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        // SAFETY: forwarded contract.
        unsafe { Allocator::free_with(self, ptr, layout, info) }
    }
}

impl Allocator for Handle {
    fn kind(&self) -> AllocatorKind {
        self.allocator.kind()
    }

    fn accounting(&self) -> &Accounting {
        self.allocator.accounting()
    }

    #[inline]
    fn allocate_with(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        self.allocator.allocate_with(layout, &self.with_tag(info))
    }

    #[inline]
    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        self.allocator
            .allocate_zeroed_with(layout, &self.with_tag(info))
    }

    #[inline]
    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract; the handle's allocator is the block's.
        unsafe {
            self.allocator
                .reallocate_with(ptr, old, new_size, &self.with_tag(info))
        }
    }

    #[inline]
    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        info: &AllocInfo,
    ) -> Result<(), AllocError> {
        // SAFETY: forwarded contract; the handle's allocator is the block's.
        unsafe { self.allocator.free_with(ptr, layout, &self.with_tag(info)) }
    }

    /// Resets the allocator if this is the only handle to it (never for a registered one,
    /// which the registry also holds: use [`reset`] for those).
    fn reset(&mut self) -> Result<(), AllocError> {
        let kind = self.allocator.kind();
        match (Rc::get_mut(&mut self.allocator), self.subsystem) {
            (Some(allocator), _) => allocator.reset(),
            (None, Some(subsystem)) => Err(AllocError::InUse { subsystem }),
            (None, None) => Err(AllocError::Unsupported {
                operation: "reset through a shared handle",
                allocator: kind.name(),
            }),
        }
    }

    fn stats(&self) -> Stats {
        self.allocator.stats()
    }

    fn live_blocks(&self) -> Option<Vec<LiveBlock>> {
        self.allocator.live_blocks()
    }

    fn for_each_live_block(&self, f: &mut dyn FnMut(&LiveBlock)) -> bool {
        self.allocator.for_each_live_block(f)
    }

    fn metadata_bytes(&self) -> usize {
        self.allocator.metadata_bytes()
    }
}

impl Deref for Handle {
    type Target = dyn Allocator;

    fn deref(&self) -> &Self::Target {
        &*self.allocator
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("subsystem", &self.subsystem)
            .field("kind", &self.allocator.kind())
            .field("tag", &self.tag.map(Tag::name))
            .finish()
    }
}

fn with_slot<R>(subsystem: Subsystem, f: impl FnOnce(&RefCell<Rc<dyn Allocator>>) -> R) -> R {
    REGISTRY.with(|r| f(&r.slots[subsystem.index()]))
}

fn current(subsystem: Subsystem) -> Rc<dyn Allocator> {
    // The slot is only mutably borrowed inside `reset` and `configure`, which never call out
    // while holding it; should that change, fall back to a fresh uncounted allocator rather
    // than panic.
    with_slot(subsystem, |slot| slot.try_borrow().map(|rc| rc.clone()))
        .unwrap_or_else(|_| Rc::new(SystemAllocator::default()))
}

/// The seed's `allocators_get(ALLOC_SYSTEM_VM)`: a handle to `subsystem`'s allocator on this
/// thread. Allocations through the handle record the caller's location.
#[track_caller]
pub fn allocators_get(subsystem: Subsystem) -> Handle {
    Handle {
        allocator: current(subsystem),
        subsystem: Some(subsystem),
        tag: None,
        site: Location::caller(),
    }
}

/// Calls `f` with `subsystem`'s allocator.
pub fn with_allocator<R>(subsystem: Subsystem, f: impl FnOnce(&dyn Allocator) -> R) -> R {
    let allocator = current(subsystem);
    f(&*allocator)
}

/// Resets `subsystem`'s allocator (arenas; freelists), keeping its memory. Refused with
/// [`AllocError::InUse`] while a handle to it is alive, and with
/// [`AllocError::Unsupported`] for allocators that cannot reset.
pub fn reset(subsystem: Subsystem) -> Result<(), AllocError> {
    with_slot(subsystem, |slot| {
        let mut rc = slot
            .try_borrow_mut()
            .map_err(|_| AllocError::InUse { subsystem })?;
        match Rc::get_mut(&mut rc) {
            Some(allocator) => allocator.reset(),
            None => Err(AllocError::InUse { subsystem }),
        }
    })
}

/// Rebuilds every allocator with `config` (debug mode, budgets), dropping the old ones and
/// forgetting the tag table. Refused while any handle is alive, and while the Objects
/// allocator has live blocks: counted objects (`vm::object`, `vm::instance`) free through
/// whichever Objects allocator is registered when they go, which must be the one that
/// allocated them.
pub fn configure(config: RegistryConfig) -> Result<(), AllocError> {
    // VM Core's stack and globals free the same way. Without statistics every allocator is
    // the system's, and any of them frees what another allocated.
    for subsystem in [Subsystem::Objects, Subsystem::Vm] {
        if stats_available() && stats(subsystem).current > 0 {
            return Err(AllocError::InUse { subsystem });
        }
    }
    REGISTRY.with(|r| {
        for s in Subsystem::ALL {
            let in_use = r.slots[s.index()]
                .try_borrow()
                .map_or(true, |rc| Rc::strong_count(&rc) > 1);
            if in_use {
                return Err(AllocError::InUse { subsystem: s });
            }
        }
        for s in Subsystem::ALL {
            if let Ok(mut slot) = r.slots[s.index()].try_borrow_mut() {
                *slot = make_allocator(s, &config);
            }
        }
        stats::clear_tag_stats();
        *r.config.borrow_mut() = config;
        Ok(())
    })
}

/// The configuration in force.
pub fn config() -> RegistryConfig {
    REGISTRY.with(|r| r.config.borrow().clone())
}

/// Whether every subsystem is behind a trace allocator.
pub fn is_debug() -> bool {
    REGISTRY.with(|r| r.config.borrow().debug) && stats_available()
}

/// Sets (or clears) `subsystem`'s budget.
pub fn set_limit(subsystem: Subsystem, limit: Option<u64>) {
    with_allocator(subsystem, |a| a.accounting().set_limit(limit));
    REGISTRY.with(|r| r.config.borrow_mut().limits[subsystem.index()] = limit);
}

/// Installs (or removes) an event hook on every subsystem's allocator.
pub fn set_hook(hook: Option<AllocHook>) {
    for s in Subsystem::ALL {
        with_allocator(s, |a| a.accounting().set_hook(hook.clone()));
    }
}

/// `subsystem`'s statistics.
pub fn stats(subsystem: Subsystem) -> Stats {
    with_allocator(subsystem, |a| a.stats())
}

/// Every subsystem's allocator kind and statistics, in report order.
pub fn snapshot() -> Vec<(Subsystem, AllocatorKind, Stats)> {
    Subsystem::ALL
        .into_iter()
        .map(|s| with_allocator(s, |a| (s, a.kind(), a.stats())))
        .collect()
}

/// Every live block of every subsystem, in debug mode (empty otherwise).
pub fn live_blocks() -> Vec<(Subsystem, LiveBlock)> {
    let mut all = Vec::new();
    for s in Subsystem::ALL {
        if let Some(blocks) = with_allocator(s, |a| a.live_blocks()) {
            all.extend(blocks.into_iter().map(|b| (s, b)));
        }
    }
    all
}

/// Calls `f` with every live block of every subsystem, in debug mode (never otherwise), in
/// no particular order and without collecting them: the leak report's pass over a large
/// heap. `f` must not allocate through the registry.
pub fn for_each_live_block(mut f: impl FnMut(Subsystem, &LiveBlock)) {
    for s in Subsystem::ALL {
        with_allocator(s, |a| a.for_each_live_block(&mut |b| f(s, b)));
    }
}

/// Folds the counters of a scoped allocator (a `with_arena` scope) into `subsystem`'s.
pub fn absorb(subsystem: Subsystem, scoped: &Stats) {
    with_allocator(subsystem, |a| a.accounting().absorb(scoped));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::Layout;

    #[test]
    fn each_subsystem_has_the_seeds_allocator() {
        for s in Subsystem::ALL {
            let kind = with_allocator(s, |a| a.kind());
            if stats_available() {
                assert_eq!(kind, s.allocator_kind(), "{s}");
            }
        }
    }

    #[test]
    fn reset_is_refused_while_a_handle_lives() {
        let ast = allocators_get(Subsystem::Ast);
        let p = ast.allocate(Layout::new::<u64>()).unwrap();
        assert_eq!(
            reset(Subsystem::Ast),
            Err(AllocError::InUse {
                subsystem: Subsystem::Ast
            })
        );
        let _ = p;
        drop(ast);
        assert_eq!(reset(Subsystem::Ast), Ok(()));
        if stats_available() {
            let s = stats(Subsystem::Ast);
            assert_eq!((s.current, s.peak, s.resets), (0, 8, 1));
        }
        assert!(matches!(
            reset(Subsystem::Vm),
            Err(AllocError::Unsupported { .. })
        ));
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn debug_mode_traces_every_subsystem() {
        configure(RegistryConfig {
            debug: true,
            ..RegistryConfig::default()
        })
        .unwrap();
        assert!(is_debug());
        for s in Subsystem::ALL {
            assert_eq!(with_allocator(s, |a| a.kind()), AllocatorKind::Trace);
        }
        let vm = allocators_get(Subsystem::Vm);
        let l = Layout::from_size_align(40, 8).unwrap();
        let p = vm.allocate(l).unwrap();
        let live = live_blocks();
        assert_eq!(live.len(), 1);
        assert_eq!(live[0].0, Subsystem::Vm);
        assert!(live[0].1.info.rust.file().ends_with("registry.rs"));
        // SAFETY: live block of this allocator.
        unsafe { vm.free(p, l).unwrap() };
        drop(vm);
        configure(RegistryConfig::default()).unwrap();
        assert!(!is_debug());
    }

    #[test]
    #[cfg(feature = "custom-allocators")]
    fn budgets_apply_per_subsystem() {
        set_limit(Subsystem::Strings, Some(64));
        let strings = allocators_get(Subsystem::Strings);
        assert!(strings
            .allocate(Layout::from_size_align(64, 1).unwrap())
            .is_ok());
        let err = strings
            .allocate(Layout::from_size_align(1, 1).unwrap())
            .unwrap_err();
        assert!(matches!(
            err,
            AllocError::BudgetExceeded {
                subsystem: Some(Subsystem::Strings),
                limit: 64,
                ..
            }
        ));
        drop(strings);
        set_limit(Subsystem::Strings, None);
    }

    #[test]
    fn configure_is_refused_while_handles_live() {
        let h = allocators_get(Subsystem::Temp);
        assert_eq!(
            configure(RegistryConfig::default()),
            Err(AllocError::InUse {
                subsystem: Subsystem::Temp
            })
        );
        drop(h);
        assert_eq!(configure(RegistryConfig::default()), Ok(()));
    }

    /// No `use Allocator` here: the handle's inherent methods still apply its tag.
    #[cfg(feature = "custom-allocators")]
    mod without_the_trait_in_scope {
        use std::alloc::Layout;

        use crate::alloc::stats::tag_stats_of;
        use crate::alloc::{allocators_get, Subsystem, Tag};

        #[test]
        fn a_tagged_handle_tags_its_calls() {
            let tag = Tag::new("registry-handle-tag-test");
            let h = allocators_get(Subsystem::Vm).tagged(tag);
            let l = Layout::from_size_align(40, 8).unwrap();
            let p = h.allocate(l).unwrap();
            assert_eq!(tag_stats_of(tag).current, 40);
            // SAFETY: live block of `h`'s allocator with `l`.
            unsafe { h.free(p, l).unwrap() };
            assert_eq!(tag_stats_of(tag).current, 0);
        }
    }
}
