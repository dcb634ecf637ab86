//! [`ObjectsAlloc`] and [`VmCoreAlloc`]: the allocators of the interpreter's collection
//! storage and of its own stack and frames. Array, tuple and
//! enum-payload buffers, dictionary and set tables are `allocator_api2` collections whose
//! blocks come from the Objects subsystem's registered allocator (size-class pool, or the trace
//! around it under `--mem-debug`), so its statistics, tags, budget and leak records see every
//! byte of them. Requests are soft on the budget ([`soft_budget`](super::soft_budget)): a
//! growing collection cannot take a refusal, the interpreter traps at its next check.

use std::alloc::Layout;
use std::ptr::NonNull;

use allocator_api2::alloc::{AllocError as Api2Error, Allocator as Api2Allocator};

use super::api2::{allocate, deallocate, resize};
use super::soft_budget::Soft;
use super::{registry, AllocInfo, Subsystem};

/// A zero-size `allocator_api2` handle to one subsystem's registered allocator on this
/// thread (resolved per request, so collections stay one pointer smaller than with a
/// [`Handle`](super::Handle)); requests are soft on the budget.
macro_rules! subsystem_alloc {
    ($(#[$doc:meta])* $name:ident => $subsystem:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;

        // SAFETY: every block comes from the thread's allocator of one subsystem, which hands
        // out distinct, live, aligned blocks until freed and keeps contents across resizes;
        // the registry refuses to replace that allocator while it has live blocks
        // (`registry::configure`), so a block is always freed and resized by the allocator
        // that made it. Zero-size blocks are dangling and never passed on (the `api2`
        // helpers).
        unsafe impl Api2Allocator for $name {
            fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let info = AllocInfo::here();
                let _soft = Soft::enter();
                registry::with_allocator($subsystem, |a| allocate(a, layout, &info, false))
            }

            fn allocate_zeroed(&self, layout: Layout) -> Result<NonNull<[u8]>, Api2Error> {
                let info = AllocInfo::here();
                let _soft = Soft::enter();
                registry::with_allocator($subsystem, |a| allocate(a, layout, &info, true))
            }

            unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
                let info = AllocInfo::here();
                // SAFETY: the allocator-api2 contract, and the same allocator (see above).
                registry::with_allocator($subsystem, |a| unsafe {
                    deallocate(a, ptr, layout, &info)
                });
            }

            unsafe fn grow(
                &self,
                ptr: NonNull<u8>,
                old: Layout,
                new: Layout,
            ) -> Result<NonNull<[u8]>, Api2Error> {
                let info = AllocInfo::here();
                let _soft = Soft::enter();
                // SAFETY: the allocator-api2 contract, and the same allocator (see above).
                registry::with_allocator($subsystem, |a| unsafe {
                    resize(a, ptr, old, new, &info)
                })
            }

            unsafe fn shrink(
                &self,
                ptr: NonNull<u8>,
                old: Layout,
                new: Layout,
            ) -> Result<NonNull<[u8]>, Api2Error> {
                let info = AllocInfo::here();
                // SAFETY: the allocator-api2 contract, and the same allocator (see above).
                registry::with_allocator($subsystem, |a| unsafe {
                    resize(a, ptr, old, new, &info)
                })
            }
        }
    };
}

subsystem_alloc! {
    /// Objects' allocator: the storage of arrays, tuples, enum payloads, dictionaries, sets
    /// and closures' capture lists.
    ObjectsAlloc => Subsystem::Objects
}

subsystem_alloc! {
    /// VM Core's allocator: the interpreter's value stack, call frames and globals.
    VmCoreAlloc => Subsystem::Vm
}

#[cfg(test)]
mod tests {
    use super::super::soft_budget;
    use super::*;

    #[test]
    fn storage_is_counted_in_objects() {
        let before = registry::stats(Subsystem::Objects);
        let mut v = allocator_api2::vec::Vec::<u64, _>::new_in(ObjectsAlloc);
        v.extend(0..1000u64);
        if cfg!(feature = "custom-allocators") {
            let now = registry::stats(Subsystem::Objects);
            assert!(now.current >= before.current + 8000);
            assert!(now.total_allocated >= before.total_allocated + 8000);
        }
        drop(v);
        if cfg!(feature = "custom-allocators") {
            assert_eq!(registry::stats(Subsystem::Objects).current, before.current);
        }
    }

    #[test]
    fn growth_past_the_budget_is_granted_and_pending() {
        if !cfg!(feature = "custom-allocators") {
            return;
        }
        registry::set_limit(Subsystem::Objects, Some(64 * 1024));
        let mut v = allocator_api2::vec::Vec::<u64, _>::new_in(ObjectsAlloc);
        v.extend(0..20_000u64);
        registry::set_limit(Subsystem::Objects, None);
        assert_eq!(v.len(), 20_000, "the collection grew regardless");
        assert!(soft_budget::pending());
        assert!(matches!(
            soft_budget::take(),
            Some(crate::alloc::AllocError::BudgetExceeded { .. })
        ));
    }
}
