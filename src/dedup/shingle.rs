//! Word tokens, word shingles and paragraph fingerprints.
//!
//! Text is compared as a stream of normalised word tokens: typographic
//! variants are folded with [`crate::text::normalize::fold_char`] (curly and
//! straight quotes, guillemets, dashes, spaces), letters are lower-cased, and
//! punctuation separates words except an apostrophe or full stop *inside* a
//! word, which is dropped (`U.S.` → `us`, `Russia’s` → `russias`), so quote
//! styles, capitalisation and punctuation changes do not change a shingle.
//! Each token is hashed once; a shingle is the hash of `k` consecutive token
//! hashes across the whole text (paragraph breaks do not interrupt it, so a
//! re-wrapped copy keeps its shingles).

use crate::text::normalize::fold_char;

/// A 64-bit finaliser (splitmix64): turns a weak combination into a well-mixed hash.
#[inline]
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

/// What an ASCII byte is to the tokenizer: `0` separates words, `1` is a
/// joiner dropped inside a word (apostrophe, full stop), anything else is the
/// lower-cased byte of a word character.
const fn ascii_classes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'\'' || c == b'.' || c == b'`' {
            // The backtick folds to an apostrophe (see `fold_char`).
            1
        } else {
            0
        };
        b += 1;
    }
    t
}
const ASCII: [u8; 128] = ascii_classes();

/// The FNV hash of the token being read, if one is open, and where it started.
struct Token {
    h: u64,
    open: bool,
    start: usize,
}

impl Token {
    #[inline(always)]
    fn push(&mut self, l: u32, at: usize) {
        if !self.open {
            self.start = at;
        }
        self.h = (self.h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
        self.open = true;
    }

    /// Close the open token, if any, at byte `at`, handing its hash and byte range to `emit`.
    #[inline(always)]
    fn end(&mut self, at: usize, emit: &mut impl FnMut(u64, usize, usize)) {
        if self.open {
            emit(mix64(self.h), self.start, at);
            self.h = FNV_OFFSET;
            self.open = false;
        }
    }
}

/// Calls `emit` with the hash of every normalised word token of `text`, in order.
#[cfg(test)]
pub(crate) fn for_each_token(text: &str, mut emit: impl FnMut(u64)) {
    for_each_word(text, |h, _, _| emit(h));
}

/// Calls `emit(hash, start, end)` for every normalised word token of `text`,
/// in order, with the token's byte range in `text` (from its first to its
/// last letter or digit).
pub(crate) fn for_each_word(text: &str, mut emit: impl FnMut(u64, usize, usize)) {
    let mut tok = Token { h: FNV_OFFSET, open: false, start: 0 };
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 128 {
            // ASCII fast path: one table lookup a byte.
            match ASCII[b as usize] {
                0 => tok.end(last, &mut emit),
                1 => {}
                l => {
                    tok.push(u32::from(l), i);
                    last = i + 1;
                }
            }
            i += 1;
            continue;
        }
        // `i` is always on a character boundary: it advances by whole characters.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let at = i;
        i += c.len_utf8();
        let Some(c) = fold_char(c) else { continue }; // invisible format character: ignore entirely
        if c.is_ascii() {
            // A folded quote, dash or space.
            if c != '\'' {
                tok.end(last, &mut emit);
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                tok.push(u32::from(l), at);
            }
            last = i;
        } else {
            tok.end(last, &mut emit);
        }
    }
    tok.end(last, &mut emit);
}

/// Rolling `k`-shingles over a token stream: feed tokens with [`push`](Shingler::push).
///
/// The shingle hash is a polynomial rolling hash of the token hashes
/// (`Σ tᵢ·B^(k−1−i)` mod 2⁶⁴, updated in O(1) per token) passed through a
/// finaliser, so its cost does not grow with `k`.
pub(crate) struct Shingler {
    k: usize,
    ring: [u64; MAX_K],
    seen: usize,
    rolling: u64,
    /// `B^k`, to remove the token leaving the window.
    base_k: u64,
}

/// The largest shingle size (words) the configuration accepts.
pub(crate) const MAX_K: usize = 16;
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

impl Shingler {
    pub(crate) fn new(k: usize) -> Shingler {
        let k = k.clamp(1, MAX_K);
        let base_k = (0..k).fold(1u64, |acc, _| acc.wrapping_mul(BASE));
        Shingler { k, ring: [0; MAX_K], seen: 0, rolling: 0, base_k }
    }

    /// Words per shingle.
    pub(crate) fn k(&self) -> usize {
        self.k
    }

    /// Add a token; returns the hash of the shingle it completes, if any.
    #[inline]
    pub(crate) fn push(&mut self, token: u64) -> Option<u64> {
        let slot = self.seen % MAX_K;
        let leaving = if self.seen >= self.k { self.ring[(self.seen - self.k) % MAX_K] } else { 0 };
        self.ring[slot] = token;
        self.seen += 1;
        self.rolling =
            self.rolling.wrapping_mul(BASE).wrapping_add(token).wrapping_sub(leaving.wrapping_mul(self.base_k));
        (self.seen >= self.k).then(|| mix64(self.rolling ^ self.k as u64))
    }
}

/// The fingerprint of a paragraph, built token by token: 16 bits of a hash of
/// its whole token sequence (two different paragraphs collide with chance 2⁻¹⁶,
/// which at worst hides one changed paragraph from a diff). Two paragraphs that differ only in case, quote style or
/// punctuation get the same fingerprint.
#[derive(Debug, Default)]
pub(crate) struct Fingerprint {
    acc: u64,
    tokens: usize,
}

impl Fingerprint {
    #[inline]
    pub(crate) fn push(&mut self, token: u64) {
        self.acc = mix64(self.acc ^ token);
        self.tokens += 1;
    }

    /// The fingerprint, or `None` when the paragraph has no words.
    pub(crate) fn finish(&self) -> Option<u16> {
        (self.tokens > 0).then_some((self.acc >> 48) as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<u64> {
        let mut v = Vec::new();
        for_each_token(s, |t| v.push(t));
        v
    }

    #[test]
    fn quote_styles_case_and_punctuation_fold_to_the_same_tokens() {
        let cases = [
            ("\u{201C}Ukraine is not on the agenda,\u{201D} Bruce said.", "'ukraine IS not on the agenda' bruce said"),
            ("Russia\u{2019}s U.S. embassy", "Russias US embassy"),
            ("«soon.»", "\"Soon\""),
            ("co\u{ad}operate \u{2014} now", "cooperate - now"),
        ];
        for (a, b) in cases {
            assert_eq!(tokens(a), tokens(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn dashes_and_spaces_separate_words() {
        assert_eq!(tokens("U.S.\u{2013}Russia flights").len(), 3);
        assert_eq!(tokens("two\u{a0}words").len(), 2);
        assert!(tokens("  ... --- !!! ").is_empty());
    }

    #[test]
    fn non_ascii_letters_are_lowercased_words() {
        assert_eq!(tokens("ÉCOLE école"), {
            let t = tokens("école");
            vec![t[0], t[0]]
        });
    }

    #[test]
    fn shingles_depend_on_word_order() {
        let mut a = Shingler::new(2);
        let mut b = Shingler::new(2);
        let (x, y) = (1u64, 2u64);
        a.push(x);
        b.push(y);
        assert_ne!(a.push(y), b.push(x));
    }

    #[test]
    fn rolling_shingle_equals_shingle_of_the_same_window() {
        let mut long = Shingler::new(3);
        let mut short = Shingler::new(3);
        let seq = [11u64, 22, 33, 44, 55];
        let from_long: Vec<_> = seq.iter().filter_map(|&t| long.push(t)).collect();
        let from_short: Vec<_> = seq[2..].iter().filter_map(|&t| short.push(t)).collect();
        assert_eq!(from_long.len(), 3);
        assert_eq!(from_long[2], from_short[0], "window 33 44 55 hashes the same whatever came before");
    }

    fn paragraph_fingerprint(text: &str) -> Option<u16> {
        let mut f = Fingerprint::default();
        for_each_token(text, |t| f.push(t));
        f.finish()
    }

    #[test]
    fn paragraph_fingerprint_ignores_typography_but_not_words() {
        assert_eq!(paragraph_fingerprint("He said \"yes.\""), paragraph_fingerprint("he said \u{201C}Yes\u{201D}"));
        assert_ne!(paragraph_fingerprint("he said yes"), paragraph_fingerprint("he said no"));
        assert_eq!(paragraph_fingerprint(" -- "), None);
    }
}
