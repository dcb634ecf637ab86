//! Debug-build checks shared by the allocators, as Lua's test allocator does: freed and reset
//! memory is poisoned so a use after free reads garbage that tests notice, and a canary after
//! each platform block catches writes past the end. Release builds compile all of it away.

/// Byte written over freed blocks.
pub const FREED_POISON: u8 = 0xDD;

/// Byte written over fresh blocks that are not zeroed, so reads of uninitialised memory show.
pub const FRESH_POISON: u8 = 0xCD;

/// The canary value after each platform block in debug builds.
pub const CANARY: u64 = 0x5afe_c0de_dead_beef;

/// Bytes of canary appended to each platform block in debug builds (0 in release builds).
pub const CANARY_BYTES: usize = if cfg!(debug_assertions) { 8 } else { 0 };

/// Fills `len` bytes at `ptr` with `byte` in debug builds.
///
/// # Safety
/// `ptr` points to `len` writable bytes.
#[inline]
pub unsafe fn poison(ptr: *mut u8, len: usize, byte: u8) {
    if cfg!(debug_assertions) {
        // SAFETY: the caller guarantees `len` writable bytes at `ptr`.
        unsafe { ptr.write_bytes(byte, len) };
    }
}

/// Writes the canary at `ptr + offset` (unaligned) in debug builds.
///
/// # Safety
/// `ptr + offset .. ptr + offset + CANARY_BYTES` is writable.
#[inline]
pub unsafe fn write_canary(ptr: *mut u8, offset: usize) {
    if cfg!(debug_assertions) {
        // SAFETY: the caller guarantees the canary's bytes are writable.
        unsafe { ptr.add(offset).cast::<u64>().write_unaligned(CANARY) };
    }
}

/// Whether the canary at `ptr + offset` is intact (always true in release builds).
///
/// # Safety
/// `ptr + offset .. ptr + offset + CANARY_BYTES` is readable.
#[inline]
pub unsafe fn canary_intact(ptr: *const u8, offset: usize) -> bool {
    if cfg!(debug_assertions) {
        // SAFETY: the caller guarantees the canary's bytes are readable.
        unsafe { ptr.add(offset).cast::<u64>().read_unaligned() == CANARY }
    } else {
        true
    }
}
