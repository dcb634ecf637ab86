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
    tracking::with_nodes(|nodes| {
        nodes
            .iter()
            .filter_map(|(t, node)| match node {
                NodeRef::Instance(b) => Some((t, b)),
                NodeRef::Closure(_) => None,
            })
            .map(|(t, b)| {
                let strong_refs = b.with_fields(|fields| {
                    fields
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| match v {
                            Value::Object(o) => Some((i, o.addr())),
                            _ => None,
                        })
                        .collect()
                });
                LiveInstance {
                    addr: t.key,
                    class: b.class,
                    size: b.size(),
                    seq: t.seq,
                    strong_refs,
                }
            })
            .collect()
    })
}

/// Frees every tracked object still alive, cycles included, without running `deinit`s
/// (the program is over). Untracked objects are left alone.
pub fn release_tracked() {
    discard_pending();
    // First move every reference out of the tracked objects (instances' stored properties,
    // closures' captured variables) without dropping any, so nothing is freed while the
    // registry is read; then dropping them breaks every cycle.
    let garbage: Vec<Value> = tracking::with_nodes(|nodes| {
        let mut garbage = Vec::new();
        for (_, node) in nodes {
            match node {
                NodeRef::Instance(b) if b.state.get() == LIVE => {
                    garbage.extend((0..b.field_count()).filter_map(|i| b.take_field(i)));
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
        garbage
    });
    drop(garbage);
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
            let b = inst.get();
            let fields: Vec<Value> = (0..b.field_count())
                .filter_map(|i| b.take_field(i))
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

impl InstBox {
    /// Bytes the instance holds: its block, stored properties included.
    pub fn size(&self) -> usize {
        layout(self.len).map_or(0, |(block, _)| block.size())
    }

    /// Number of stored properties.
    pub fn field_count(&self) -> usize {
        self.len as usize
    }

    /// A pointer to stored property `i`, if there is one.
    fn field_ptr(&self, i: usize) -> Option<*mut Value> {
        if i >= self.len as usize {
            return None;
        }
        // SAFETY: the box was allocated with `layout(len)`, so `len` values start at
        // `FIELDS_OFFSET` from its start; `i < len` keeps the pointer inside the block.
        Some(unsafe {
            (std::ptr::from_ref(self) as *mut u8)
                .add(FIELDS_OFFSET)
                .cast::<Value>()
                .add(i)
        })
    }

    /// A copy of stored property `i` (`Void` past the end).
    #[inline]
    pub fn field(&self, i: usize) -> Value {
        match self.field_ptr(i) {
            // SAFETY: the slot is initialised (every slot is written when the box is made)
            // and no reference into it outlives this call: it is cloned out.
            Some(p) => unsafe { (*p).copy() },
            None => Value::Void,
        }
    }

    /// Calls `f` with stored property `i` in place (`None` past the end): reading a number
    /// without copying the whole value out.
    #[inline(always)]
    pub fn with_field<R>(&self, i: usize, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let p = self.field_ptr(i)?;
        // SAFETY: an initialised slot of this box; the reference lives only during `f`,
        // which gets no access to the instance (it cannot write or release it).
        Some(f(unsafe { &*p }))
    }

    /// Calls `f` with stored property `i` to update in place (`None` past the end). `f`
    /// must only compute with the value (the VM's number fast paths): it must not reach
    /// this instance through any other reference.
    #[inline(always)]
    pub fn with_field_mut<R>(&self, i: usize, f: impl FnOnce(&mut Value) -> R) -> Option<R> {
        let p = self.field_ptr(i)?;
        // SAFETY: an initialised slot of this box; by this function's contract nothing else
        // reads or writes it while `f` holds the only reference.
        Some(f(unsafe { &mut *p }))
    }

    /// Puts `v` in stored property `i` and returns the old value (`None` past the end).
    #[inline]
    pub fn replace_field(&self, i: usize, v: Value) -> Option<Value> {
        let p = self.field_ptr(i)?;
        // SAFETY: an initialised slot of this box; the old value is moved out and returned
        // (released by the caller, after the new one is in place).
        Some(unsafe { std::ptr::replace(p, v) })
    }

    /// Moves stored property `i` out, leaving `Void`.
    pub fn take_field(&self, i: usize) -> Option<Value> {
        self.replace_field(i, Value::Void)
    }

    /// Calls `f` with the stored properties. `f` must not write this instance's properties
    /// or release it (it reads: the leak report, the live-instance list).
    pub fn with_fields<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        let slice = match self.field_ptr(0) {
            // SAFETY: `len` initialised values start at the first field; by this function's
            // contract nothing writes them while `f` holds the slice.
            Some(p) => unsafe { std::slice::from_raw_parts(p.cast_const(), self.len as usize) },
            None => &[],
        };
        f(slice)
    }

    /// Whether the instance is live (not deinitialising or released).
    pub fn is_live(&self) -> bool {
        self.state.get() == LIVE
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
        let w = self.inner().weak.get();
        self.inner().weak.set(w.saturating_add(1));
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
        let s = self.inner().strong.get();
        self.inner().strong.set(s.saturating_add(1));
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
        let b = self.inner();
        let s = b.strong.get().saturating_sub(1);
        b.strong.set(s);
        if s > 0 {
            return;
        }
        self.release_last();
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
    /// The instance's address (its block, allocated while this reference exists).
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The instance, if it is still alive (not yet deinitialising).
    pub fn upgrade(&self) -> Option<InstRef> {
        // SAFETY: a weak reference keeps the box allocated.
        let b = unsafe { self.ptr.as_ref() };
        if b.state.get() != LIVE || b.strong.get() == 0 {
            return None;
        }
        b.strong.set(b.strong.get().saturating_add(1));
        Some(InstRef {
            ptr: self.ptr,
            _marker: PhantomData,
        })
    }
}

impl Clone for InstWeak {
    fn clone(&self) -> InstWeak {
        // SAFETY: a weak reference keeps the box allocated.
        let b = unsafe { self.ptr.as_ref() };
        b.weak.set(b.weak.get().saturating_add(1));
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
        let w = b.weak.get().saturating_sub(1);
        b.weak.set(w);
        if w == 0 && b.strong.get() == 0 && b.state.get() == DEAD {
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
