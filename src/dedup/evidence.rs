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
    /// Words of the smaller share seen by fingerprints alone (without the
    /// runs' extension to the texts' edges): what the copy rules use.
    pub(crate) seen: u32,
    /// The longest run, in words.
    pub(crate) longest: u32,
}

impl Evidence {
    /// Runs of at least `min` words.
    pub(crate) fn runs_of(&self, min: u32) -> usize {
        self.runs.iter().filter(|r| r.words >= min).count()
    }
}

/// The fingerprints of one text: sorted by hash, then position, with their
/// context hashes (see [`super::winnow`]) and its narrative length in words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'a> {
    pub(crate) fps: &'a [Fingerprint],
    pub(crate) ctx: &'a [u16],
    pub(crate) words: u32,
}

/// The evidence between texts `a` and `b`, with `k`-grams of `k` words
/// winnowed in windows of `w`. A hash for which `common` is true is ignored.
pub(crate) fn between(a: Text<'_>, b: Text<'_>, (k, w): (u32, u32), mut common: impl FnMut(u32) -> bool) -> Evidence {
    let e = super::winnow::context_words(w as usize) as u32;
    // (position in a, start in a, end in a, offset to b)
    let mut pairs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(&(ha, pa)), Some(&(hb, pb))) = (a.fps.get(i), b.fps.get(j)) {
        match ha.cmp(&hb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !common(ha) {
                    // The first occurrence on each side (lists are sorted by hash, then position).
                    let (ca, cb) = (a.ctx.get(i).copied().unwrap_or(0), b.ctx.get(j).copied().unwrap_or(1));
                    let before = if ca >> 8 == cb >> 8 { e.min(pa).min(pb) } else { 0 };
                    let room = |words: u32, p: u32| words.saturating_sub(p.saturating_add(k));
                    let after = if ca & 255 == cb & 255 { e.min(room(a.words, pa)).min(room(b.words, pb)) } else { 0 };
                    let end = pa.saturating_add(k).saturating_add(after).min(a.words.max(pa + 1));
                    pairs.push((pa, pa - before, end, i64::from(pb) - i64::from(pa)));
                }
                while a.fps.get(i).is_some_and(|f| f.0 == ha) {
                    i += 1;
                }
                while b.fps.get(j).is_some_and(|f| f.0 == hb) {
                    j += 1;
                }
            }
        }
    }
    runs_of_pairs(pairs, (a.words, b.words), w)
}

fn runs_of_pairs(mut pairs: Vec<(u32, u32, u32, i64)>, (words_a, words_b): (u32, u32), w: u32) -> Evidence {
    let mut ev = Evidence { fingerprints: pairs.len() as u32, ..Evidence::default() };
    if pairs.is_empty() {
        return ev;
    }
    pairs.sort_unstable();
    let close = |ev: &mut Evidence, (start, end, offset): (u32, u32, i64)| {
        let words = end - start;
        let canonical_start = u32::try_from(i64::from(start) + offset).unwrap_or(0);
        ev.runs.push(Run { start, canonical_start, words });
        ev.longest = ev.longest.max(words);
    };
    let (mut last, first_start, first_end, mut offset) = pairs[0];
    let mut run = (first_start, first_end, offset);
    for &(p, start, end, off) in &pairs[1..] {
        let joins = off == offset && (p - last <= w || start <= run.1);
        if joins {
            run.0 = run.0.min(start);
            run.1 = run.1.max(end);
        } else {
            close(&mut ev, run);
            run = (start, end, off);
            offset = off;
        }
        last = p;
    }
    close(&mut ev, run);
    let seen_a = covered(ev.runs.iter().map(|r| (r.start, r.words))).min(words_a);
    let seen_b = covered(ev.runs.iter().map(|r| (r.canonical_start, r.words))).min(words_b);
    ev.seen = if words_a <= words_b { seen_a } else { seen_b };
    // As reported, a run aligned with the start (or end) of both texts,
    // within a window of it, runs to it (identical texts share all their
    // words); the rules use `seen`, which an edit there cannot fool.
    for r in &mut ev.runs {
        if r.start <= w && r.start == r.canonical_start {
            r.words += r.start;
            (r.start, r.canonical_start) = (0, 0);
        }
        let (end_a, end_b) = (r.start + r.words, r.canonical_start + r.words);
        let rest = words_a.saturating_sub(end_a);
        if rest <= w && end_a <= words_a && end_b <= words_b && rest == words_b - end_b {
            r.words += rest;
        }
        ev.longest = ev.longest.max(r.words);
    }
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

    /// Without context agreement (contexts 0 against 0x0101... differ on both sides).
    fn text(fps: &[Fingerprint], ctx: &[u16], words: u32) -> Text<'static> {
        let fps: &'static [Fingerprint] = Box::leak(fps.to_vec().into_boxed_slice());
        let ctx: &'static [u16] = Box::leak(ctx.to_vec().into_boxed_slice());
        Text { fps, ctx, words }
    }

    #[test]
    fn aligned_fingerprints_form_one_run_and_a_moved_block_another() {
        // a: hashes 1..=4 at 0, 10, 20, 30; b: the same at 100.., then hash 5 moved.
        let a = sorted(vec![(1, 0), (2, 10), (3, 20), (4, 30), (5, 200)]);
        let b = sorted(vec![(1, 100), (2, 110), (3, 120), (4, 130), (5, 5)]);
        let ev = between(text(&a, &[0; 5], 300), text(&b, &[0x0101; 5], 300), (5, 21), |_| false);
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
        let ev = between(text(&a, &[0, 0], 50), text(&a, &[0x0101, 0x0101], 50), (5, 21), |h| h == 2);
        assert_eq!((ev.fingerprints, ev.covered_a), (1, 5));
    }

    #[test]
    fn agreeing_contexts_extend_a_lone_shared_fingerprint_to_25_words() {
        let a = [(7, 30)];
        let b = [(7, 12)];
        let both = between(text(&a, &[0x1234], 100), text(&b, &[0x1234], 100), (5, 21), |_| false);
        assert_eq!(both.runs, vec![Run { start: 20, canonical_start: 2, words: 25 }]);
        let after_only = between(text(&a, &[0x1234], 100), text(&b, &[0x9934], 100), (5, 21), |_| false);
        assert_eq!(after_only.runs, vec![Run { start: 30, canonical_start: 12, words: 15 }]);
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
