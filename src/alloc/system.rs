//! `SystemAllocator`: straight to the global allocator, no bookkeeping. What every subsystem
//! that frees individually uses when the crate is built without `custom-allocators` (the
//! seed's `-DUSE_CUSTOM_ALLOCATORS=OFF`).

use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::allocator::{check_request, resized};
use super::{Accounting, AllocError, AllocInfo, Allocator, AllocatorKind};

/// The global allocator as an [`Allocator`], keeping no statistics.
pub struct SystemAllocator {
    /// Always zero: present only because the trait hands out an `Accounting`.
    accounting: Accounting,
    _not_send: PhantomData<*const ()>,
}

impl Default for SystemAllocator {
    fn default() -> Self {
        SystemAllocator {
            accounting: Accounting::new(),
            _not_send: PhantomData,
        }
    }
}

impl Allocator for SystemAllocator {
    fn kind(&self) -> AllocatorKind {
        AllocatorKind::System
    }

    fn accounting(&self) -> &Accounting {
        &self.accounting
    }

    fn allocate_with(&self, layout: Layout, _info: &AllocInfo) -> Result<NonNull<u8>, AllocError> {
        check_request(layout)?;
        // SAFETY: non-zero size (checked above).
        NonNull::new(unsafe { std::alloc::alloc(layout) }).ok_or(AllocError::OutOfMemory {
            size: layout.size(),
        })
    }

    fn allocate_zeroed_with(
        &self,
        layout: Layout,
        _info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        check_request(layout)?;
        // SAFETY: non-zero size (checked above).
        NonNull::new(unsafe { std::alloc::alloc_zeroed(layout) }).ok_or(AllocError::OutOfMemory {
            size: layout.size(),
        })
    }

    unsafe fn reallocate_with(
        &self,
        ptr: NonNull<u8>,
        old: Layout,
        new_size: usize,
        _info: &AllocInfo,
    ) -> Result<NonNull<u8>, AllocError> {
        resized(old, new_size)?;
        // SAFETY: the caller guarantees `ptr` came from the global allocator with `old`; the
        // new size is non-zero and valid for the alignment (checked above).
        NonNull::new(unsafe { std::alloc::realloc(ptr.as_ptr(), old, new_size) })
            .ok_or(AllocError::OutOfMemory { size: new_size })
    }

    unsafe fn free_with(
        &self,
        ptr: NonNull<u8>,
        layout: Layout,
        _info: &AllocInfo,
    ) -> Result<(), AllocError> {
        // SAFETY: the caller guarantees `ptr` came from the global allocator with `layout`.
        unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
        Ok(())
    }
}
