//! Winnowing: the fingerprints a text keeps of its word `k`-grams.
//!
//! Every `k`-gram of narrative words is hashed (a rolling hash, see
//! [`super::shingle`]); in each window of `w` consecutive `k`-gram hashes the
//! smallest is selected (the rightmost on ties), and a text keeps each
//! selected hash once per position (Schleimer, Wilkerson & Aiken 2003, the
//! method of MOSS). Two properties follow:
//!
//! - **Guarantee.** Any run of at least `w + k − 1` words that two texts
//!   share holds a whole window of the same `k`-grams, so both select the
//!   same hash there: a shared passage that long is never missed, whatever
//!   the lengths of the two texts (25 words with the default `k = 5`, `w = 21`).
//! - **Density.** About `2 / (w + 1)` of the positions are selected (one
//!   fingerprint per 11 words by default), and consecutive selected positions
//!   are at most `w` apart, so the positions of shared fingerprints rebuild
//!   the shared runs to within a few words.
//!
//! Texts shorter than one window keep the smallest hash of all their `k`-grams.
//!
//! Each fingerprint also keeps an 8-bit hash of the `E = (w − 1) / 2` words
//! before its `k`-gram and of the `E` words after it (fewer at the ends of
//! the text). Two texts whose shared fingerprint also agrees on a context
//! share those words too (but for a 1 in 256 chance): a single shared
//! fingerprint then shows a run of up to `k + 2E` words (25), where its
//! `k`-gram alone shows `k`.

use std::collections::VecDeque;

use super::shingle::{mix64, Shingler};

/// Words of context hashed on each side of a fingerprint's `k`-gram.
pub(crate) fn context_words(window: usize) -> usize {
    window.saturating_sub(1) / 2
}

/// One fingerprint: a 32-bit `k`-gram hash and the narrative word position
/// of the `k`-gram's first word.
pub(crate) type Fingerprint = (u32, u32);

/// Winnows a stream of word-token hashes: feed them with [`push`](Winnower::push).
pub(crate) struct Winnower {
    shingler: Shingler,
    window: usize,
    /// Candidates for the window minimum: increasing hashes, increasing positions.
    queue: VecDeque<Fingerprint>,
    /// Number of `k`-grams seen.
    grams: u32,
    /// The token hashes seen, for the context hashes.
    tokens: Vec<u64>,
    last: Option<u32>,
    out: Vec<Fingerprint>,
}

impl Winnower {
    pub(crate) fn new(k: usize, window: usize) -> Winnower {
        Winnower {
            shingler: Shingler::new(k),
            window: window.max(1),
            queue: VecDeque::with_capacity(window.max(1) + 1),
            grams: 0,
            tokens: Vec::new(),
            last: None,
            out: Vec::new(),
        }
    }

    /// Add the next narrative token.
    #[inline]
    pub(crate) fn push(&mut self, token: u64) {
        self.tokens.push(token);
        let Some(h) = self.shingler.push(token) else { return };
        let hash = (h >> 32) as u32;
        let pos = self.grams;
        self.grams = self.grams.saturating_add(1);
        while self.queue.back().is_some_and(|&(b, _)| b >= hash) {
            self.queue.pop_back();
        }
        self.queue.push_back((hash, pos));
        // The window holds the k-grams `pos + 1 - w ..= pos`.
        let first = (pos + 1).saturating_sub(self.window as u32);
        while self.queue.front().is_some_and(|&(_, p)| p < first) {
            self.queue.pop_front();
        }
        if (pos as usize) + 1 >= self.window {
            self.select();
        }
    }

    fn select(&mut self) {
        if let Some(&(hash, pos)) = self.queue.front() {
            if self.last != Some(pos) {
                self.out.push((hash, pos));
                self.last = Some(pos);
            }
        }
    }

    /// Number of narrative tokens seen.
    pub(crate) fn tokens(&self) -> u32 {
        u32::try_from(self.tokens.len()).unwrap_or(u32::MAX)
    }

    /// The selected fingerprints in position order, each with its context
    /// hashes (`before << 8 | after`).
    pub(crate) fn finish(mut self) -> Vec<(Fingerprint, u16)> {
        if (self.grams as usize) < self.window {
            // Shorter than a window: the smallest of all the k-grams.
            self.select();
        }
        let e = context_words(self.window);
        let k = self.shingler_k();
        let tokens = &self.tokens;
        let h8 = |words: &[u64]| -> u16 {
            let mut acc = 0x243F_6A88_85A3_08D3u64 ^ words.len() as u64;
            for &t in words {
                acc = mix64(acc ^ t);
            }
            (acc >> 56) as u16
        };
        self.out
            .iter()
            .map(|&(hash, pos)| {
                let p = pos as usize;
                let before = tokens.get(p.saturating_sub(e)..p).unwrap_or(&[]);
                let after = tokens.get(p + k..(p + k + e).min(tokens.len())).unwrap_or(&[]);
                ((hash, pos), h8(before) << 8 | h8(after))
            })
            .collect()
    }

    fn shingler_k(&self) -> usize {
        self.shingler.k()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn winnow_ctx(tokens: &[u64], k: usize, w: usize) -> Vec<(Fingerprint, u16)> {
        let mut win = Winnower::new(k, w);
        for &t in tokens {
            win.push(mix64(t));
        }
        win.finish()
    }

    fn winnow(tokens: &[u64], k: usize, w: usize) -> Vec<Fingerprint> {
        winnow_ctx(tokens, k, w).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn context_hashes_agree_where_the_words_around_agree() {
        let shared: Vec<u64> = (100..140).collect();
        let a: Vec<u64> = (0..3).chain(shared.iter().copied()).chain(900..903).collect();
        let b: Vec<u64> = (500..530).chain(shared.iter().copied()).collect();
        let (fa, fb) = (winnow_ctx(&a, 5, 21), winnow_ctx(&b, 5, 21));
        let both: Vec<_> = fa.iter().filter_map(|x| fb.iter().find(|y| y.0 .0 == x.0 .0).map(|y| (x, y))).collect();
        assert!(!both.is_empty());
        for (x, y) in both {
            let (pa, pb) = (x.0 .1 as usize, y.0 .1 as usize);
            // The context agrees when its words are inside the shared run in both texts.
            let before_inside = pa >= 3 + 10 && pb >= 30 + 10;
            let after_inside = pa + 5 + 10 <= 43 && pb + 5 + 10 <= 70;
            assert_eq!(x.1 >> 8 == y.1 >> 8, before_inside, "{x:?} {y:?}");
            assert_eq!(x.1 & 255 == y.1 & 255, after_inside, "{x:?} {y:?}");
        }
    }

    #[test]
    fn every_shared_run_of_the_guarantee_length_shares_a_fingerprint() {
        let (k, w) = (5, 21);
        for offset in 0..40u64 {
            // Two texts that share 25 tokens (w + k − 1) at different places.
            let shared: Vec<u64> = (0..25).map(|i| 1_000 + offset * 100 + i).collect();
            let a: Vec<u64> =
                (0..offset).map(|i| 50_000 + i).chain(shared.iter().copied()).chain(60_000..60_030).collect();
            let b: Vec<u64> = (70_000..70_007).chain(shared.iter().copied()).chain(80_000..80_000 + offset).collect();
            let (fa, fb) = (winnow(&a, k, w), winnow(&b, k, w));
            let common = fa.iter().filter(|(h, _)| fb.iter().any(|(g, _)| g == h)).count();
            assert!(common >= 1, "offset {offset}: no shared fingerprint");
        }
    }

    #[test]
    fn density_is_about_two_in_w_plus_one_and_gaps_are_at_most_w() {
        let tokens: Vec<u64> = (0..11_000).collect();
        let fps = winnow(&tokens, 5, 21);
        let density = fps.len() as f64 / 11_000.0;
        assert!((0.07..0.11).contains(&density), "density {density}");
        assert!(fps.windows(2).all(|p| p[1].1 > p[0].1 && p[1].1 - p[0].1 <= 21));
    }

    #[test]
    fn short_texts_keep_one_fingerprint_and_texts_below_k_none() {
        assert_eq!(winnow(&[1, 2, 3, 4, 5, 6], 5, 21).len(), 1);
        assert!(winnow(&[1, 2, 3], 5, 21).is_empty());
        assert!(winnow(&[], 5, 21).is_empty());
    }
}
