//! The inverted index: fingerprint hash → the texts that hold it.
//!
//! One open-addressing table (linear probing) of 6-byte slots: a 32-bit
//! text number and a 16-bit tag from the fingerprint's hash. The hash itself
//! is not stored: the texts keep their fingerprints (sorted by hash), so a
//! caller confirms a posting by looking there; the tag spares that look-up
//! for all but one in 65 536 unrelated slots. The table runs at a load
//! between 0.68 and 0.85; it is rebuilt from the texts' fingerprints when it
//! grows (by a quarter), in text order, so it holds the same postings
//! whatever the growth history.
//!
//! A fingerprint keeps at most `limit + 1` postings: once more than `limit`
//! texts hold it, it is common, no longer evidence, and further texts are
//! not entered (which bounds the cost of probing it).

use super::shingle::mix64;

const EMPTY: u32 = u32::MAX;
/// The largest text number the table holds.
pub(crate) const MAX_DOC: u32 = EMPTY - 1;
const MAX_LOAD_NUM: usize = 17;
const MAX_LOAD_DEN: usize = 20;

#[inline]
fn spread(hash: u32) -> u64 {
    mix64(u64::from(hash) ^ 0x5851_F42D_4C95_7F2D)
}

#[inline]
fn home(h: u64, cap: usize) -> usize {
    (((h >> 32) * cap as u64) >> 32) as usize
}

#[inline]
fn tag(h: u64) -> u16 {
    h as u16
}

/// Fingerprint hash → text numbers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    docs: Vec<u32>,
    tags: Vec<u16>,
    len: usize,
}

impl Postings {
    /// Number of postings.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether a posting must grow the table first.
    pub(crate) fn needs_growth(&self, more: usize) -> bool {
        (self.len + more) * MAX_LOAD_DEN > self.docs.len() * MAX_LOAD_NUM
    }

    /// An empty table with room for `postings` at the load limit, grown by
    /// quarters from the current capacity.
    pub(crate) fn with_room(&self, postings: usize) -> Postings {
        let mut cap = self.docs.len().max(16);
        while postings * MAX_LOAD_DEN > cap * MAX_LOAD_NUM {
            cap = cap * 5 / 4 + 1;
        }
        Postings { docs: vec![EMPTY; cap], tags: vec![0; cap], len: 0 }
    }

    /// Call `f` with each text whose posting for `hash` may be there (every
    /// text entered under `hash`, and about one unrelated slot in 65 536).
    #[inline]
    pub(crate) fn probe(&self, hash: u32, mut f: impl FnMut(u32)) {
        let cap = self.docs.len();
        if cap == 0 {
            return;
        }
        let h = spread(hash);
        let want = tag(h);
        let mut i = home(h, cap);
        for _ in 0..cap {
            match self.docs.get(i) {
                Some(&EMPTY) | None => return,
                Some(&d) => {
                    if self.tags.get(i) == Some(&want) {
                        f(d);
                    }
                }
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    /// Enter `doc` under `hash`. The caller keeps the load below the limit
    /// ([`needs_growth`](Postings::needs_growth)); `doc` must not exceed [`MAX_DOC`].
    pub(crate) fn insert(&mut self, hash: u32, doc: u32) {
        let cap = self.docs.len();
        if cap == 0 || doc > MAX_DOC {
            return;
        }
        let h = spread(hash);
        let mut i = home(h, cap);
        for _ in 0..cap {
            if self.docs.get(i) == Some(&EMPTY) {
                self.docs[i] = doc;
                self.tags[i] = tag(h);
                self.len += 1;
                return;
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    /// Heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.docs.capacity() * 4 + self.tags.capacity() * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_finds_every_text_entered_under_a_hash() {
        let mut t = Postings::default().with_room(3000);
        for d in 0..3000u32 {
            t.insert(d % 100, d);
        }
        let mut found = Vec::new();
        t.probe(7, |d| {
            if d % 100 == 7 {
                found.push(d)
            }
        });
        found.sort_unstable();
        assert_eq!(found, (0..30).map(|i| 7 + 100 * i).collect::<Vec<_>>());
        assert!(!t.needs_growth(1));
        assert!(t.heap_bytes() * 68 <= 3000 * 6 * 100 * 5 / 4 + 6 * 64);
    }

    #[test]
    fn empty_table_probe_calls_nothing() {
        let t = Postings::default();
        let mut n = 0;
        t.probe(42, |_| n += 1);
        assert_eq!(n, 0);
    }
}
