//! Class instances and Swift's ARC.
//!
//! An [`InstRef`] is a counted reference to an instance in the Objects subsystem. When the
//! last strong reference goes away the instance is not freed on the spot: it is queued, and
//! the VM, right after the instruction that released it, runs its `deinit` and releases its
//! stored properties in order, depth first (`Vm::process_releases`). That gives Swift's
//! observable order (the `deinit` runs at the moment of the last release, before anything
//! else happens) and never recurses on the host stack, so releasing a million-node linked
//! list is a loop, not a million nested drops.
//!
//! Weak references ([`InstWeak`]) keep the memory (not the instance) alive; they read `nil`
//! once the instance has begun deinitialising.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::object::{count_down, count_up};
use super::tracking::{self, NodeKind, NodeRef};
use super::value::Value;
use crate::alloc::{registry, AllocError, AllocInfo, Subsystem};

/// The instance is live.
const LIVE: u8 = 0;
/// Its `deinit` is running or its properties are being released.
const DYING: u8 = 1;
/// Fully released; the memory stays while weak references exist.
const DEAD: u8 = 2;

/// An instance's header. Its stored properties (superclass fields first, then the class's
/// own) follow it in the same block, `len` values: one allocation per instance, from the
/// Objects pool's size classes.
#[repr(C)]
pub struct InstBox {
    strong: Cell<u32>,
    weak: Cell<u32>,
    state: Cell<u8>,
    /// The class (nominal index).
    pub class: u32,
    len: u32,
    /// Marks the fields as interior-mutable storage owned by the box.
    _fields: PhantomData<std::cell::UnsafeCell<Value>>,
}

/// A strong reference.
pub struct InstRef {
    ptr: NonNull<InstBox>,
    _marker: PhantomData<InstBox>,
}

/// A weak (or unowned) reference.
pub struct InstWeak {
    ptr: NonNull<InstBox>,
    _marker: PhantomData<InstBox>,
}

thread_local! {
    /// Instances whose last strong reference went away, in release order.
    static PENDING: RefCell<Vec<NonNull<InstBox>>> = const { RefCell::new(Vec::new()) };
    /// `!PENDING.is_empty()`, readable without a borrow after every instruction.
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Turns the registry of live objects (instances and closures) on or off; off forgets what
/// it held. See `tracking.rs`.
pub fn track_live_instances(on: bool) {
    tracking::set_enabled(on);
}

/// A live instance as the leak report sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveInstance {
    /// Its address (identity).
    pub addr: usize,
    /// The class (nominal index).
    pub class: u32,
    /// Bytes it holds: the instance block and its stored-property storage.
    pub size: usize,
    /// Creation order.
    pub seq: u64,
    /// Its strong references to other instances: (stored-property index, target address).
    pub strong_refs: Vec<(usize, usize)>,
}

/// Every tracked instance that has not been deinitialised, in creation order: what is
/// still reachable and what cycles keep alive. Empty when tracking is off.
pub fn live_instances() -> Vec<LiveInstance> {
    tracking::pinned_nodes()
        .iter()
        .filter_map(|(t, node)| match node {
            NodeRef::Instance(w) => Some((t, w)),
            NodeRef::Closure(_) => None,
        })
        .map(|(t, w)| {
            let b = w.header();
            let strong_refs = (0..b.field_count())
                .filter_map(|i| match w.field(i) {
                    Value::Object(o) => Some((i, o.addr())),
                    _ => None,
                })
                .collect();
            LiveInstance {
                addr: t.key,
                class: b.class,
                size: b.size(),
                seq: t.seq,
                strong_refs,
            }
        })
        .collect()
}

/// Frees every tracked object still alive, cycles included, without running `deinit`s
/// (the program is over). Untracked objects are left alone.
pub fn release_tracked() {
    discard_pending();
    // First move every reference out of the tracked objects (instances' stored properties,
    // closures' captured variables) without dropping any, while the registry's pins keep
    // every one allocated; then dropping them breaks every cycle.
    let nodes = tracking::pinned_nodes();
    let mut garbage: Vec<Value> = Vec::new();
    for (_, node) in &nodes {
        match node {
            NodeRef::Instance(w) if w.header().state.get() == LIVE => {
                for i in 0..w.header().field_count() {
                    // SAFETY: the pin keeps the instance allocated.
                    garbage.extend(unsafe { swap_field(w.ptr, i, Value::Void) });
                }
            }
            NodeRef::Instance(_) => {}
            NodeRef::Closure(c) => {
                for var in &c.captures {
                    if let Ok(mut v) = var.value.try_borrow_mut() {
                        garbage.push(std::mem::take(&mut *v));
                    }
                }
            }
        }
    }
    drop(garbage);
    discard_pending();
    drop(nodes);
    discard_pending();
}

fn track(ptr: NonNull<InstBox>) {
    let addr = ptr.as_ptr() as usize;
    tracking::remember(addr, addr, NodeKind::Instance);
}

fn untrack(ptr: NonNull<InstBox>) {
    tracking::forget(ptr.as_ptr() as usize);
}

/// Whether released instances wait to be deinitialised.
#[inline]
pub fn has_pending() -> bool {
    HAS_PENDING.with(Cell::get)
}

/// Takes the released instances, in release order.
pub fn take_pending() -> Vec<InstRef> {
    let mut out = Vec::new();
    drain_pending(&mut out);
    out
}

/// Appends the released instances to `out`, in release order. The queue keeps its capacity
/// and `out` is the caller's, so a steady stream of releases allocates nothing.
pub fn drain_pending(out: &mut Vec<InstRef>) {
    HAS_PENDING.with(|f| f.set(false));
    PENDING.with(|p| {
        out.extend(p.borrow_mut().drain(..).map(|ptr| {
            // SAFETY: a pending instance has strong count 0 and state LIVE; it is kept alive
            // by the queue. Making a strong reference again (count 1) hands it to the VM,
            // which marks it DYING before the reference can be dropped again.
            unsafe {
                let b = ptr.as_ref();
                b.strong.set(1);
                b.state.set(DYING);
            }
            InstRef {
                ptr,
                _marker: PhantomData,
            }
        }));
    });
}

/// Frees released instances without running their `deinit`s (the program is over: Swift
/// does not deinitialise what is still alive at exit), including what their properties held.
pub fn discard_pending() {
    loop {
        let batch = take_pending();
        if batch.is_empty() {
            return;
        }
        for inst in batch {
            let fields: Vec<Value> = (0..inst.get().field_count())
                .filter_map(|i| inst.take_field(i))
                .collect();
            drop(fields);
            inst.finish();
        }
    }
}

/// Where the stored properties start in an instance's block: after the header, aligned for
/// `Value` (what `layout` computes for every length).
const FIELDS_OFFSET: usize = {
    let align = std::mem::align_of::<Value>();
    std::mem::size_of::<InstBox>().div_ceil(align) * align
};

/// The block of an instance with `len` stored properties, and where they start in it
/// (`None`: more properties than memory).
fn layout(len: u32) -> Option<(Layout, usize)> {
    let fields = Layout::array::<Value>(len as usize).ok()?;
    let (block, offset) = Layout::new::<InstBox>().extend(fields).ok()?;
    debug_assert_eq!(offset, FIELDS_OFFSET);
    Some((block.pad_to_align(), offset))
}

/// A pointer to stored property `i` of the instance at `ptr`, if there is one. Derived from
/// the instance pointer (whose provenance covers the whole block), never from an
/// `&InstBox`, whose referent is only the header.
///
/// # Safety
/// `ptr` is an allocated instance (a strong or weak reference keeps it so).
#[inline(always)]
unsafe fn field_ptr(ptr: NonNull<InstBox>, i: usize) -> Option<*mut Value> {
    // SAFETY: the header is allocated and initialised (the contract).
    let len = unsafe { ptr.as_ref() }.len;
    if i >= len as usize {
        return None;
    }
    // SAFETY: the block was allocated with `layout(len)`, so `len` values start at
    // `FIELDS_OFFSET` from its start; `i < len` keeps the pointer inside the block.
    Some(unsafe {
        ptr.as_ptr()
            .cast::<u8>()
            .add(FIELDS_OFFSET)
            .cast::<Value>()
            .add(i)
    })
}

/// A copy of stored property `i` of the instance at `ptr` (`Void` past the end).
///
/// # Safety
/// As [`field_ptr`].
unsafe fn copy_field(ptr: NonNull<InstBox>, i: usize) -> Value {
    // SAFETY: forwarded contract.
    match unsafe { field_ptr(ptr, i) } {
        // SAFETY: every slot is initialised when the box is made, and the reference lives
        // only while the value is copied (no code of the caller runs meanwhile).
        Some(p) => unsafe { (*p).copy() },
        None => Value::Void,
    }
}

/// Puts `v` in stored property `i` of the instance at `ptr` and returns the old value.
///
/// # Safety
/// As [`field_ptr`].
unsafe fn swap_field(ptr: NonNull<InstBox>, i: usize, v: Value) -> Option<Value> {
    // SAFETY: forwarded contract.
    let p = unsafe { field_ptr(ptr, i) }?;
    // SAFETY: an initialised slot; no reference into it is held anywhere (every accessor
    // copies values out), and the old value is moved out, not dropped here.
    Some(unsafe { std::ptr::replace(p, v) })
}

impl InstBox {
    /// Bytes the instance holds: its block, stored properties included.
    pub fn size(&self) -> usize {
        layout(self.len).map_or(0, |(block, _)| block.size())
    }

    /// Number of stored properties.
    pub fn field_count(&self) -> usize {
        self.len as usize
    }

    /// Whether the instance is live (not deinitialising or released).
    pub fn is_live(&self) -> bool {
        self.state.get() == LIVE
    }
}

impl InstRef {
    /// A copy of stored property `i` (`Void` past the end).
    #[inline]
    pub fn field(&self, i: usize) -> Value {
        // SAFETY: a strong reference keeps the instance allocated.
        unsafe { copy_field(self.ptr, i) }
    }

    /// Calls `f` with stored property `i` when it holds plain data (a number, a truth value,
    /// `nil`), reading it without a copy through the drop glue; `None` otherwise or past the
    /// end. `f` gets a copy: whatever it does to the instance cannot invalidate it.
    #[inline(always)]
    pub fn with_plain_field<R>(&self, i: usize, f: impl FnOnce(&Value) -> R) -> Option<R> {
        // SAFETY: a strong reference keeps the instance allocated.
        let p = unsafe { field_ptr(self.ptr, i) }?;
        // SAFETY: an initialised slot; the borrow ends before `f` runs. Plain data owns
        // nothing, so its bitwise copy is a value of its own (never dropped twice).
        let copy = unsafe {
            if !(*p).is_plain() {
                return None;
            }
            std::mem::ManuallyDrop::new(std::ptr::read(p))
        };
        Some(f(&copy))
    }

    /// Updates stored property `i` in place when it holds plain data (`None` otherwise or
    /// past the end): `f` gets a copy to change, which is then stored (and what the property
    /// held at that moment released). `f` cannot invalidate anything: it never holds a
    /// reference into the instance.
    #[inline(always)]
    pub fn with_plain_field_mut<R>(&self, i: usize, f: impl FnOnce(&mut Value) -> R) -> Option<R> {
        // SAFETY: a strong reference keeps the instance allocated.
        let p = unsafe { field_ptr(self.ptr, i) }?;
        // SAFETY: as in `with_plain_field`.
        let mut copy = unsafe {
            if !(*p).is_plain() {
                return None;
            }
            std::ptr::read(p)
        };
        let r = f(&mut copy);
        // SAFETY: the slot is still allocated and initialised (the strong reference), and no
        // reference into it is held.
        let old = unsafe { std::ptr::replace(p, copy) };
        old.release();
        Some(r)
    }

    /// Puts `v` in stored property `i` and returns the old value (`None` past the end).
    #[inline]
    pub fn replace_field(&self, i: usize, v: Value) -> Option<Value> {
        // SAFETY: a strong reference keeps the instance allocated.
        unsafe { swap_field(self.ptr, i, v) }
    }

    /// Moves stored property `i` out, leaving `Void`.
    pub fn take_field(&self, i: usize) -> Option<Value> {
        self.replace_field(i, Value::Void)
    }
}

impl InstRef {
    /// A new instance of `class` whose stored properties are `fields`, in order.
    pub fn new(
        class: u32,
        fields: impl ExactSizeIterator<Item = Value>,
    ) -> Result<InstRef, AllocError> {
        let too_large = AllocError::TooLarge { size: usize::MAX };
        let len = u32::try_from(fields.len()).map_err(|_| too_large.clone())?;
        let (block, offset) = layout(len).ok_or(too_large)?;
        let info = AllocInfo::here();
        let ptr = registry::with_allocator(Subsystem::Objects, |a| a.allocate_with(block, &info))?
            .cast::<InstBox>();
        // SAFETY: a fresh block of `layout(len)`: the header at its start, `len` values at
        // `offset`. Every slot is written (a short iterator leaves `Void`s) before the box is
        // used.
        unsafe {
            ptr.as_ptr().write(InstBox {
                strong: Cell::new(1),
                weak: Cell::new(0),
                state: Cell::new(LIVE),
                class,
                len,
                _fields: PhantomData,
            });
            let first = ptr.as_ptr().cast::<u8>().add(offset).cast::<Value>();
            let mut fields = fields;
            for i in 0..len as usize {
                first.add(i).write(fields.next().unwrap_or_default());
            }
        }
        track(ptr);
        Ok(InstRef {
            ptr,
            _marker: PhantomData,
        })
    }

    fn inner(&self) -> &InstBox {
        // SAFETY: a strong reference keeps the box allocated (it is freed only when both
        // counts are zero and the instance is DEAD).
        unsafe { self.ptr.as_ref() }
    }

    /// The instance.
    pub fn get(&self) -> &InstBox {
        self.inner()
    }

    /// Identity (`===`).
    pub fn ptr_eq(a: &InstRef, b: &InstRef) -> bool {
        a.ptr == b.ptr
    }

    /// The instance's address.
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// A weak reference to the same instance.
    pub fn downgrade(&self) -> InstWeak {
        count_up(&self.inner().weak);
        InstWeak {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }

    /// Strong references.
    pub fn strong_count(&self) -> u32 {
        self.inner().strong.get()
    }

    /// Marks a dying instance as fully released; its memory goes when the last reference
    /// (strong or weak) does. Consumes the VM's reference.
    pub fn finish(self) {
        untrack(self.ptr);
        self.inner().state.set(DEAD);
        drop(self);
    }
}

impl Clone for InstRef {
    #[inline]
    fn clone(&self) -> InstRef {
        count_up(&self.inner().strong);
        InstRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl Drop for InstRef {
    /// A count decrement, inline; the last release is out of line.
    #[inline]
    fn drop(&mut self) {
        if count_down(&self.inner().strong) == Some(0) {
            self.release_last();
        }
    }
}

impl InstRef {
    #[inline(never)]
    fn release_last(&mut self) {
        let b = self.inner();
        match b.state.get() {
            LIVE => {
                // The last strong reference: queue for deinit (the queue owns it now).
                PENDING.with(|p| p.borrow_mut().push(self.ptr));
                HAS_PENDING.with(|f| f.set(true));
            }
            DEAD if b.weak.get() == 0 => free(self.ptr),
            // DYING: the VM's own reference during deinit; the VM finishes it.
            _ => {}
        }
    }
}

fn free(ptr: NonNull<InstBox>) {
    untrack(ptr);
    // SAFETY: no strong or weak reference remains; the box was allocated from the Objects
    // allocator with `layout(len)`, and its fields are dropped exactly once here.
    unsafe {
        let len = ptr.as_ref().len;
        // The layout was valid when the box was made.
        let Some((block, offset)) = layout(len) else {
            return;
        };
        let first = ptr.as_ptr().cast::<u8>().add(offset).cast::<Value>();
        std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(first, len as usize));
        let info = AllocInfo::here();
        registry::with_allocator(Subsystem::Objects, |a| {
            let _ = a.free_with(ptr.cast(), block, &info);
        });
    }
}

impl InstWeak {
    /// A weak reference to the instance at `addr`, for the live-object registry.
    ///
    /// # Safety
    /// `addr` is an allocated instance (a tracked one: see `tracking::pinned_nodes`).
    pub(super) unsafe fn pin(addr: usize) -> Option<InstWeak> {
        let ptr = NonNull::new(addr as *mut InstBox)?;
        // SAFETY: an allocated instance (the contract); the new weak reference keeps it so.
        count_up(&unsafe { ptr.as_ref() }.weak);
        Some(InstWeak {
            ptr,
            _marker: PhantomData,
        })
    }

    /// The instance's address (its block, allocated while this reference exists).
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The instance's header (class, state, size), readable whether or not it is alive.
    pub fn header(&self) -> &InstBox {
        // SAFETY: a weak reference keeps the box allocated.
        unsafe { self.ptr.as_ref() }
    }

    /// A copy of stored property `i`, whether or not the instance is alive (`Void` past the
    /// end, or once released): what the leak report walks.
    pub fn field(&self, i: usize) -> Value {
        // SAFETY: a weak reference keeps the box allocated.
        unsafe { copy_field(self.ptr, i) }
    }

    /// The instance, if it is still alive (not yet deinitialising).
    pub fn upgrade(&self) -> Option<InstRef> {
        // SAFETY: a weak reference keeps the box allocated.
        let b = unsafe { self.ptr.as_ref() };
        if b.state.get() != LIVE || b.strong.get() == 0 {
            return None;
        }
        count_up(&b.strong);
        Some(InstRef {
            ptr: self.ptr,
            _marker: PhantomData,
        })
    }
}

impl Clone for InstWeak {
    fn clone(&self) -> InstWeak {
        // SAFETY: a weak reference keeps the box allocated.
        count_up(&unsafe { self.ptr.as_ref() }.weak);
        InstWeak {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl Drop for InstWeak {
    fn drop(&mut self) {
        // SAFETY: a weak reference keeps the box allocated until this drop.
        let b = unsafe { self.ptr.as_ref() };
        if count_down(&b.weak) == Some(0) && b.strong.get() == 0 && b.state.get() == DEAD {
            free(self.ptr);
        }
    }
}

impl std::fmt::Debug for InstRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "<instance of class #{} at {:#x}>",
            self.inner().class,
            self.addr()
        )
    }
}

impl std::fmt::Debug for InstWeak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<weak {:#x}>", self.ptr.as_ptr() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::object::Obj;
    use crate::vm::value::Closure;

    fn text(s: &str) -> Value {
        Value::Str(crate::vm::value::Str::new(s).unwrap())
    }

    fn objects_now() -> u64 {
        registry::stats(Subsystem::Objects).current
    }

    /// Releases what a test let go (queued instances) and checks Objects is back where it was.
    fn settle(before: u64) {
        discard_pending();
        if registry::stats_available() {
            assert_eq!(objects_now(), before, "every block is freed");
        }
    }

    #[test]
    fn strong_and_weak_counts_saturate_and_stick() {
        let before = objects_now();
        let a = InstRef::new(0, [Value::Int(1)].into_iter()).unwrap();
        a.inner().strong.set(u32::MAX - 1);
        let b = a.clone();
        let c = a.clone();
        assert_eq!(a.strong_count(), u32::MAX);
        drop(b);
        drop(c);
        assert_eq!(
            a.strong_count(),
            u32::MAX,
            "a saturated count never goes down"
        );
        a.inner().weak.set(u32::MAX - 1);
        let w = a.downgrade();
        let w2 = w.clone();
        drop(w);
        drop(w2);
        assert_eq!(a.inner().weak.get(), u32::MAX);
        assert!(a.downgrade().upgrade().is_some());
        assert_eq!(a.strong_count(), u32::MAX);
        // Back to honest counts, so that the test frees what it made.
        a.inner().strong.set(1);
        a.inner().weak.set(0);
        drop(a);
        settle(before);
    }

    #[test]
    fn readers_get_copies_that_outlive_writes() {
        let before = objects_now();
        let a = InstRef::new(0, [text("hello"), Value::Int(2)].into_iter()).unwrap();
        let alias = a.clone();
        // A copy read out survives the property being taken and released.
        let copy = a.field(0);
        drop(alias.take_field(0));
        drop(alias);
        assert!(matches!(&copy, Value::Str(s) if s.as_str() == "hello"));
        drop(copy);
        // Only plain data is read in place, and as a copy.
        assert!(a.with_plain_field(0, |_| ()).is_some(), "Void is plain");
        assert!(a.replace_field(0, text("again")).is_some());
        assert!(a.with_plain_field(0, |_| ()).is_none());
        assert!(matches!(
            a.with_plain_field(1, |v| v.copy()),
            Some(Value::Int(2))
        ));
        // An update whose closure writes the same property through another reference: the
        // closure's value is stored, and what the other reference put there is released.
        let alias = a.clone();
        let done = a.with_plain_field_mut(1, |v| {
            drop(alias.replace_field(1, text("meanwhile")));
            *v = Value::Int(3);
        });
        assert_eq!(done, Some(()));
        assert!(matches!(a.field(1), Value::Int(3)));
        assert!(a.with_plain_field_mut(9, |_| ()).is_none());
        assert!(matches!(a.field(9), Value::Void));
        drop(alias);
        drop(a);
        settle(before);
    }

    #[test]
    fn pinned_registry_nodes_stay_readable_while_their_objects_go() {
        let before = objects_now();
        tracking::set_enabled(true);
        let a = InstRef::new(7, [text("field")].into_iter()).unwrap();
        let closure = Obj::new(Closure {
            func: 3,
            captures: allocator_api2::vec::Vec::new_in(crate::alloc::ObjectsAlloc),
        })
        .unwrap();
        tracking::remember(
            std::ptr::from_ref::<Closure>(&closure) as usize,
            Obj::addr(&closure),
            NodeKind::Closure,
        );
        let nodes = tracking::pinned_nodes();
        assert_eq!(nodes.len(), 2);
        // Everything the script held goes while the pins are held.
        drop(a);
        drop(closure);
        discard_pending();
        // The released instance has left the registry; the pinned closure is still alive.
        let left: Vec<NodeKind> = tracking::nodes().iter().map(|t| t.kind).collect();
        assert_eq!(left, [NodeKind::Closure]);
        for (_, node) in &nodes {
            match node {
                NodeRef::Instance(w) => {
                    assert_eq!(w.header().class, 7);
                    assert!(!w.header().is_live());
                    assert!(w.upgrade().is_none());
                    assert!(
                        matches!(w.field(0), Value::Void),
                        "its properties were released"
                    );
                }
                NodeRef::Closure(c) => assert_eq!(c.func, 3),
            }
        }
        drop(nodes);
        assert!(
            tracking::nodes().is_empty(),
            "the last pin freed the closure"
        );
        tracking::set_enabled(false);
        settle(before);
    }
}
