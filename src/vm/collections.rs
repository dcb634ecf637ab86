//! Dictionaries and sets: hash tables that keep insertion order (SwiftLang's documented
//! iteration order), keyed by Swift equality ([`equal`]) and hashing ([`hash_value`]).

use std::hash::{BuildHasher, Hasher};

use hashbrown::HashTable;

use super::value::{equal, hash_value, Value};

/// A fixed-seed hasher: deterministic across runs (scripts' output must be), and fast on
/// the Int keys most dictionaries have (foldhash, what hashbrown itself uses).
fn hasher() -> foldhash::fast::FoldHasher {
    foldhash::fast::FixedState::with_seed(0x5EED_5EED_5EED_5EED).build_hasher()
}

/// The hash the index uses: the key hash's high 32 bits, twice (an index slot keeps them,
/// and growing the table rebuilds the hash from them without reading the entries).
fn hash_of(v: &Value) -> u64 {
    let mut h = hasher();
    hash_value(v, &mut h);
    let high = h.finish() >> 32;
    (high << 32) | high
}

/// An index slot: an entry's position and its key's hash (8 bytes, so that the index of a
/// large dictionary stays small: lookups are cache misses).
#[derive(Clone, Copy, Debug)]
struct Slot(u64);

impl Slot {
    fn new(entry: usize, hash: u64) -> Slot {
        // Four billion entries would need 160 GiB of them.
        let entry = u32::try_from(entry).unwrap_or(u32::MAX);
        Slot((hash & !0xFFFF_FFFF) | u64::from(entry))
    }

    fn entry(self) -> usize {
        (self.0 & 0xFFFF_FFFF) as usize
    }

    /// The index hash (see [`hash_of`]).
    fn hash(self) -> u64 {
        let high = self.0 >> 32;
        (high << 32) | high
    }
}

/// Whether an index slot is `key`'s (hash `h`): the stored hash first, the key only then.
fn holds_key<'e>(
    entries: &'e [Option<(Value, Value)>],
    key: &'e Value,
    h: u64,
) -> impl Fn(&Slot) -> bool + 'e {
    move |slot| {
        slot.hash() == h
            && entries
                .get(slot.entry())
                .and_then(|e| e.as_ref())
                .is_some_and(|(k, _)| equal(k, key))
    }
}

/// An insertion-ordered dictionary.
#[derive(Clone, Debug, Default)]
pub struct DictObj {
    /// Entries in insertion order; removed entries leave `None` until compaction.
    entries: Vec<Option<(Value, Value)>>,
    /// Positions in `entries` with their keys' hashes.
    index: HashTable<Slot>,
    /// Live entries.
    len: usize,
}

impl DictObj {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, key: &Value) -> Option<usize> {
        self.find_hashed(key, hash_of(key))
    }

    fn find_hashed(&self, key: &Value, h: u64) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(h, holds_key(entries, key, h))
            .map(|&slot| slot.entry())
    }

    /// The value for `key`.
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.find(key)
            .and_then(|i| self.entries.get(i))
            .and_then(|e| e.as_ref())
            .map(|(_, v)| v)
    }

    /// Moves the value for `key` out, leaving `()` in its place (the entry keeps its
    /// position; `insert` puts the new value back there).
    pub fn take(&mut self, key: &Value) -> Option<Value> {
        let i = self.find(key)?;
        match self.entries.get_mut(i) {
            Some(Some((_, v))) => Some(std::mem::take(v)),
            _ => None,
        }
    }

    /// Inserts or replaces; returns the old value. One probe of the index either way.
    pub fn insert(&mut self, key: Value, value: Value) -> Option<Value> {
        let h = hash_of(&key);
        let entries = &mut self.entries;
        let found = self
            .index
            .entry(h, holds_key(entries, &key, h), |&slot| slot.hash());
        match found {
            hashbrown::hash_table::Entry::Occupied(o) => {
                let i = o.get().entry();
                match entries.get_mut(i) {
                    Some(Some((_, v))) => Some(std::mem::replace(v, value)),
                    _ => None,
                }
            }
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(Slot::new(entries.len(), h));
                entries.push(Some((key, value)));
                self.len += 1;
                None
            }
        }
    }

    /// Removes `key`; returns its value.
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let h = hash_of(key);
        let entries = &self.entries;
        let found = self.index.find_entry(h, holds_key(entries, key, h));
        let Ok(entry) = found else {
            return None;
        };
        let i = entry.remove().0.entry();
        let old = self
            .entries
            .get_mut(i)
            .and_then(Option::take)
            .map(|(_, v)| v);
        self.len -= 1;
        if self.entries.len() > 32 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        old
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.len = 0;
        for (k, v) in old.into_iter().flatten() {
            self.insert(k, v);
        }
    }

    /// The first live entry at entry index `pos` or later, with its index.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, &Value, &Value)> {
        let rest = self.entries.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(i, e)| e.as_ref().map(|(k, v)| (pos + i, k, v)))
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }
}

/// An insertion-ordered set.
#[derive(Clone, Debug, Default)]
pub struct SetObj {
    dict: DictObj,
}

impl SetObj {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.dict.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.dict.is_empty()
    }

    /// Whether `v` is an element.
    pub fn contains(&self, v: &Value) -> bool {
        self.dict.find(v).is_some()
    }

    /// Adds `v`; false if it was there.
    pub fn insert(&mut self, v: Value) -> bool {
        if self.contains(&v) {
            return false;
        }
        self.dict.insert(v, Value::Void);
        true
    }

    /// Removes `v`; returns it if it was there.
    pub fn remove(&mut self, v: &Value) -> Option<Value> {
        let i = self.dict.find(v)?;
        let k = self
            .dict
            .entries
            .get(i)
            .and_then(|e| e.as_ref())
            .map(|(k, _)| k.clone());
        self.dict.remove(v);
        k
    }

    /// Elements in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.dict.iter().map(|(k, _)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_keeps_insertion_order() {
        let mut d = DictObj::default();
        for i in 0..100 {
            d.insert(Value::Int(i), Value::Int(i * i));
        }
        for i in 0..60 {
            d.remove(&Value::Int(i));
        }
        assert_eq!(d.len(), 40);
        let keys: Vec<i64> = d
            .iter()
            .map(|(k, _)| if let Value::Int(i) = k { *i } else { -1 })
            .collect();
        assert_eq!(keys, (60..100).collect::<Vec<_>>());
        assert!(matches!(d.get(&Value::Int(70)), Some(Value::Int(4900))));
        assert!(d.get(&Value::Int(1)).is_none());
    }

    #[test]
    fn set_basics() {
        let mut s = SetObj::default();
        assert!(s.insert(Value::Int(1)));
        assert!(!s.insert(Value::Int(1)));
        assert!(s.contains(&Value::Int(1)));
        assert!(s.remove(&Value::Int(1)).is_some());
        assert!(s.is_empty());
    }
}
