//! `AllocError`: every way an allocation can be refused, as a value.

use std::fmt;

use super::Subsystem;

/// Why an allocator refused a request. Allocators never panic or abort; they return this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// A zero-size request (the seed's allocators hand out no empty blocks).
    ZeroSize,
    /// The size and alignment do not form a valid layout, or the size is beyond `isize::MAX`.
    TooLarge {
        /// Requested bytes.
        size: usize,
    },
    /// The alignment is not a power of two, or is beyond what this allocator provides.
    BadAlignment {
        /// Requested alignment.
        align: usize,
    },
    /// The system allocator returned null.
    OutOfMemory {
        /// Requested bytes.
        size: usize,
    },
    /// A freelist was asked for a block of another size.
    WrongSize {
        /// The freelist's block size.
        block_size: usize,
        /// What was asked for.
        requested: usize,
    },
    /// A subsystem budget (`--mem-limit`) would be exceeded.
    BudgetExceeded {
        /// Whose budget.
        subsystem: Option<Subsystem>,
        /// The budget in bytes.
        limit: u64,
        /// Bytes in use before the request.
        current: u64,
        /// Bytes requested.
        requested: u64,
    },
    /// The allocator does not support this operation (reset on a platform allocator).
    Unsupported {
        /// What was attempted.
        operation: &'static str,
        /// Which allocator kind refused it.
        allocator: &'static str,
    },
    /// A block freed twice (detected in debug builds, and always by the trace allocator).
    DoubleFree {
        /// The block's address.
        address: usize,
    },
    /// A pointer this allocator did not hand out (or not live), or freed with another size.
    InvalidFree {
        /// The block's address.
        address: usize,
        /// Why the free was refused.
        reason: &'static str,
    },
    /// Memory written past the end of a block, found by the debug canary.
    CanaryCorrupted {
        /// The block's address.
        address: usize,
    },
    /// A reset was refused because handles to the allocator are still alive.
    InUse {
        /// Whose allocator.
        subsystem: Subsystem,
    },
}

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AllocError::ZeroSize => write!(f, "zero-size allocation request"),
            AllocError::TooLarge { size } => write!(f, "allocation of {size} bytes is too large"),
            AllocError::BadAlignment { align } => write!(f, "unsupported alignment {align}"),
            AllocError::OutOfMemory { size } => {
                write!(f, "out of memory allocating {size} bytes")
            }
            AllocError::WrongSize {
                block_size,
                requested,
            } => write!(
                f,
                "freelist of {block_size}-byte blocks cannot serve a {requested}-byte request"
            ),
            AllocError::BudgetExceeded {
                subsystem,
                limit,
                current,
                requested,
            } => {
                let name = subsystem.map_or("allocator", Subsystem::name);
                write!(
                    f,
                    "memory limit exceeded in {name} (limit {}, in use {}, requested {})",
                    format_bytes(*limit),
                    format_bytes(*current),
                    format_bytes(*requested)
                )
            }
            AllocError::Unsupported {
                operation,
                allocator,
            } => {
                write!(f, "{allocator} allocator does not support {operation}")
            }
            AllocError::DoubleFree { address } => write!(f, "double free of block {address:#x}"),
            AllocError::InvalidFree { address, reason } => {
                write!(f, "invalid free of {address:#x}: {reason}")
            }
            AllocError::CanaryCorrupted { address } => {
                write!(
                    f,
                    "heap corruption: canary after block {address:#x} overwritten"
                )
            }
            AllocError::InUse { subsystem } => {
                write!(f, "cannot reset {subsystem}: its allocator is still in use")
            }
        }
    }
}

impl std::error::Error for AllocError {}

/// Formats a byte count with the largest binary unit that divides it evenly
/// (`64 MiB`, `1536 KiB`, `100 bytes`), as budgets are written on the command line.
pub fn format_bytes(n: u64) -> String {
    ByteSize(n).to_string()
}

/// [`format_bytes`] without allocating, for the report (which must not allocate after it has
/// read the heap counters).
pub(crate) struct ByteSize(pub u64);

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
        let n = self.0;
        for (unit, name) in UNITS {
            if n >= unit && n % unit == 0 {
                return write!(f, "{} {name}", n / unit);
            }
        }
        write!(f, "{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_message_names_subsystem_and_limit() {
        let e = AllocError::BudgetExceeded {
            subsystem: Some(Subsystem::Objects),
            limit: 64 << 20,
            current: 100,
            requested: 4096,
        };
        assert_eq!(
            e.to_string(),
            "memory limit exceeded in Objects (limit 64 MiB, in use 100 bytes, requested 4 KiB)"
        );
    }

    #[test]
    fn byte_formatting() {
        assert_eq!(format_bytes(0), "0 bytes");
        assert_eq!(format_bytes(1536), "1536 bytes");
        assert_eq!(format_bytes(2048), "2 KiB");
        assert_eq!(format_bytes(3 << 30), "3 GiB");
    }
}
