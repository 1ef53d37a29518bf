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

use std::collections::VecDeque;

use super::shingle::Shingler;

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
    /// Number of tokens seen.
    tokens: u32,
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
            tokens: 0,
            last: None,
            out: Vec::new(),
        }
    }

    /// Add the next narrative token.
    #[inline]
    pub(crate) fn push(&mut self, token: u64) {
        self.tokens = self.tokens.saturating_add(1);
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
        self.tokens
    }

    /// The selected fingerprints in position order.
    pub(crate) fn finish(mut self) -> Vec<Fingerprint> {
        if (self.grams as usize) < self.window {
            // Shorter than a window: the smallest of all the k-grams.
            self.select();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::shingle::mix64;

    fn winnow(tokens: &[u64], k: usize, w: usize) -> Vec<Fingerprint> {
        let mut win = Winnower::new(k, w);
        for &t in tokens {
            win.push(mix64(t));
        }
        win.finish()
    }

    #[test]
    fn every_shared_run_of_the_guarantee_length_shares_a_fingerprint() {
        let (k, w) = (5, 21);
        for offset in 0..40u64 {
            // Two texts that share 25 tokens (w + k − 1) at different places.
            let shared: Vec<u64> = (0..25).map(|i| 1_000 + offset * 100 + i).collect();
            let a: Vec<u64> = (0..offset).map(|i| 50_000 + i).chain(shared.iter().copied()).chain(60_000..60_030).collect();
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
