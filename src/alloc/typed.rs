//! Typed allocation through any allocator (`&dyn Allocator`, e.g. a registry [`Handle`]):
//! what the compile phases use to build their data in their subsystem's arena.
//!
//! The references returned borrow the allocator: for an arena, memory is reclaimed only by
//! `reset`, which the registry refuses while a handle (and so any such reference) is alive.
//! For an allocator that frees individually the block is simply never freed (a leak, never
//! a dangling reference). Types that need `Drop` are refused at compile time.
//!
//! [`Handle`]: super::Handle

use std::alloc::Layout;
use std::ptr::NonNull;

use super::{AllocError, AllocInfo, Allocator};

impl<'x> dyn Allocator + 'x {
    fn typed_block(&self, layout: Layout, info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        if layout.size() == 0 {
            // An aligned non-null dangling pointer is valid for zero-size values.
            return NonNull::new(layout.align() as *mut u8)
                .ok_or(AllocError::BadAlignment { align: 0 });
        }
        self.allocate_with(layout, info)
    }

    /// Moves `value` into a new block and returns a reference living as long as the borrow.
    #[track_caller]
    #[allow(clippy::mut_from_ref)] // each call returns a fresh block: no aliasing
    pub fn alloc_value<T>(&self, value: T) -> Result<&mut T, AllocError> {
        const {
            assert!(
                !std::mem::needs_drop::<T>(),
                "typed allocations must not need Drop"
            )
        };
        let ptr = self
            .typed_block(Layout::new::<T>(), &AllocInfo::here())?
            .cast::<T>();
        // SAFETY: `ptr` is a fresh block sized and aligned for one `T` (or dangling for a
        // zero-size `T`); nothing else refers to it, and it is never freed while the allocator
        // is borrowed (see the module docs).
        unsafe {
            ptr.as_ptr().write(value);
            Ok(&mut *ptr.as_ptr())
        }
    }

    /// Copies a slice into a new block.
    #[track_caller]
    #[allow(clippy::mut_from_ref)] // each call returns a fresh block: no aliasing
    pub fn alloc_slice<T: Copy>(&self, src: &[T]) -> Result<&mut [T], AllocError> {
        let layout =
            Layout::array::<T>(src.len()).map_err(|_| AllocError::TooLarge { size: usize::MAX })?;
        let ptr = self.typed_block(layout, &AllocInfo::here())?.cast::<T>();
        // SAFETY: the block holds `src.len()` aligned `T`s and does not overlap `src`.
        unsafe {
            ptr.as_ptr()
                .copy_from_nonoverlapping(src.as_ptr(), src.len());
            Ok(std::slice::from_raw_parts_mut(ptr.as_ptr(), src.len()))
        }
    }

    /// Copies a string into a new block.
    #[track_caller]
    pub fn alloc_text(&self, s: &str) -> Result<&str, AllocError> {
        let bytes = self.alloc_slice(s.as_bytes())?;
        // SAFETY: the bytes are a copy of a valid `str`.
        Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{allocators_get, registry, Subsystem};

    #[test]
    fn typed_values_in_a_subsystem_arena() {
        let ast = allocators_get(Subsystem::Ast);
        let x = ast.alloc_value(7u32).unwrap();
        let s = ast.alloc_text("name").unwrap();
        let v = ast.alloc_slice(&[1u8, 2, 3]).unwrap();
        assert_eq!((*x, s, &*v), (7, "name", &[1u8, 2, 3][..]));
        drop(ast);
        assert!(registry::reset(Subsystem::Ast).is_ok());
    }
}
