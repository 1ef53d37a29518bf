//! LSH banding over MinHash signatures, in tables that store only document numbers.
//!
//! A signature of `bands × rows` bins is cut into bands; two documents are
//! candidates when any band agrees in all its rows, which happens with
//! probability `1 − (1 − J^rows)^bands` for Jaccard `J`. Each band is an
//! open-addressing table (linear probing) whose slots hold only the
//! document's number (4 bytes): the band's key is not stored, because the
//! caller compares the band's bins in the signatures it already keeps. That
//! is what keeps the index under 256 bytes per document.

use super::shingle::mix64;

const EMPTY: u32 = u32::MAX;
/// Grow when more than 3/4 of the slots are used; growth is by half again,
/// so the load stays between 1/2 and 3/4 (short probe runs, little slack).
const MAX_LOAD_NUM: usize = 3;
const MAX_LOAD_DEN: usize = 4;

/// One band's table: document numbers in open-addressing slots.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    slots: Vec<u32>,
    len: usize,
}

#[inline]
fn home(hash: u64, cap: usize) -> usize {
    (((hash >> 32) * cap as u64) >> 32) as usize
}

impl Table {
    /// Insert `doc` under `hash`; `rehash` gives the hash of any stored document (used when growing).
    pub(crate) fn insert(&mut self, hash: u64, doc: u32, rehash: impl Fn(u32) -> u64) {
        if (self.len + 1) * MAX_LOAD_DEN > self.slots.len() * MAX_LOAD_NUM {
            self.grow(&rehash);
        }
        Self::place(&mut self.slots, hash, doc);
        self.len += 1;
    }

    fn place(slots: &mut [u32], hash: u64, doc: u32) {
        let cap = slots.len();
        let mut i = home(hash, cap);
        // The load factor guarantees an empty slot, so this ends within `cap` steps.
        for _ in 0..cap {
            if let Some(s) = slots.get_mut(i) {
                if *s == EMPTY {
                    *s = doc;
                    return;
                }
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    fn grow(&mut self, rehash: &impl Fn(u32) -> u64) {
        let cap = (self.slots.len() * 3 / 2).max(16);
        let mut slots = vec![EMPTY; cap];
        for &doc in self.slots.iter().filter(|&&d| d != EMPTY) {
            Self::place(&mut slots, rehash(doc), doc);
        }
        self.slots = slots;
    }

    /// Call `f` with every document in the probe run of `hash` (a superset of
    /// the documents inserted under `hash`; the caller checks the band).
    pub(crate) fn probe(&self, hash: u64, mut f: impl FnMut(u32)) {
        let cap = self.slots.len();
        if cap == 0 {
            return;
        }
        let mut i = home(hash, cap);
        for _ in 0..cap {
            match self.slots.get(i) {
                Some(&EMPTY) | None => return,
                Some(&doc) => f(doc),
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    /// Heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<u32>()
    }
}

/// The hash of band `band` whose bins are `values`.
#[inline]
pub(crate) fn band_hash(band: usize, values: &[u16]) -> u64 {
    let mut acc = (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &v in values {
        acc = mix64(acc ^ u64::from(v));
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_finds_every_document_inserted_under_a_hash_after_growth() {
        let mut t = Table::default();
        let hash_of = |d: u32| mix64(u64::from(d % 100));
        for d in 0..1000u32 {
            t.insert(hash_of(d), d, hash_of);
        }
        let mut found = Vec::new();
        t.probe(hash_of(7), |d| {
            if hash_of(d) == hash_of(7) {
                found.push(d)
            }
        });
        found.sort_unstable();
        assert_eq!(found, (0..10).map(|i| 7 + 100 * i).collect::<Vec<_>>());
        assert!(t.heap_bytes() <= 1000 * 4 * 2 + 64, "load stays above 1/2: {}", t.heap_bytes());
    }

    #[test]
    fn empty_table_probe_calls_nothing() {
        let t = Table::default();
        let mut n = 0;
        t.probe(42, |_| n += 1);
        assert_eq!(n, 0);
    }
}
