//! Budgets for callers that cannot take a refusal on the spot.
//!
//! A collection's buffer grows inside `Vec::push` or a hash table's insert, where an
//! `allocator_api2` allocator's error ends the process (`handle_alloc_error`). Such callers
//! allocate inside [`Soft`]: a request over its subsystem's budget is then *granted*, and the
//! refusal is kept as pending. The interpreter looks at [`pending`] at every call and loop
//! iteration (one relaxed load) and turns [`take`]'s refusal into the usual budget trap, so a
//! runaway `append` stops one growth past the budget, with the statistics intact.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

use super::AllocError;

thread_local! {
    /// Whether requests on this thread are soft now.
    static SOFT: Cell<bool> = const { Cell::new(false) };
    /// The first refusal not yet taken.
    static REFUSAL: RefCell<Option<AllocError>> = const { RefCell::new(None) };
}

/// Set while some thread holds a refusal not yet taken: the interpreter's fast check.
static PENDING: AtomicBool = AtomicBool::new(false);

/// While alive, over-budget requests on this thread are granted and their refusal kept.
pub struct Soft {
    was: bool,
}

impl Soft {
    /// Makes this thread's requests soft until the guard drops.
    #[inline]
    pub fn enter() -> Soft {
        Soft {
            was: SOFT.with(|s| s.replace(true)),
        }
    }
}

impl Drop for Soft {
    #[inline]
    fn drop(&mut self) {
        SOFT.with(|s| s.set(self.was));
    }
}

/// Whether requests on this thread are soft (read only on the over-budget path).
pub(crate) fn active() -> bool {
    SOFT.with(Cell::get)
}

/// Keeps `refusal` until [`take`] (the first one, when several come before a check).
pub(crate) fn note(refusal: AllocError) {
    REFUSAL.with(|r| {
        let mut r = r.borrow_mut();
        if r.is_none() {
            *r = Some(refusal);
        }
    });
    PENDING.store(true, Relaxed);
}

/// Whether a refusal waits (on any thread: the caller then [`take`]s its own, if any).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Relaxed)
}

/// This thread's pending refusal, cleared.
pub fn take() -> Option<AllocError> {
    let refusal = REFUSAL.with(|r| r.borrow_mut().take());
    PENDING.store(false, Relaxed);
    refusal
}

#[cfg(test)]
mod tests {
    use super::super::Accounting;
    use super::*;

    #[test]
    fn a_soft_request_over_budget_is_granted_and_its_refusal_kept() {
        let a = Accounting::new();
        a.set_limit(Some(100));
        assert!(a.check_budget(101).is_err(), "hard by default");
        {
            let _soft = Soft::enter();
            assert!(a.check_budget(101).is_ok());
            assert!(a.check_budget(102).is_ok());
        }
        assert!(pending());
        match take() {
            Some(AllocError::BudgetExceeded { requested, .. }) => assert_eq!(requested, 101),
            other => panic!("expected the first refusal, got {other:?}"),
        }
        assert!(!pending());
        assert!(take().is_none());
        assert!(a.check_budget(101).is_err(), "hard again after the guard");
    }
}
