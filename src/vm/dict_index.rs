//! The hash index of a dictionary or set: open addressing with linear probing over one
//! buffer of 8-byte slots in the Objects subsystem (so statistics, budgets, tags and the leak
//! report see it, and the report knows its address). A slot holds an entry's position and
//! its key's hash (the high 32 bits): probing compares hashes and reads an entry only on a
//! match, and growing rehashes without reading entries. Removal shifts the following slots
//! back (no tombstones), as linear probing allows.

use allocator_api2::vec::Vec;

use crate::alloc::ObjectsAlloc;

/// A slot: `hash << 32 | (entry + 1)`; zero is empty.
type Slot = u64;

const EMPTY: Slot = 0;
const MIN_SLOTS: usize = 8;

fn entry_of(slot: Slot) -> usize {
    ((slot & 0xFFFF_FFFF) as usize).wrapping_sub(1)
}

fn hash_of(slot: Slot) -> u32 {
    (slot >> 32) as u32
}

/// Where a key is, or where it would go.
pub(super) enum Probe {
    /// The key's entry position.
    Found(usize),
    /// The empty slot a new key with this hash takes.
    Vacant(usize),
}

/// The index: positions of entries by their keys' hashes.
#[derive(Clone, Debug)]
pub(super) struct DictIndex {
    slots: Vec<Slot, ObjectsAlloc>,
    used: usize,
}

impl Default for DictIndex {
    fn default() -> DictIndex {
        DictIndex {
            slots: Vec::new_in(ObjectsAlloc),
            used: 0,
        }
    }
}

impl DictIndex {
    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    /// Finds the entry whose key has hash `h` and satisfies `is_key` (given an entry
    /// position), or the slot a new one would take. Call [`Self::reserve_one`] first when the
    /// vacant slot will be filled.
    pub(super) fn probe(&self, h: u32, mut is_key: impl FnMut(usize) -> bool) -> Probe {
        let mask = self.mask();
        if self.slots.is_empty() {
            return Probe::Vacant(0);
        }
        let mut pos = h as usize & mask;
        loop {
            let slot = self.slots.get(pos).copied().unwrap_or(EMPTY);
            if slot == EMPTY {
                return Probe::Vacant(pos);
            }
            if hash_of(slot) == h && is_key(entry_of(slot)) {
                return Probe::Found(entry_of(slot));
            }
            pos = (pos + 1) & mask;
        }
    }

    /// The slot position holding entry `entry` (hash `h`).
    fn position_of(&self, h: u32, entry: usize) -> Option<usize> {
        let mask = self.mask();
        if self.slots.is_empty() {
            return None;
        }
        let mut pos = h as usize & mask;
        loop {
            let slot = *self.slots.get(pos)?;
            if slot == EMPTY {
                return None;
            }
            if entry_of(slot) == entry {
                return Some(pos);
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Makes room for one more key (the load stays at most 3/4), rehashing into a table
    /// twice the size when needed. Vacant positions from earlier probes are stale after it.
    pub(super) fn reserve_one(&mut self) {
        if (self.used + 1) * 4 <= self.slots.len() * 3 {
            return;
        }
        let size = (self.slots.len() * 2).max(MIN_SLOTS);
        let mut slots = Vec::with_capacity_in(size, ObjectsAlloc);
        slots.resize(size, EMPTY);
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&s| s != EMPTY) {
            let mut pos = hash_of(slot) as usize & mask;
            while self.slots.get(pos).is_some_and(|&s| s != EMPTY) {
                pos = (pos + 1) & mask;
            }
            if let Some(s) = self.slots.get_mut(pos) {
                *s = slot;
            }
        }
    }

    /// Fills the vacant slot `pos` (from [`Self::probe`] after [`Self::reserve_one`]).
    pub(super) fn fill(&mut self, pos: usize, h: u32, entry: usize) {
        // Four billion entries would need 160 GiB of them.
        let entry = u32::try_from(entry + 1).unwrap_or(u32::MAX);
        if let Some(s) = self.slots.get_mut(pos) {
            *s = (u64::from(h) << 32) | u64::from(entry);
            self.used += 1;
        }
    }

    /// Removes entry `entry` (hash `h`), shifting the slots after it back where their
    /// probe sequences allow.
    pub(super) fn remove(&mut self, h: u32, entry: usize) {
        let Some(mut hole) = self.position_of(h, entry) else {
            return;
        };
        let mask = self.mask();
        let mut pos = hole;
        loop {
            pos = (pos + 1) & mask;
            let slot = self.slots.get(pos).copied().unwrap_or(EMPTY);
            if slot == EMPTY {
                break;
            }
            let home = hash_of(slot) as usize & mask;
            // The slot may move to the hole if its home is not cyclically in (hole, pos].
            let stays = if hole <= pos {
                hole < home && home <= pos
            } else {
                hole < home || home <= pos
            };
            if !stays {
                self.slots.swap(hole, pos);
                hole = pos;
            }
        }
        if let Some(s) = self.slots.get_mut(hole) {
            *s = EMPTY;
        }
        self.used -= 1;
    }

    /// Removes every slot (keeping the buffer).
    pub(super) fn clear(&mut self) {
        self.slots.iter_mut().for_each(|s| *s = EMPTY);
        self.used = 0;
    }

    /// The buffer's address and size in bytes, if it has one (for the leak report).
    pub(super) fn buffer(&self) -> Option<(usize, usize)> {
        (self.slots.capacity() > 0).then(|| {
            (
                self.slots.as_ptr() as usize,
                self.slots.capacity() * std::mem::size_of::<Slot>(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model: keys are entry positions, hashes deliberately colliding.
    fn hash(k: usize) -> u32 {
        (k % 7) as u32 * 0x1000_0001
    }

    #[test]
    fn inserts_finds_and_removes_with_collisions() {
        let mut ix = DictIndex::default();
        for k in 0..500 {
            ix.reserve_one();
            match ix.probe(hash(k), |e| e == k) {
                Probe::Vacant(pos) => ix.fill(pos, hash(k), k),
                Probe::Found(_) => panic!("{k} found before insertion"),
            }
        }
        for k in (0..500).step_by(3) {
            ix.remove(hash(k), k);
        }
        for k in 0..500 {
            let found = matches!(ix.probe(hash(k), |e| e == k), Probe::Found(e) if e == k);
            assert_eq!(found, k % 3 != 0, "key {k}");
        }
        ix.clear();
        assert!(matches!(ix.probe(hash(1), |e| e == 1), Probe::Vacant(_)));
    }
}
