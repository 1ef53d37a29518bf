//! One fast, non-cryptographic hasher (FxHash's rotate-xor-multiply) for the
//! crate's internal maps of short keys: lexicon words, content words, event
//! indices. The keys come from the crate's own data or are a few per
//! sentence, so hash flooding is not a concern, and SipHash cost the claims
//! extractor a third of its time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: each word of input is rotated in, xor-ed and multiplied.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn string_keys_hash_by_content_and_differ_by_one_byte() {
        let build = BuildHasherDefault::<FxHasher>::default();
        assert_eq!(build.hash_one("talks"), build.hash_one(String::from("talks")));
        assert_ne!(build.hash_one("talks"), build.hash_one("talkz"));
        assert_ne!(build.hash_one("ab"), build.hash_one("ba"));
    }
}
