//! [`Str`]: a `String` value's storage, one counted block in the Objects subsystem with the
//! bytes after a 16-byte header, as Swift's native string storage is (`__StringStorage`: a
//! heap object with count and capacity in front of the UTF-8). One block per string rather
//! than a counted `String` pointing at a second block halves the allocations of string-heavy
//! scripts, and every byte is Objects' (statistics, tags, budgets, leak records).
//!
//! Copy on write: [`Str::push_str`] appends in place when this is the only reference and
//! the capacity allows, grows the block (doubling) when unique, and copies when shared.
//! Growth and copies are ordinary requests to the Objects allocator, so a budget refuses
//! them as values ([`AllocError`]), which the interpreter turns into its trap.
//!
//! The bytes are always valid UTF-8: they are only ever written from `&str`s.

use std::alloc::Layout;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::object::{count_down, count_up};
use crate::alloc::{registry, AllocError, AllocInfo, Subsystem};

/// The block's header; the bytes follow it.
#[repr(C)]
struct Header {
    strong: Cell<u32>,
    /// Bytes in use.
    len: u32,
    /// Bytes the block has room for after the header.
    cap: u32,
    /// Keeps the bytes 8-aligned after the header (and the header one pool class).
    _reserved: u32,
}

const HEADER: usize = std::mem::size_of::<Header>();

/// A counted reference to a string's storage.
pub struct Str {
    ptr: NonNull<Header>,
    /// Owns the block; not `Send`/`Sync` (the count is a plain cell).
    _marker: PhantomData<Header>,
}

fn layout(cap: usize) -> Result<Layout, AllocError> {
    let size = HEADER
        .checked_add(cap)
        .ok_or(AllocError::TooLarge { size: cap })?;
    Layout::from_size_align(size, std::mem::align_of::<Header>().max(8))
        .map_err(|_| AllocError::TooLarge { size })
}

/// A length or capacity as the header keeps it (4 GiB strings are refused).
fn small(n: usize) -> Result<u32, AllocError> {
    u32::try_from(n).map_err(|_| AllocError::TooLarge { size: n })
}

impl Str {
    /// A new string holding a copy of `s`, with room for `cap` bytes (at least `s.len()`).
    pub fn with_capacity(s: &str, cap: usize) -> Result<Str, AllocError> {
        let cap = cap.max(s.len());
        let layout = layout(cap)?;
        let info = AllocInfo::here();
        let block =
            registry::with_allocator(Subsystem::Objects, |a| a.allocate_with(layout, &info))?;
        let ptr = block.cast::<Header>();
        // SAFETY: `block` is fresh, `HEADER + cap` bytes, aligned for `Header`: the header is
        // written first, then `s.len() <= cap` bytes after it.
        unsafe {
            ptr.as_ptr().write(Header {
                strong: Cell::new(1),
                len: small(s.len())?,
                cap: small(cap)?,
                _reserved: 0,
            });
            block
                .as_ptr()
                .add(HEADER)
                .copy_from_nonoverlapping(s.as_ptr(), s.len());
        }
        Ok(Str {
            ptr,
            _marker: PhantomData,
        })
    }

    /// A new string holding a copy of `s`, exactly its size.
    pub fn new(s: &str) -> Result<Str, AllocError> {
        Str::with_capacity(s, s.len())
    }

    fn header(&self) -> &Header {
        // SAFETY: while a `Str` exists the count is at least 1, so the block is live.
        unsafe { self.ptr.as_ref() }
    }

    fn bytes_ptr(&self) -> *mut u8 {
        // SAFETY: the bytes start right after the header, inside the block.
        unsafe { self.ptr.as_ptr().cast::<u8>().add(HEADER) }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        let len = self.header().len as usize;
        // SAFETY: `len` bytes after the header are initialised, and valid UTF-8 (written
        // only from `&str`s, whole).
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.bytes_ptr(), len)) }
    }

    /// Bytes the block has room for.
    pub fn capacity(&self) -> usize {
        self.header().cap as usize
    }

    /// The block's size in the Objects subsystem (header and room).
    pub fn block_size(&self) -> usize {
        HEADER + self.capacity()
    }

    /// Number of references.
    pub fn strong_count(this: &Str) -> u32 {
        this.header().strong.get()
    }

    /// Whether two references share one block.
    pub fn ptr_eq(a: &Str, b: &Str) -> bool {
        a.ptr == b.ptr
    }

    /// The block's address (identity and reports).
    pub fn addr(this: &Str) -> usize {
        this.ptr.as_ptr() as usize
    }

    /// Appends `s`: in place when this is the only reference and there is room; otherwise
    /// into a grown block (unique: resized; shared: a copy, so other references keep their
    /// value). A unique block's capacity at least doubles, so appending in a loop is amortised
    /// O(1).
    pub fn push_str(&mut self, s: &str) -> Result<(), AllocError> {
        if s.is_empty() {
            return Ok(());
        }
        let len = self.header().len as usize;
        let needed = len
            .checked_add(s.len())
            .ok_or(AllocError::TooLarge { size: len })?;
        let unique = self.header().strong.get() == 1;
        if !unique || needed > self.capacity() {
            if unique {
                self.grow(needed.max(self.capacity().saturating_mul(2)).max(16))?;
            } else {
                // A copy for this reference, exactly the size (`a + b`); appending to it
                // again grows it then.
                *self = Str::with_capacity(self.as_str(), needed)?;
            }
        }
        let needed_small = small(needed)?;
        // SAFETY: unique now (a copy is unique), with room for `needed` bytes; the new bytes
        // go after the `len` in use and are valid UTF-8 appended to valid UTF-8.
        unsafe {
            self.bytes_ptr()
                .add(len)
                .copy_from_nonoverlapping(s.as_ptr(), s.len());
            (*self.ptr.as_ptr()).len = needed_small;
        }
        Ok(())
    }

    /// Resizes this uniquely held block to room for `cap` bytes.
    fn grow(&mut self, cap: usize) -> Result<(), AllocError> {
        let old = layout(self.capacity())?;
        let new = layout(cap)?;
        let cap_small = small(cap)?;
        let info = AllocInfo::here();
        let block = registry::with_allocator(Subsystem::Objects, |a| {
            // SAFETY: the block came from the Objects allocator with layout `old` (the
            // registry keeps that allocator while it has live blocks), same alignment; this
            // is the only reference, so nothing else sees it move.
            unsafe { a.reallocate_with(self.ptr.cast(), old, new.size(), &info) }
        })?;
        self.ptr = block.cast::<Header>();
        // SAFETY: the resized block keeps the header and contents, and is unique.
        unsafe { (*self.ptr.as_ptr()).cap = cap_small };
        Ok(())
    }
}

impl Clone for Str {
    #[inline]
    fn clone(&self) -> Str {
        count_up(&self.header().strong);
        Str {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl Drop for Str {
    #[inline]
    fn drop(&mut self) {
        if count_down(&self.header().strong) == Some(0) {
            self.free();
        }
    }
}

impl Str {
    #[inline(never)]
    fn free(&mut self) {
        let Ok(layout) = layout(self.capacity()) else {
            return;
        };
        let info = AllocInfo::here();
        registry::with_allocator(Subsystem::Objects, |a| {
            // SAFETY: the count reached zero: no reference remains; the block came from the
            // Objects allocator with this layout.
            let _ = unsafe { a.free_with(self.ptr.cast(), layout, &info) };
        });
    }
}

impl Deref for Str {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_copy_on_write() {
        let mut a = Str::new("hello").unwrap();
        let b = a.clone();
        a.push_str(", world").unwrap();
        assert_eq!(&*a, "hello, world");
        assert_eq!(&*b, "hello", "the shared value is untouched");
        assert!(!Str::ptr_eq(&a, &b));
        assert_eq!(a.capacity(), 12, "a copy is exactly the size");
        a.push_str("!").unwrap();
        assert!(a.capacity() >= 24, "a unique block doubles");
        let addr = Str::addr(&a);
        a.push_str("?").unwrap();
        assert_eq!(&*a, "hello, world!?");
        assert_eq!(Str::addr(&a), addr, "room was left: appended in place");
    }

    #[test]
    fn growth_doubles_and_keeps_the_text() {
        let mut s = Str::new("").unwrap();
        let mut expect = String::new();
        for i in 0..2000 {
            let piece = format!("{i}é,");
            s.push_str(&piece).unwrap();
            expect.push_str(&piece);
        }
        assert_eq!(&*s, expect);
        assert!(s.capacity() < 2 * expect.len() + 16);
    }

    #[test]
    fn one_block_of_header_plus_bytes_in_objects() {
        if !cfg!(feature = "custom-allocators") {
            return;
        }
        let before = registry::stats(Subsystem::Objects).current;
        let s = Str::new("0123456789abcdef0123456789abcdef0123").unwrap();
        assert_eq!(s.block_size(), 16 + 36);
        assert_eq!(registry::stats(Subsystem::Objects).current, before + 52);
        drop(s);
        assert_eq!(registry::stats(Subsystem::Objects).current, before);
    }

    #[test]
    fn a_budget_refuses_growth_as_a_value() {
        if !cfg!(feature = "custom-allocators") {
            return;
        }
        let mut s = Str::new("x").unwrap();
        let used = registry::stats(Subsystem::Objects).current;
        registry::set_limit(Subsystem::Objects, Some(used + 1000));
        let mut refused = None;
        for _ in 0..20 {
            let copy = s.as_str().to_string();
            if let Err(e) = s.push_str(&copy) {
                refused = Some(e);
                break;
            }
        }
        registry::set_limit(Subsystem::Objects, None);
        assert!(matches!(refused, Some(AllocError::BudgetExceeded { .. })));
        assert!(s.len() < 1000, "the string kept its last good value");
    }
}
