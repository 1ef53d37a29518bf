//! Typographic normalisation with a map back to the original bytes.
//!
//! Matching stages (entities, dedup, claims) compare text with typographic
//! variants folded: curly and straight quotes, guillemets, the dash family,
//! and the space family are each reduced to one ASCII character, and
//! invisible format characters (soft hyphen, zero-width space and joiners,
//! BOM) are dropped. [`Normalized`] keeps, for every byte of the folded
//! text, the offset of the original byte it came from, so spans found in
//! folded text map back to byte ranges of the document body.

use crate::Span;

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

/// Text with typographic variants folded (see [`fold_char`]), remembering
/// where each byte came from.
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
        for (i, c) in original.char_indices() {
            if let Some(f) = fold_char(c) {
                text.push(f);
                origin.resize(text.len(), i as u32);
            }
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
    fn multibyte_quotes_map_to_whole_characters() {
        let s = "«soon.»";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "\"soon.\"");
        assert_eq!(n.to_original(Span::new(0, 7)).slice(s), s);
        assert_eq!(n.to_original(Span::new(1, 6)).slice(s), "soon.");
    }
}
