//! Dictionaries and sets: hash tables that keep insertion order (SwiftLang's documented
//! iteration order), keyed by Swift equality ([`equal`]) and hashing ([`hash_value`]).

use std::hash::{BuildHasher, Hasher};

use allocator_api2::vec::Vec;

use super::dict_index::{DictIndex, Probe};
use crate::alloc::ObjectsAlloc;

use super::value::{equal, hash_value, Value};

/// A fixed-seed hasher: deterministic across runs (scripts' output must be), and fast on
/// the Int keys most dictionaries have (foldhash, what hashbrown itself uses).
fn hasher() -> foldhash::fast::FoldHasher {
    foldhash::fast::FixedState::with_seed(0x5EED_5EED_5EED_5EED).build_hasher()
}

/// The hash the index keeps: the key hash's high 32 bits.
fn hash_of(v: &Value) -> u32 {
    let mut h = hasher();
    hash_value(v, &mut h);
    (h.finish() >> 32) as u32
}

/// Entries in insertion order; removed entries leave `None` until compaction.
type Entries = Vec<Option<(Value, Value)>, ObjectsAlloc>;

/// An insertion-ordered dictionary: entries in order, and an index of their positions by
/// hash, both buffers in the Objects subsystem.
#[derive(Clone, Debug)]
pub struct DictObj {
    entries: Entries,
    index: DictIndex,
    /// Live entries.
    len: usize,
}

impl Default for DictObj {
    fn default() -> DictObj {
        DictObj {
            entries: Vec::new_in(ObjectsAlloc),
            index: DictIndex::default(),
            len: 0,
        }
    }
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
        match self.probe(key, hash_of(key)) {
            Probe::Found(i) => Some(i),
            Probe::Vacant(_) => None,
        }
    }

    fn probe(&self, key: &Value, h: u32) -> Probe {
        let entries = &self.entries;
        self.index.probe(h, |i| {
            entries
                .get(i)
                .and_then(|e| e.as_ref())
                .is_some_and(|(k, _)| equal(k, key))
        })
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
        self.index.reserve_one();
        match self.probe(&key, h) {
            Probe::Found(i) => match self.entries.get_mut(i) {
                Some(Some((_, v))) => Some(std::mem::replace(v, value)),
                _ => None,
            },
            Probe::Vacant(pos) => {
                self.index.fill(pos, h, self.entries.len());
                self.entries.push(Some((key, value)));
                self.len += 1;
                None
            }
        }
    }

    /// Removes `key`; returns its value.
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let h = hash_of(key);
        let Probe::Found(i) = self.probe(key, h) else {
            return None;
        };
        self.index.remove(h, i);
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
        let old = std::mem::replace(&mut self.entries, Vec::new_in(ObjectsAlloc));
        self.index = DictIndex::default();
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

    /// The storage buffers beyond the object itself (entries, index) as (address, bytes),
    /// for the leak report.
    pub fn buffers(&self) -> impl Iterator<Item = (usize, usize)> {
        let entries = (self.entries.capacity() > 0).then(|| {
            (
                self.entries.as_ptr() as usize,
                self.entries.capacity() * std::mem::size_of::<Option<(Value, Value)>>(),
            )
        });
        entries.into_iter().chain(self.index.buffer())
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

    /// The storage buffers beyond the object itself, as [`DictObj::buffers`].
    pub fn buffers(&self) -> impl Iterator<Item = (usize, usize)> {
        self.dict.buffers()
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
