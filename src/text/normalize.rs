//! Typographic normalisation with a map back to the original bytes.
//!
//! Matching stages (entities, dedup, claims) compare text with typographic
//! variants folded: curly and straight quotes, guillemets, the dash family,
//! and the space family are each reduced to one ASCII character, and
//! invisible format characters (soft hyphen, zero-width space and joiners,
//! BOM) are dropped. The folded text is then put in Unicode Normalization
//! Form C (canonical composition, by the `unicode-normalization` crate), so a
//! decomposed "Me\u{301}xico", Greek with a combining tonos or Hangul
//! written as conjoining jamo compare equal to their precomposed forms, in
//! every script. [`Normalized`] keeps, for every byte of the folded text,
//! the offset of the original byte it came from, so spans found in folded
//! text map back to byte ranges of the document body.
//!
//! NFC is applied per cluster: a character that is a starter and cannot
//! combine with what precedes it (`NFC_Quick_Check=Yes`, combining class 0:
//! every ASCII character and most letters) begins a cluster, and the
//! characters after it up to the next such starter are composed together.
//! A composed character keeps the offset of its cluster's first character,
//! so a span over it maps back to the base and all its marks. Text that is
//! ASCII, or already NFC with nothing to fold, is never copied by the
//! gazetteer (see its `must_fold` check).

use std::iter;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::Span;

/// Whether `c` begins an NFC cluster: nothing before it can compose with it
/// or be reordered past it, so text can be normalised cluster by cluster.
#[inline]
pub(crate) fn is_stable_starter(c: char) -> bool {
    c.is_ascii() || (canonical_combining_class(c) == 0 && is_nfc_quick(iter::once(c)) == IsNormalized::Yes)
}

/// The canonical composition of `base` followed by `mark` into one
/// character, when Unicode defines one (any script; composition exclusions
/// stay decomposed, as in NFC).
///
/// ```
/// use dateline::text::normalize::compose;
/// assert_eq!(compose('e', '\u{301}'), Some('é'));
/// assert_eq!(compose('g', '\u{306}'), Some('ğ'));
/// assert_eq!(compose('\u{3B5}', '\u{301}'), Some('\u{3AD}')); // Greek έ
/// assert_eq!(compose('\u{1100}', '\u{1161}'), Some('가')); // Hangul jamo
/// assert_eq!(compose('x', '\u{301}'), None);
/// ```
pub fn compose(base: char, mark: char) -> Option<char> {
    unicode_normalization::char::compose(base, mark)
}

/// A comparison key: typographic variants folded (see [`fold_char`]), put in
/// NFC, lower-cased, apostrophes dropped, and every other run of characters
/// that are neither alphanumeric nor combining marks reduced to one space,
/// trimmed.
///
/// Two strings that differ only in quote style, dashes, spacing, case or
/// canonical form (NFC/NFD, in any script) have the same key.
///
/// ```
/// use dateline::text::normalize::fold_key;
/// assert_eq!(fold_key("Russia\u{2019}s  U.S.\u{2013}Russia TALKS"), "russias u s russia talks");
/// assert_eq!(fold_key("Me\u{301}lenchon"), fold_key("Mélenchon"));
/// assert_eq!(fold_key("\u{391}\u{3B8}\u{3B7}\u{3BD}\u{3B1}\u{301}"), fold_key("Αθηνά"));
/// assert_eq!(fold_key("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"), "한국");
/// ```
pub fn fold_key(s: &str) -> String {
    let folded = s.chars().filter_map(fold_char);
    // ASCII is NFC already: skip the normaliser's buffering.
    if s.is_ascii() {
        key_of(folded, s.len())
    } else {
        key_of(folded.nfc(), s.len())
    }
}

fn key_of(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        if c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if is_combining_mark(c) {
            // A mark NFC left standing (a vowel sign, a nukta, a mark with
            // no precomposed form) belongs to its word; one with no word
            // before it is dropped.
            if !space && !out.is_empty() {
                out.push(c);
            }
        } else {
            space = true;
        }
    }
    out
}

/// Whether `a` and `b` are equal after folding (see [`fold_key`]).
///
/// ```
/// use dateline::text::normalize::eq_folded;
/// assert!(eq_folded("\u{201C}Erdog\u{306}an\u{201D}", "\"Erdoğan\""));
/// assert!(!eq_folded("Erdogan", "Erdoğan"));
/// ```
pub fn eq_folded(a: &str, b: &str) -> bool {
    fold_key(a) == fold_key(b)
}

/// The canonical form of `c` for matching, or `None` when `c` is an invisible
/// format character that matching should ignore.
///
/// ```
/// use dateline::text::normalize::fold_char;
/// assert_eq!(fold_char('\u{2019}'), Some('\''));
/// assert_eq!(fold_char('«'), Some('"'));
/// assert_eq!(fold_char('\u{2013}'), Some('-'));
/// assert_eq!(fold_char('\u{a0}'), Some(' '));
/// assert_eq!(fold_char('\u{ad}'), None);
/// assert_eq!(fold_char('é'), Some('é'));
/// ```
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}' | '\u{203A}' | '`' | '\u{B4}' => {
            '\''
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        _ => c,
    })
}

/// Text with typographic variants folded (see [`fold_char`]) and put in
/// NFC, remembering where each byte came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`, the original offset of the character it came from;
    /// one extra entry holds the original length.
    origin: Vec<u32>,
}

impl Normalized {
    /// Fold `original`. Offsets are relative to `original` (add a base when
    /// `original` is a slice of a larger body).
    ///
    /// ```
    /// use dateline::text::normalize::Normalized;
    /// use dateline::Span;
    /// let n = Normalized::new("Russia\u{2019}s U.S.\u{2013}Russia");
    /// assert_eq!(n.as_str(), "Russia's U.S.-Russia");
    /// let at = n.as_str().find("Russia'").unwrap();
    /// assert_eq!(n.to_original(Span::new(at, at + 7)), Span::new(0, 9));
    ///
    /// let s = "in Me\u{301}xico";
    /// let n = Normalized::new(s);
    /// assert_eq!(n.as_str(), "in México");
    /// assert_eq!(n.to_original(Span::new(3, n.as_str().len())).slice(s), "Me\u{301}xico");
    /// ```
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        // The characters since the last stable starter, with their original offsets.
        let mut cluster: Vec<(char, u32)> = Vec::new();
        let mut out: Vec<char> = Vec::new();
        for (i, c) in original.char_indices() {
            let Some(f) = fold_char(c) else { continue };
            if is_stable_starter(f) {
                flush(&mut cluster, &mut out, &mut text, &mut origin);
            }
            cluster.push((f, i as u32));
        }
        flush(&mut cluster, &mut out, &mut text, &mut origin);
        origin.push(original.len() as u32);
        Normalized { text, origin }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Map a span of the folded text back to the original: from the start of
    /// the character at `span.start` to the end of the character before `span.end`.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.offset(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        // The end of the last folded character: the origin of the next folded
        // character, or the original length.
        let end = self.offset(span.end);
        Span::new(start, end)
    }

    fn offset(&self, i: usize) -> usize {
        let i = i.min(self.origin.len() - 1);
        self.origin[i] as usize
    }
}

/// Write `cluster` in NFC to `text`, with origins, and empty it. The first
/// character written keeps the cluster's first offset; the others take the
/// offsets of the cluster's last characters, in order, so origins never
/// decrease and a span over the whole cluster maps back to all of it.
fn flush(cluster: &mut Vec<(char, u32)>, out: &mut Vec<char>, text: &mut String, origin: &mut Vec<u32>) {
    match cluster.as_slice() {
        [] => return,
        [(c, at)] if is_stable_starter(*c) => {
            text.push(*c);
            origin.resize(text.len(), *at);
        }
        _ => {
            out.clear();
            out.extend(cluster.iter().map(|&(c, _)| c).nfc());
            let (n, k) = (cluster.len(), out.len());
            for (j, &c) in out.iter().enumerate() {
                let from = if j == 0 { 0 } else { (n + j).saturating_sub(k) };
                text.push(c);
                origin.resize(text.len(), cluster[from.min(n - 1)].1);
            }
        }
    }
    cluster.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_characters_do_not_shift_spans() {
        let s = "co\u{ad}operate now";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "cooperate now");
        let at = n.as_str().find("now").unwrap();
        assert_eq!(n.to_original(Span::new(at, at + 3)).slice(s), "now");
        assert_eq!(n.to_original(Span::new(0, 9)).slice(s), "co\u{ad}operate");
    }

    #[test]
    fn decomposed_letters_compose_and_map_back_to_base_and_mark() {
        let s = "Erdog\u{306}an said";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "Erdoğan said");
        let at = n.as_str().find("Erdoğan").unwrap();
        assert_eq!(n.to_original(Span::new(at, at + "Erdoğan".len())).slice(s), "Erdog\u{306}an");
    }

    #[test]
    fn stacked_marks_compose_in_steps() {
        // a + circumflex + acute: â, then ấ.
        assert_eq!(Normalized::new("a\u{302}\u{301}").as_str(), "ấ");
        assert_eq!(fold_key("A\u{302}\u{301}"), "ấ");
    }

    #[test]
    fn uncomposable_mark_is_kept() {
        assert_eq!(Normalized::new("q\u{301}").as_str(), "q\u{301}");
        assert_eq!(fold_key("Q\u{301} x"), "q\u{301} x");
    }

    #[test]
    fn marks_in_any_order_compose_to_one_nfc_form() {
        // Dot below (class 220) and circumflex (230) in either order: ậ.
        assert_eq!(Normalized::new("a\u{302}\u{323}").as_str(), "\u{1EAD}");
        assert_eq!(Normalized::new("a\u{323}\u{302}").as_str(), "\u{1EAD}");
    }

    #[test]
    fn decomposed_text_in_three_scripts_is_nfc_and_maps_back() {
        let cases = [
            ("Me\u{301}xico City", "México City", "Me\u{301}xico"),
            (
                "\u{391}\u{3B8}\u{3B7}\u{3BD}\u{3B1}\u{301} talks",
                "Αθηνά talks",
                "\u{391}\u{3B8}\u{3B7}\u{3BD}\u{3B1}\u{301}",
            ),
            (
                "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} said",
                "한국 said",
                "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}",
            ),
            // Devanagari: a nukta form is a composition exclusion, so NFC keeps it decomposed.
            ("\u{915}\u{93C}\u{93F}", "\u{915}\u{93C}\u{93F}", "\u{915}\u{93C}\u{93F}"),
            ("\u{958}\u{93F}", "\u{915}\u{93C}\u{93F}", "\u{958}\u{93F}"),
        ];
        for (original, nfc, word) in cases {
            let n = Normalized::new(original);
            assert_eq!(n.as_str(), nfc, "{original:?}");
            let first = n.as_str().split(' ').next().unwrap();
            assert_eq!(n.to_original(Span::new(0, first.len())).slice(original), word, "{original:?}");
            assert_eq!(fold_key(original), fold_key(nfc), "{original:?}");
        }
    }

    #[test]
    fn origins_never_decrease_and_end_at_the_original_length() {
        for s in
            ["", "abc", "e\u{301}\u{301}x", "\u{958}", "\u{1100}\u{1161}\u{11A8}\u{301}", "\u{301}a", "x\u{ad}\u{301}"]
        {
            let n = Normalized::new(s);
            assert!(n.origin.windows(2).all(|w| w[0] <= w[1]), "{s:?}: {:?}", n.origin);
            assert_eq!(n.origin.len(), n.text.len() + 1);
            assert_eq!(*n.origin.last().unwrap() as usize, s.len());
            assert!(n.origin.iter().all(|&o| s.is_char_boundary(o as usize)));
        }
    }

    #[test]
    fn multibyte_quotes_map_to_whole_characters() {
        let s = "«soon.»";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "\"soon.\"");
        assert_eq!(n.to_original(Span::new(0, 7)).slice(s), s);
        assert_eq!(n.to_original(Span::new(1, 6)).slice(s), "soon.");
    }
}
