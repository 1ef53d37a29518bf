//! Copy evidence between two texts: the narrative passages they share,
//! rebuilt from their shared fingerprints, and the copy rule.
//!
//! Two fingerprint lists (sorted by hash) are joined on hash; each shared
//! hash gives a pair of positions `(in a, in b)`. Sorted by the position in
//! `a`, consecutive pairs that advance by the same number of words in both
//! texts, at most a window apart, belong to one verbatim run; a run covers
//! `last − first + k` words. Hashes that the index finds in too many texts
//! (outlet furniture, background paragraphs) are left out by the caller's
//! `common` predicate.

use serde::{Deserialize, Serialize};

use super::winnow::Fingerprint;

/// A run of words a member shares verbatim with its story's canonical text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// First word of the run in the member's narrative words (see [`super::DocRef::narrative_words`]).
    pub start: u32,
    /// First word of the run in the canonical text's narrative words.
    pub canonical_start: u32,
    /// Length of the run in words.
    pub words: u32,
}

/// What two texts share.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Evidence {
    /// Shared fingerprints (not common).
    pub(crate) fingerprints: u32,
    /// Shared runs, in the order of the first text.
    pub(crate) runs: Vec<Run>,
    /// Words of the first text in shared runs (at most its length).
    pub(crate) covered_a: u32,
    /// Words of the second text in shared runs.
    pub(crate) covered_b: u32,
    /// The longest run, in words.
    pub(crate) longest: u32,
}

impl Evidence {
    /// Runs of at least `min` words.
    pub(crate) fn runs_of(&self, min: u32) -> usize {
        self.runs.iter().filter(|r| r.words >= min).count()
    }
}

/// The evidence between texts `a` and `b` (fingerprints sorted by hash, then
/// position), with `k`-grams of `k` words winnowed in windows of `w`;
/// `words_a`/`words_b` are their narrative lengths. A hash for which
/// `common` is true is ignored.
pub(crate) fn between(
    a: &[Fingerprint],
    b: &[Fingerprint],
    (words_a, words_b): (u32, u32),
    (k, w): (u32, u32),
    mut common: impl FnMut(u32) -> bool,
) -> Evidence {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(&(ha, pa)), Some(&(hb, pb))) = (a.get(i), b.get(j)) {
        match ha.cmp(&hb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !common(ha) {
                    // The first occurrence on each side (lists are sorted by hash, then position).
                    pairs.push((pa, pb));
                }
                while a.get(i).is_some_and(|f| f.0 == ha) {
                    i += 1;
                }
                while b.get(j).is_some_and(|f| f.0 == hb) {
                    j += 1;
                }
            }
        }
    }
    runs_of_pairs(pairs, (words_a, words_b), (k, w))
}

fn runs_of_pairs(mut pairs: Vec<(u32, u32)>, (words_a, words_b): (u32, u32), (k, w): (u32, u32)) -> Evidence {
    let mut ev = Evidence { fingerprints: pairs.len() as u32, ..Evidence::default() };
    if pairs.is_empty() {
        return ev;
    }
    pairs.sort_unstable();
    let close = |ev: &mut Evidence, first: (u32, u32), last: (u32, u32)| {
        let words = last.0 - first.0 + k;
        ev.runs.push(Run { start: first.0, canonical_start: first.1, words });
        ev.longest = ev.longest.max(words);
    };
    let mut first = pairs[0];
    let mut last = pairs[0];
    for &(pa, pb) in &pairs[1..] {
        let da = pa - last.0;
        let aligned = da <= w && pb >= last.1 && pb - last.1 == da;
        if !aligned {
            close(&mut ev, first, last);
            first = (pa, pb);
        }
        last = (pa, pb);
    }
    close(&mut ev, first, last);
    ev.covered_a = covered(ev.runs.iter().map(|r| (r.start, r.words))).min(words_a);
    ev.covered_b = covered(ev.runs.iter().map(|r| (r.canonical_start, r.words))).min(words_b);
    ev
}

/// Words covered by a union of `(start, length)` intervals.
fn covered(intervals: impl Iterator<Item = (u32, u32)>) -> u32 {
    let mut v: Vec<(u32, u32)> = intervals.map(|(s, n)| (s, s.saturating_add(n))).collect();
    v.sort_unstable();
    let (mut total, mut end) = (0u32, 0u32);
    for (s, e) in v {
        let s = s.max(end);
        if e > s {
            total += e - s;
            end = e;
        }
    }
    total
}

/// Size of the intersection of two sorted, deduplicated sets.
pub(crate) fn intersection_size<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<Fingerprint>) -> Vec<Fingerprint> {
        v.sort_unstable();
        v
    }

    #[test]
    fn aligned_fingerprints_form_one_run_and_a_moved_block_another() {
        // a: hashes 1..=4 at 0, 10, 20, 30; b: the same at 100.., then hash 5 moved.
        let a = sorted(vec![(1, 0), (2, 10), (3, 20), (4, 30), (5, 200)]);
        let b = sorted(vec![(1, 100), (2, 110), (3, 120), (4, 130), (5, 5)]);
        let ev = between(&a, &b, (300, 300), (5, 21), |_| false);
        assert_eq!(ev.fingerprints, 5);
        assert_eq!(
            ev.runs,
            vec![Run { start: 0, canonical_start: 100, words: 35 }, Run { start: 200, canonical_start: 5, words: 5 }]
        );
        assert_eq!((ev.covered_a, ev.longest), (40, 35));
    }

    #[test]
    fn common_hashes_are_not_evidence() {
        let a = sorted(vec![(1, 0), (2, 10)]);
        let ev = between(&a, &a, (50, 50), (5, 21), |h| h == 2);
        assert_eq!((ev.fingerprints, ev.covered_a), (1, 5));
    }

    #[test]
    fn covered_counts_overlaps_once() {
        assert_eq!(covered([(0, 10), (5, 10), (30, 5)].into_iter()), 20);
    }

    #[test]
    fn intersection_of_sorted_sets() {
        assert_eq!(intersection_size(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersection_size::<u8>(&[], &[1]), 0);
    }
}
