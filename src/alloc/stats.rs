//! Statistics: the counters every allocator keeps at its choke point, and the per-tag table.
//!
//! Invariants, after every call (checked by the property tests):
//! `current == sum of live block sizes`, `peak >= current`, `total >= current`.
//!
//! Built without the `custom-allocators` feature, the counters compile away and
//! [`Accounting::stats`] reports zeros (and the budget); the registry then says statistics are
//! unavailable. Budgets are still enforced by the allocators that keep a byte count: see
//! [`Accounting`].

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::panic::Location;
use std::ptr::NonNull;

use serde::Serialize;

use super::hooks::{AllocEvent, AllocHook, EventKind};
use super::info::{full_path, mark_full_path};
use super::{soft_budget, AllocError, AllocInfo, ScriptLocation, Subsystem, Tag};

/// A snapshot of one allocator's counters (the seed's "Allocation Statistics").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Bytes handed out over the allocator's life (a reallocation counts its new size).
    pub total_allocated: u64,
    /// Bytes in live blocks now.
    pub current: u64,
    /// The largest `current` ever was.
    pub peak: u64,
    /// Successful allocate calls.
    pub allocations: u64,
    /// Successful reallocate calls.
    pub reallocations: u64,
    /// Successful free calls (an arena accepts and counts them).
    pub frees: u64,
    /// Resets (arena, freelist).
    pub resets: u64,
    /// Refused requests (budget, size, out of memory).
    pub failures: u64,
    /// Arena: bytes left unused at the ends of chunks when a new chunk was started.
    pub wasted: u64,
    /// Bytes this allocator holds from the global allocator now (chunks, slabs, blocks).
    pub footprint: u64,
    /// The budget, if one is set.
    pub limit: Option<u64>,
}

/// The counters one tag has accumulated (the seed's "Allocation by Tag").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TagStats {
    /// Allocations made under the tag.
    pub count: u64,
    /// Blocks under the tag still live.
    pub live: u64,
    /// Bytes under the tag still live.
    pub current: u64,
    /// The largest `current` ever was.
    pub peak: u64,
    /// Bytes ever allocated under the tag.
    pub total: u64,
}

thread_local! {
    static TAGS: RefCell<HashMap<Tag, TagStats>> = RefCell::new(HashMap::new());
}

/// Every tag used on this thread with its counters, sorted by name.
pub fn tag_stats() -> Vec<(String, TagStats)> {
    let mut rows: Vec<(String, TagStats)> =
        TAGS.with(|t| t.borrow().iter().map(|(tag, s)| (tag.name(), *s)).collect());
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// The counters of one tag.
pub fn tag_stats_of(tag: Tag) -> TagStats {
    TAGS.with(|t| t.borrow().get(&tag).copied().unwrap_or_default())
}

/// Forgets every tag's counters (a fresh registry).
pub fn clear_tag_stats() {
    TAGS.with(|t| t.borrow_mut().clear());
}

fn tag_add(tag: Tag, size: u64, new_block: bool) {
    TAGS.with(|t| {
        let mut t = t.borrow_mut();
        let s = t.entry(tag).or_default();
        if new_block {
            s.count += 1;
            s.live += 1;
        }
        s.current += size;
        s.total += size;
        s.peak = s.peak.max(s.current);
    });
}

fn tag_sub(tag: Tag, size: u64, block_gone: bool) {
    TAGS.with(|t| {
        let mut t = t.borrow_mut();
        let s = t.entry(tag).or_default();
        s.current = s.current.saturating_sub(size);
        if block_gone {
            s.live = s.live.saturating_sub(1);
        }
    });
}

/// Whether this build keeps statistics (the `custom-allocators` feature).
const STATS: bool = cfg!(feature = "custom-allocators");

/// An allocator's share of its thread's full-path count ([`full_path`]): set while the
/// allocator has a budget or a hook, given back when that ends or the allocator is dropped.
/// It is dropped on the thread that set it: an [`Accounting`] is never `Send` (it holds an
/// `Rc` hook slot), and neither is any allocator.
#[derive(Default)]
struct FullPathMark(Cell<bool>, PhantomData<*const ()>);

impl FullPathMark {
    fn set(&self, on: bool) {
        if self.0.replace(on) != on {
            mark_full_path(on);
        }
    }
}

impl Drop for FullPathMark {
    fn drop(&mut self) {
        if self.0.get() {
            mark_full_path(false);
        }
    }
}

/// The accounting an allocator does at its choke point: counters, budget, tags and hooks.
/// Interior mutability (`Cell`) because allocators are shared by reference on one thread.
///
/// The allocate path touches as little as it can: one thread-local read (is anything on this
/// thread asking for tags, budgets or hooks?), the call count and one running byte count
/// (`total`); only a tag, a [`TagScope`](super::TagScope), a budget or a hook on this thread
/// sends calls down the full path. `current` is derived
/// (`total - released`), and `peak` is folded in lazily: usage only grows between the calls
/// that release bytes (free, reallocate, reset), so folding `current` into `peak` just before
/// each release and whenever the statistics are read gives the exact peak.
///
/// Without the `custom-allocators` feature the statistics compile away: the counts, `peak`,
/// failures, footprint, waste, tags and hooks are not kept, and [`Accounting::stats`] reports
/// zeros (and the budget). The two byte counts stay, because a budget set on an allocator is
/// enforced in both builds (exactly: against the bytes live in it), and an arena refuses a free
/// of more bytes than are live in it in both builds.
#[derive(Default)]
pub struct Accounting {
    /// Whose counters these are (names the subsystem in budget errors and events).
    subsystem: Cell<Option<Subsystem>>,
    /// Bytes handed out: allocation sizes plus the new sizes of reallocations. Kept in both
    /// builds (budgets need `current`).
    total: Cell<u64>,
    /// Bytes given back: freed sizes, old sizes of reallocations, what resets released.
    /// Invariant: `released <= total`, and `current == total - released`.
    released: Cell<u64>,
    /// The largest `current` folded in so far; exact after [`Accounting::fold_peak`].
    peak: Cell<u64>,
    allocations: Cell<u64>,
    reallocations: Cell<u64>,
    frees: Cell<u64>,
    resets: Cell<u64>,
    failures: Cell<u64>,
    wasted: Cell<u64>,
    footprint: Cell<u64>,
    /// Budget on `current`; `u64::MAX` when unlimited, so the check is one compare.
    limit: Cell<u64>,
    /// Live bytes per tag in this allocator, so that a reset can give them back to the table.
    tag_current: RefCell<Vec<(Tag, u64, u64)>>,
    hook: RefCell<Option<AllocHook>>,
    /// `hook.is_some()`, readable without a borrow.
    has_hook: Cell<bool>,
    /// Set while a budget is set or a hook is installed; counts as one reason for this
    /// thread's allocation calls to take their full path (see [`FullPathMark`]).
    full_path: FullPathMark,
    /// Set on an allocator that serves another one (a pool's size classes): the outer
    /// allocator counts the tag, so this one leaves the tag table alone.
    nested: Cell<bool>,
}

impl Accounting {
    /// Fresh counters with no budget.
    pub fn new() -> Accounting {
        Accounting {
            limit: Cell::new(u64::MAX),
            ..Accounting::default()
        }
    }

    /// The subsystem these counters belong to.
    #[inline]
    pub fn subsystem(&self) -> Option<Subsystem> {
        self.subsystem.get()
    }

    /// Labels the counters with their subsystem.
    pub fn set_subsystem(&self, subsystem: Option<Subsystem>) {
        self.subsystem.set(subsystem);
    }

    /// Sets or clears the budget on current usage. Enforced in both builds (see the type's
    /// documentation); the registry's [`SystemAllocator`](super::SystemAllocator), which the
    /// feature-off build uses for the subsystems that free individually, keeps no byte count
    /// and enforces none.
    pub fn set_limit(&self, limit: Option<u64>) {
        self.limit.set(limit.unwrap_or(u64::MAX));
        self.update_full_path();
    }

    fn update_full_path(&self) {
        self.full_path
            .set(self.limit.get() != u64::MAX || self.has_hook.get());
    }

    /// Whether a call must look at the ambient tag, budgets and hooks: it brings a tag, or
    /// something on this thread (a [`TagScope`](super::TagScope), an allocator with a budget
    /// or a hook) asks for it. One thread-local read in the common case.
    #[inline]
    fn takes_full_path(info: &AllocInfo) -> bool {
        info.tag.is_some() || full_path()
    }

    /// Marks these counters as an inner allocator's, whose calls do not count toward tags.
    pub(crate) fn set_nested(&self, nested: bool) {
        self.nested.set(nested);
    }

    /// The tag a call counts under: none for a nested allocator, else the call's effective tag.
    /// (The tag is looked at first: on the fast path there is none, and `nested` is not read.)
    #[inline]
    fn tag_of(&self, info: &AllocInfo) -> Option<Tag> {
        info.effective_tag().filter(|_| !self.nested.get())
    }

    /// Installs or removes the event hook.
    pub fn set_hook(&self, hook: Option<AllocHook>) {
        self.has_hook.set(hook.is_some());
        *self.hook.borrow_mut() = hook;
        self.update_full_path();
    }

    /// Bytes in live blocks now (kept in both builds).
    #[inline]
    pub fn current(&self) -> u64 {
        self.total.get() - self.released.get()
    }

    /// Folds `current` into `peak`. Called before every release of bytes and when the
    /// statistics are read; between those, usage only grows.
    #[inline]
    fn fold_peak(&self) {
        if STATS {
            let current = self.current();
            if current > self.peak.get() {
                self.peak.set(current);
            }
        }
    }

    /// A snapshot of the counters (zeros but the budget without `custom-allocators`).
    pub fn stats(&self) -> Stats {
        let limit = self.limit.get();
        let limit = (limit != u64::MAX).then_some(limit);
        if !STATS {
            return Stats {
                limit,
                ..Stats::default()
            };
        }
        self.fold_peak();
        Stats {
            total_allocated: self.total.get(),
            current: self.current(),
            peak: self.peak.get(),
            allocations: self.allocations.get(),
            reallocations: self.reallocations.get(),
            frees: self.frees.get(),
            resets: self.resets.get(),
            failures: self.failures.get(),
            wasted: self.wasted.get(),
            footprint: self.footprint.get(),
            limit,
        }
    }

    /// Checks the budget before a request that grows usage by `grow` bytes.
    #[inline]
    pub fn check_budget(&self, grow: usize) -> Result<(), AllocError> {
        let limit = self.limit.get();
        // No overflow: `current` counts bytes that exist, and `grow <= isize::MAX`.
        if limit != u64::MAX && self.current() + grow as u64 > limit {
            let refusal = self.over_budget(grow);
            if soft_budget::active() {
                // A caller that cannot take a refusal (a collection growing): the block is
                // given, and the refusal waits for the interpreter's next check.
                soft_budget::note(refusal);
                return Ok(());
            }
            return Err(refusal);
        }
        Ok(())
    }

    #[cold]
    fn over_budget(&self, grow: usize) -> AllocError {
        let current = self.current();
        self.record_failure();
        AllocError::BudgetExceeded {
            subsystem: self.subsystem.get(),
            limit: self.limit.get(),
            current,
            requested: grow as u64,
        }
    }

    /// Checks that a free (or the old size of a resize) of `size` bytes does not give back
    /// more than is live: the one double free an allocator that keeps no per-block records
    /// (an arena) can see. A refusal is counted.
    #[inline]
    pub fn check_release(&self, address: usize, size: usize) -> Result<(), AllocError> {
        if size as u64 > self.current() {
            return Err(self.over_release(address));
        }
        Ok(())
    }

    #[cold]
    fn over_release(&self, address: usize) -> AllocError {
        self.record_failure();
        AllocError::InvalidFree {
            address,
            reason: "frees more bytes than are live in this allocator (double free?)",
        }
    }

    /// Counts a refused request.
    #[inline]
    pub fn record_failure(&self) {
        if STATS {
            self.failures.set(self.failures.get() + 1);
        }
    }

    /// The allocate path of every allocator, in one place: the budget check, `take` (which
    /// gets the block), and the counting. In the common case (no tag, no tag scope, no budget
    /// or hook on this thread) it reads one thread-local and adds to two counters; a refusal
    /// by `take` is counted.
    /// (Everything stays inline, with scalar arguments to the cold calls, so that the call's
    /// info and layout never have to be written to memory on the fast path; `always`, because
    /// with a large `take`, such as the platform allocator's, LLVM would otherwise keep it out
    /// of line.)
    #[inline(always)]
    pub(crate) fn allocate(
        &self,
        size: usize,
        info: &AllocInfo,
        take: impl FnOnce() -> Result<NonNull<u8>, AllocError>,
    ) -> Result<NonNull<u8>, AllocError> {
        let full = Self::takes_full_path(info);
        if full {
            self.check_budget(size)?;
        }
        let ptr = take().inspect_err(|_| self.record_failure())?;
        self.total.set(self.total.get() + size as u64);
        if STATS {
            self.allocations.set(self.allocations.get() + 1);
            if full {
                if let Some(tag) = self.tag_of(info) {
                    self.tag_grow(tag, size as u64, true);
                }
                self.emit(EventKind::Allocate, ptr.as_ptr() as usize, size, Some(info));
            }
        }
        Ok(ptr)
    }

    /// Records a new live block.
    #[inline]
    pub fn on_alloc(&self, address: usize, size: usize, info: &AllocInfo) {
        self.total.set(self.total.get() + size as u64);
        if STATS {
            self.allocations.set(self.allocations.get() + 1);
            if let Some(tag) = self.tag_of(info) {
                self.tag_grow(tag, size as u64, true);
            }
            self.emit(EventKind::Allocate, address, size, Some(info));
        }
    }

    /// Records a block resized from `old_size` to `new_size`.
    #[inline]
    pub fn on_realloc(
        &self,
        old: (usize, usize),
        address: usize,
        new_size: usize,
        info: &AllocInfo,
    ) {
        let (old_address, old_size) = old;
        self.release(old_size as u64);
        self.total.set(self.total.get() + new_size as u64);
        if STATS {
            self.reallocations.set(self.reallocations.get() + 1);
            if let Some(tag) = self.tag_of(info) {
                self.tag_shrink(tag, old_size as u64, false);
                self.tag_grow(tag, new_size as u64, false);
            }
            self.emit(
                EventKind::Reallocate {
                    old_address,
                    old_size,
                },
                address,
                new_size,
                Some(info),
            );
        }
    }

    /// Records a freed block.
    #[inline]
    pub fn on_free(&self, address: usize, size: usize, info: &AllocInfo) {
        self.release(size as u64);
        if STATS {
            self.frees.set(self.frees.get() + 1);
            if Self::takes_full_path(info) {
                if let Some(tag) = self.tag_of(info) {
                    self.tag_shrink(tag, size as u64, true);
                }
                self.emit(EventKind::Free, address, size, Some(info));
            }
        }
    }

    /// Gives `size` bytes back. More than is live (a double free the allocator could not
    /// see) never underflows or panics: it releases what is live and counts a failure.
    #[inline]
    fn release(&self, size: u64) {
        self.fold_peak();
        let live = self.current();
        let size = if size > live {
            self.record_failure();
            live
        } else {
            size
        };
        self.released.set(self.released.get() + size);
    }

    /// Records a reset: every live block released at once.
    pub fn on_reset(&self) {
        self.fold_peak();
        let released = self.current();
        self.released.set(self.total.get());
        if STATS {
            self.resets.set(self.resets.get() + 1);
            for (tag, bytes, blocks) in self.tag_current.borrow_mut().drain(..) {
                tag_sub(tag, bytes, false);
                TAGS.with(|t| {
                    if let Some(s) = t.borrow_mut().get_mut(&tag) {
                        s.live = s.live.saturating_sub(blocks);
                    }
                });
            }
            self.emit(
                EventKind::Reset,
                0,
                usize::try_from(released).unwrap_or(usize::MAX),
                None,
            );
        }
    }

    /// Folds in the counters of a scoped allocator that is gone (a `with_arena` scope): its
    /// totals add up, and its peak counts on top of what was live here meanwhile.
    pub fn absorb(&self, scoped: &Stats) {
        if STATS {
            self.fold_peak();
            let current = self.current();
            // Handed out and all given back: `current` is unchanged.
            self.total.set(self.total.get() + scoped.total_allocated);
            self.released
                .set(self.released.get() + scoped.total_allocated);
            self.allocations
                .set(self.allocations.get() + scoped.allocations);
            self.reallocations
                .set(self.reallocations.get() + scoped.reallocations);
            self.frees.set(self.frees.get() + scoped.frees);
            self.resets.set(self.resets.get() + scoped.resets + 1);
            self.failures.set(self.failures.get() + scoped.failures);
            self.wasted.set(self.wasted.get() + scoped.wasted);
            self.peak.set(self.peak.get().max(current + scoped.peak));
        }
    }

    /// Adds bytes left unused at a chunk's end.
    #[inline]
    pub fn add_wasted(&self, bytes: usize) {
        if STATS {
            self.wasted.set(self.wasted.get() + bytes as u64);
        }
    }

    /// Sets the bytes held from the global allocator.
    #[inline]
    pub fn set_footprint(&self, bytes: usize) {
        if STATS {
            self.footprint.set(bytes as u64);
        }
    }

    #[cold]
    fn tag_grow(&self, tag: Tag, size: u64, new_block: bool) {
        tag_add(tag, size, new_block);
        let mut local = self.tag_current.borrow_mut();
        match local.iter_mut().find(|(t, _, _)| *t == tag) {
            Some(entry) => {
                entry.1 += size;
                entry.2 += u64::from(new_block);
            }
            None => local.push((tag, size, u64::from(new_block))),
        }
    }

    #[cold]
    fn tag_shrink(&self, tag: Tag, size: u64, block_gone: bool) {
        tag_sub(tag, size, block_gone);
        let mut local = self.tag_current.borrow_mut();
        if let Some(entry) = local.iter_mut().find(|(t, _, _)| *t == tag) {
            entry.1 = entry.1.saturating_sub(size);
            entry.2 = entry.2.saturating_sub(u64::from(block_gone));
        }
    }

    /// Calls the hook, if any. The call's info travels as scalars, so that the fast path (no
    /// hook) never has to build it in memory.
    #[inline]
    fn emit(&self, kind: EventKind, address: usize, size: usize, info: Option<&AllocInfo>) {
        if self.has_hook.get() {
            let (rust, script, tag) =
                info.map_or((None, None, None), |i| (Some(i.rust), i.script, i.tag));
            self.emit_slow(kind, (address, size), rust, script, tag);
        }
    }

    #[cold]
    fn emit_slow(
        &self,
        kind: EventKind,
        (address, size): (usize, usize),
        rust: Option<&'static Location<'static>>,
        script: Option<ScriptLocation>,
        tag: Option<Tag>,
    ) {
        let info = rust.map(|rust| AllocInfo { rust, script, tag });
        // Clone the hook out so a hook that allocates through this allocator does not
        // find the RefCell borrowed.
        let hook = self.hook.borrow().clone();
        if let Some(hook) = hook {
            hook(&AllocEvent {
                kind,
                subsystem: self.subsystem.get(),
                address,
                size,
                info,
            });
        }
    }
}

#[cfg(all(test, feature = "custom-allocators"))]
mod tests {
    use super::*;

    #[test]
    fn counters_keep_their_invariants() {
        let a = Accounting::new();
        let info = AllocInfo::here();
        a.on_alloc(1, 100, &info);
        a.on_alloc(2, 50, &info);
        a.on_free(1, 100, &info);
        a.on_realloc((2, 50), 3, 80, &info);
        let s = a.stats();
        assert_eq!(s.current, 80);
        assert_eq!(s.peak, 150);
        assert_eq!(s.total_allocated, 230);
        assert_eq!((s.allocations, s.frees, s.reallocations), (2, 1, 1));
    }

    #[test]
    fn budget_refuses_and_counts() {
        let a = Accounting::new();
        a.set_subsystem(Some(Subsystem::Objects));
        a.set_limit(Some(100));
        assert!(a.check_budget(100).is_ok());
        a.on_alloc(1, 60, &AllocInfo::here());
        let err = a.check_budget(41).unwrap_err();
        assert!(matches!(
            err,
            AllocError::BudgetExceeded {
                limit: 100,
                current: 60,
                requested: 41,
                ..
            }
        ));
        assert_eq!(a.stats().failures, 1);
        assert_eq!(a.stats().limit, Some(100));
    }

    #[test]
    fn tags_follow_allocations_and_resets() {
        let tag = Tag::new("stats-test-tag");
        let a = Accounting::new();
        a.on_alloc(1, 64, &AllocInfo::tagged(tag));
        a.on_alloc(2, 32, &AllocInfo::tagged(tag));
        a.on_free(1, 64, &AllocInfo::tagged(tag));
        let s = tag_stats_of(tag);
        assert_eq!((s.count, s.live, s.current, s.peak), (2, 1, 32, 96));
        a.on_reset();
        let s = tag_stats_of(tag);
        assert_eq!((s.live, s.current, s.peak), (0, 0, 96));
    }

    #[test]
    fn the_lazy_peak_is_exact() {
        let a = Accounting::new();
        let info = AllocInfo::here();
        // Up to 300, down to 100, up to 250: the peak is 300, read at any point.
        a.on_alloc(1, 100, &info);
        a.on_alloc(2, 200, &info);
        assert_eq!(a.stats().peak, 300);
        a.on_free(2, 200, &info);
        a.on_alloc(3, 150, &info);
        assert_eq!((a.stats().current, a.stats().peak), (250, 300));
        // A peak reached only between two reads is still seen: it is folded before the free.
        a.on_alloc(4, 100, &info);
        a.on_free(4, 100, &info);
        assert_eq!(a.stats().peak, 350);
        a.on_realloc((3, 150), 5, 10, &info);
        a.on_reset();
        let s = a.stats();
        assert_eq!((s.current, s.peak, s.total_allocated), (0, 350, 560));
    }

    #[test]
    fn freeing_more_than_is_live_saturates_and_counts_a_failure() {
        let a = Accounting::new();
        let info = AllocInfo::here();
        a.on_alloc(1, 64, &info);
        a.on_free(1, 64, &info);
        // A double free the allocator could not see: no underflow, no panic.
        a.on_free(1, 64, &info);
        let s = a.stats();
        assert_eq!((s.current, s.frees, s.failures), (0, 2, 1));
        assert!(matches!(
            a.check_release(1, 64),
            Err(AllocError::InvalidFree { address: 1, .. })
        ));
        assert_eq!(a.stats().failures, 2);
        a.on_alloc(2, 8, &info);
        assert_eq!(a.stats().current, 8);
    }

    #[test]
    fn budgets_hooks_and_tag_scopes_turn_on_the_full_path_while_they_last() {
        use crate::alloc::{Allocator, ArenaAllocator, TagScope};
        use std::rc::Rc;
        assert!(!full_path(), "a fresh thread takes the fast path");
        let a = Accounting::new();
        a.set_limit(Some(10));
        assert!(full_path());
        a.set_limit(Some(20));
        a.set_limit(None);
        assert!(!full_path(), "one mark per allocator, given back");
        {
            let _scope = TagScope::enter(Tag::new("full-path-test"));
            assert!(full_path());
        }
        assert!(!full_path());
        let arena = ArenaAllocator::new();
        let seen = Rc::new(Cell::new(0));
        let sink = seen.clone();
        arena
            .accounting()
            .set_hook(Some(Rc::new(move |_: &AllocEvent| {
                sink.set(sink.get() + 1)
            })));
        assert!(full_path());
        let l = std::alloc::Layout::new::<u64>();
        let p = arena.allocate(l).unwrap();
        // SAFETY: live block of `arena`.
        unsafe { arena.free(p, l).unwrap() };
        assert_eq!(seen.get(), 2, "the hook saw the allocation and the free");
        drop(arena);
        assert!(!full_path(), "a dropped allocator gives its mark back");
    }

    #[test]
    fn hooks_see_events() {
        use std::rc::Rc;
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let a = Accounting::new();
        a.set_hook(Some(Rc::new(move |e: &AllocEvent| {
            sink.borrow_mut().push((e.kind, e.size))
        })));
        a.on_alloc(8, 16, &AllocInfo::here());
        a.on_free(8, 16, &AllocInfo::here());
        a.on_reset();
        assert_eq!(
            *seen.borrow(),
            vec![
                (EventKind::Allocate, 16),
                (EventKind::Free, 16),
                (EventKind::Reset, 0)
            ]
        );
    }
}

#[cfg(all(test, not(feature = "custom-allocators")))]
mod feature_off_tests {
    use super::*;

    #[test]
    fn statistics_are_zero_but_budgets_hold() {
        let a = Accounting::new();
        a.set_limit(Some(100));
        a.on_alloc(1, 60, &AllocInfo::here());
        a.record_failure();
        a.set_footprint(4096);
        a.add_wasted(10);
        assert_eq!(
            a.stats(),
            Stats {
                limit: Some(100),
                ..Stats::default()
            }
        );
        assert!(a.check_budget(40).is_ok());
        assert!(matches!(
            a.check_budget(41),
            Err(AllocError::BudgetExceeded {
                current: 60,
                requested: 41,
                ..
            })
        ));
        a.on_free(1, 60, &AllocInfo::here());
        assert!(a.check_budget(100).is_ok());
    }
}
