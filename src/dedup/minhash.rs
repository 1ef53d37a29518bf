//! One-permutation MinHash signatures with optimal densification.
//!
//! Classic MinHash hashes every shingle once per permutation (128 hashes per
//! shingle for 128 permutations). One-permutation hashing (Li, Owen & Zhang
//! 2012) hashes each shingle once: the hash picks one of `K` bins and each bin
//! keeps its smallest value; empty bins (short texts) borrow a filled bin's
//! value by "optimal densification" (Shrivastava 2017), which keeps
//! `P[bin_i(A) == bin_i(B)] = J(A, B)`. So the signature costs one hash per
//! shingle instead of `K`, and is still an unbiased Jaccard estimator and an
//! LSH family for banding.
//!
//! Each bin stores 16 bits of its minimiser's hash (b-bit minwise hashing,
//! Li & König 2010): the bits are independent of the ones that chose the bin
//! and ranked it, so two bins holding different shingles agree by chance with
//! probability 2⁻¹⁶, a negligible bias, at an eighth of the memory of 128-bit
//! state per bin.

use super::shingle::mix64;

/// The signature of one shingle set: `K` 16-bit bin values.
pub(crate) fn signature(shingles: &[u64], bins: usize, out: &mut Vec<u16>) {
    out.clear();
    out.resize(bins, 0);
    if shingles.is_empty() || bins == 0 {
        return;
    }
    let mut rank = vec![u32::MAX; bins];
    let mut filled = vec![false; bins];
    for &h in shingles {
        // Bits 48..64 choose the bin, 32..48 are stored, 0..32 rank within the bin.
        let bin = (((h >> 48) * bins as u64) >> 16) as usize;
        let r = h as u32;
        if let (Some(slot), Some(f), Some(v)) = (rank.get_mut(bin), filled.get_mut(bin), out.get_mut(bin)) {
            if !*f || r < *slot {
                *slot = r;
                *f = true;
                *v = (h >> 32) as u16;
            }
        }
    }
    densify(out, &filled);
}

/// Fill empty bins from filled ones chosen by a hash of (bin, attempt).
fn densify(sig: &mut [u16], filled: &[bool]) {
    let k = sig.len();
    if filled.iter().all(|&f| f) || !filled.iter().any(|&f| f) {
        return;
    }
    for i in 0..k {
        if filled[i] {
            continue;
        }
        let mut donor = None;
        for attempt in 0..64u64 {
            let h = mix64(((i as u64) << 8 | attempt) ^ 0xD1B5_4A32_D192_ED03);
            let j = (((h >> 32) * k as u64) >> 32) as usize;
            if filled.get(j) == Some(&true) {
                donor = Some(j);
                break;
            }
        }
        // Almost never reached (all 64 attempts hit empty bins): take the next filled bin.
        let j = donor.unwrap_or_else(|| (1..k).map(|d| (i + d) % k).find(|&j| filled[j]).unwrap_or(i));
        sig[i] = sig[j];
    }
}

/// Number of distinct values in `hashes` (well-mixed 64-bit hashes), with an
/// open-addressing set: cheaper than sorting for the few hundred shingles of an article.
pub(crate) fn distinct(hashes: &[u64]) -> usize {
    let cap = (hashes.len() * 2).next_power_of_two().max(16);
    let mask = cap - 1;
    // 0 marks an empty slot; a hash that is 0 is counted separately.
    let mut slots = vec![0u64; cap];
    let mut n = 0;
    let mut zero = false;
    for &h in hashes {
        if h == 0 {
            zero = true;
            continue;
        }
        let mut i = (h >> 20) as usize & mask;
        loop {
            match slots.get_mut(i) {
                Some(s) if *s == 0 => {
                    *s = h;
                    n += 1;
                    break;
                }
                Some(s) if *s == h => break,
                _ => i = (i + 1) & mask,
            }
        }
    }
    n + usize::from(zero)
}

/// Number of bins where two signatures agree.
#[inline]
pub(crate) fn agreeing_bins(a: &[u16], b: &[u16]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y).count()
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

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(mix64).collect()
    }

    #[test]
    fn identical_sets_agree_in_every_bin() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        signature(&set(0..500), 64, &mut a);
        signature(&set(0..500), 64, &mut b);
        assert_eq!(agreeing_bins(&a, &b), 64);
    }

    #[test]
    fn agreement_estimates_jaccard() {
        // |A ∩ B| = 300, |A ∪ B| = 700: J = 0.43. Averaged over shifted sets to smooth the noise.
        let mut total = 0.0;
        for s in 0..40u64 {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            signature(&set(s * 10_000..s * 10_000 + 500), 64, &mut a);
            signature(&set(s * 10_000 + 200..s * 10_000 + 700), 64, &mut b);
            total += agreeing_bins(&a, &b) as f64 / 64.0;
        }
        let mean = total / 40.0;
        assert!((mean - 300.0 / 700.0).abs() < 0.03, "mean estimate {mean}");
    }

    #[test]
    fn short_sets_are_densified_not_zero() {
        let mut a = Vec::new();
        signature(&set(0..3), 64, &mut a);
        assert!(a.iter().all(|&v| a.contains(&v)));
        let distinct: std::collections::HashSet<_> = a.iter().collect();
        assert!(distinct.len() <= 3);
        let mut b = Vec::new();
        signature(&set(100..103), 64, &mut b);
        assert!(agreeing_bins(&a, &b) < 8);
    }

    #[test]
    fn empty_set_has_zero_signature() {
        let mut a = vec![9; 3];
        signature(&[], 16, &mut a);
        assert_eq!(a, vec![0; 16]);
    }

    #[test]
    fn distinct_counts_repeats_once() {
        assert_eq!(distinct(&[5, 9, 5, 0, 0, 7, 9]), 4);
        assert_eq!(distinct(&[]), 0);
        let many: Vec<u64> = (0..1000).map(|i| mix64(i % 300)).collect();
        assert_eq!(distinct(&many), 300);
    }

    #[test]
    fn intersection_of_sorted_sets() {
        assert_eq!(intersection_size(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersection_size(&[], &[1]), 0);
    }
}
