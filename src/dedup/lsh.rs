//! LSH banding over MinHash signatures, in tables that store only document numbers.
//!
//! A signature of `bands × rows` bins is cut into bands; two documents are
//! candidates when any band agrees in all its rows, which happens with
//! probability `1 − (1 − J^rows)^bands` for Jaccard `J`. Each band is an
//! open-addressing table (linear probing) whose slots are 4 bytes: 26 bits of
//! document number and a 6-bit tag from the band's hash. The band's key is
//! not stored, because the caller compares the band's bins in the signatures
//! it already keeps; the tag spares that comparison (a random memory access)
//! for 63 of 64 unrelated slots, which is what lets the tables run at a high
//! load (between 0.68 and 0.85) and keep the index under 256 bytes per
//! document. Documents numbered beyond 2²⁶ − 2 (67 million texts in one
//! index) are not entered into the tables: shard larger corpora.

use super::shingle::mix64;

const EMPTY: u32 = u32::MAX;
const DOC_BITS: u32 = 26;
const DOC_MASK: u32 = (1 << DOC_BITS) - 1;
/// The largest document number the tables hold.
pub(crate) const MAX_DOC: u32 = DOC_MASK - 1;
/// Grow when more than 85% of the slots are used; growth is by a quarter,
/// so the load stays between 0.68 and 0.85.
const MAX_LOAD_NUM: usize = 17;
const MAX_LOAD_DEN: usize = 20;

#[inline]
fn tag(hash: u64) -> u32 {
    ((hash & 63) as u32) << DOC_BITS
}

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
    /// Insert `doc` under `hash`; `rehash` gives the hash of any stored
    /// document (used when growing). Documents above [`MAX_DOC`] are ignored.
    pub(crate) fn insert(&mut self, hash: u64, doc: u32, rehash: impl Fn(u32) -> u64) {
        if doc > MAX_DOC {
            return;
        }
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
                    *s = tag(hash) | doc;
                    return;
                }
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    fn grow(&mut self, rehash: &impl Fn(u32) -> u64) {
        let cap = (self.slots.len() * 5 / 4).max(16);
        let mut slots = vec![EMPTY; cap];
        for &slot in self.slots.iter().filter(|&&d| d != EMPTY) {
            let doc = slot & DOC_MASK;
            Self::place(&mut slots, rehash(doc), doc);
        }
        self.slots = slots;
    }

    /// Call `f` with every document in the probe run of `hash` whose tag
    /// matches (a superset of the documents inserted under `hash`, about one
    /// in 64 of the others; the caller checks the band).
    pub(crate) fn probe(&self, hash: u64, mut f: impl FnMut(u32)) {
        let cap = self.slots.len();
        if cap == 0 {
            return;
        }
        let want = tag(hash);
        let mut i = home(hash, cap);
        for _ in 0..cap {
            match self.slots.get(i) {
                Some(&EMPTY) | None => return,
                Some(&slot) if slot & !DOC_MASK == want => f(slot & DOC_MASK),
                Some(_) => {}
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
        assert!(t.heap_bytes() * 68 <= 1000 * 4 * 100 + 64, "load stays above 0.68: {}", t.heap_bytes());
    }

    #[test]
    fn documents_beyond_the_numbering_are_not_entered() {
        let mut t = Table::default();
        t.insert(5, MAX_DOC + 1, |_| 5);
        t.insert(5, MAX_DOC, |_| 5);
        let mut found = Vec::new();
        t.probe(5, |d| found.push(d));
        assert_eq!(found, vec![MAX_DOC]);
    }

    #[test]
    fn empty_table_probe_calls_nothing() {
        let t = Table::default();
        let mut n = 0;
        t.probe(42, |_| n += 1);
        assert_eq!(n, 0);
    }
}
