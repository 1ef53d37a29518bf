//! Typographic normalisation with a map back to the original bytes.
//!
//! Matching stages (entities, dedup, claims) compare text with typographic
//! variants folded: curly and straight quotes, guillemets, the dash family,
//! and the space family are each reduced to one ASCII character, and
//! invisible format characters (soft hyphen, zero-width space and joiners,
//! BOM) are dropped. [`Normalized`] keeps, for every byte of the folded
//! text, the offset of the original byte it came from, so spans found in
//! folded text map back to byte ranges of the document body.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::Span;

/// The composition table: `(base, combining mark)` to precomposed letter.
fn compose_table() -> &'static HashMap<(char, char), char> {
    static TABLE: OnceLock<HashMap<(char, char), char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../../data/text/latin_compose.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(base), Some(mark), Some(composed)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let mark = u32::from_str_radix(mark, 16).ok().and_then(char::from_u32);
            if let (Some(b), Some(m), Some(c)) = (base.chars().next(), mark, composed.chars().next()) {
                map.insert((b, m), c);
            }
        }
        map
    })
}

/// Whether `c` is a combining diacritical mark (U+0300–U+036F).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// The precomposed letter for `base` followed by the combining mark `mark`,
/// when the pair is a common Latin composition.
///
/// ```
/// use dateline::text::normalize::compose;
/// assert_eq!(compose('e', '\u{301}'), Some('é'));
/// assert_eq!(compose('g', '\u{306}'), Some('ğ'));
/// assert_eq!(compose('x', '\u{301}'), None);
/// ```
pub fn compose(base: char, mark: char) -> Option<char> {
    if !is_combining(mark) {
        return None;
    }
    compose_table().get(&(base, mark)).copied()
}

/// A comparison key: typographic variants folded (see [`fold_char`]),
/// common Latin combining sequences composed (see [`compose`]), lower-cased,
/// apostrophes dropped, and every other run of non-alphanumeric characters
/// reduced to one space, trimmed.
///
/// Two strings that differ only in quote style, dashes, spacing, case or
/// NFC/NFD form of Latin letters have the same key.
///
/// ```
/// use dateline::text::normalize::fold_key;
/// assert_eq!(fold_key("Russia\u{2019}s  U.S.\u{2013}Russia TALKS"), "russias u s russia talks");
/// assert_eq!(fold_key("Me\u{301}lenchon"), fold_key("Mélenchon"));
/// ```
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut space = false;
    for c in s.chars() {
        let Some(c) = fold_char(c) else { continue };
        if is_combining(c) {
            if let Some(p) = prev {
                if let Some(composed) = compose(p, c) {
                    // Replace the lower-cased base just written.
                    out.pop();
                    out.extend(composed.to_lowercase());
                    prev = Some(composed);
                }
            }
            continue;
        }
        if c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
            prev = Some(c);
        } else {
            space = true;
            prev = None;
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

/// Text with typographic variants folded (see [`fold_char`]) and common
/// Latin combining sequences composed (see [`compose`]), remembering where
/// each byte came from.
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
    /// ```
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        // (offset in `text`, original offset, character) of the last character written.
        let mut last: Option<(usize, u32, char)> = None;
        for (i, c) in original.char_indices() {
            let Some(f) = fold_char(c) else { continue };
            if let Some((at, from, base)) = last {
                if let Some(composed) = compose(base, f) {
                    // The composed letter keeps the origin of its base, so a
                    // span over it maps back to base and marks together.
                    text.truncate(at);
                    origin.truncate(at);
                    text.push(composed);
                    origin.resize(text.len(), from);
                    last = Some((at, from, composed));
                    continue;
                }
            }
            last = Some((text.len(), i as u32, f));
            text.push(f);
            origin.resize(text.len(), i as u32);
        }
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
