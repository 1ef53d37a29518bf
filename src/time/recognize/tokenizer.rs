//! The tokenizer: words, digit runs and punctuation with byte offsets into
//! the body, typographic variants folded, each word tagged with its lexicon
//! [`Entry`]; and [`Toks`], the token-level view the patterns read through.

use std::cell::OnceCell;

use crate::text::normalize::fold_char;
use crate::time::lexicon::{lexicon, Entry, Keyword, Unit};

/// Capitalisation of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Title,
    Upper,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word { entry: Option<Entry>, case: Case },
    /// A run of digits. `ordinal`: followed by st/nd/rd/th; `glued`: by other letters.
    Num { value: u32, digits: u8, ordinal: bool, glued: bool },
    /// A grouped or decimal figure (`2,022`, `3.5`): never a date part.
    Figure,
    /// A clock time (`02:41`, `12:30:05`): a timestamp, not a date.
    Clock,
    /// One punctuation character, folded to ASCII where it has a folding.
    Punct(char),
}

/// A token with its byte span in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// White space separates it from the previous token.
    pub space_before: bool,
}

/// Split `text` (which starts at byte `base` of the body) into tokens, appending to `out`.
pub(crate) fn tokenize(text: &str, base: usize, out: &mut Vec<Tok>) {
    let lex = lexicon();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            let mut value: u32 = 0;
            while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                i += 1;
            }
            let digits = (i - start).min(255) as u8;
            let next_is_digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
            // Past every separator-and-digits group from `k`: "1,000.5", "10:30:00".
            let groups = |mut k: usize, seps: &[u8]| {
                while b.get(k).is_some_and(|c| seps.contains(c)) && next_is_digit(k + 1) {
                    k += 1;
                    while next_is_digit(k) {
                        k += 1;
                    }
                }
                k
            };
            match b.get(i) {
                Some(b',' | b'.') if next_is_digit(i + 1) => {
                    i = groups(i, b",.");
                    Kind::Figure
                }
                Some(b':') if next_is_digit(i + 1) => {
                    i = groups(i, b":");
                    Kind::Clock
                }
                _ => {
                    let letters = b[i..].iter().take_while(|x| x.is_ascii_alphabetic()).count();
                    let suffix = &b[i..i + letters];
                    let ordinal = letters == 2
                        && matches!(
                            [suffix[0].to_ascii_lowercase(), suffix[1].to_ascii_lowercase()],
                            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
                        );
                    i += letters;
                    Kind::Num { value, digits, ordinal, glued: letters > 0 && !ordinal }
                }
            }
        } else if c.is_ascii_alphabetic() {
            let mut upper = 0;
            while let Some(&l) = b.get(i).filter(|l| l.is_ascii_alphabetic()) {
                upper += usize::from(l.is_ascii_uppercase());
                i += 1;
            }
            // Letters glued to non-ASCII letters ("Zelenskyy’s" is fine, "Ağrı" is one word).
            let mut foreign = false;
            if b.get(i).is_some_and(|x| !x.is_ascii()) {
                while let Some(ch) = text.get(i..).and_then(|r| r.chars().next()).filter(|ch| ch.is_alphabetic()) {
                    foreign = true;
                    i += ch.len_utf8();
                }
            }
            let word = &b[start..i];
            let case = if upper == 0 {
                Case::Lower
            } else if upper == word.len() && word.len() > 1 {
                Case::Upper
            } else if c.is_ascii_uppercase() {
                Case::Title
            } else {
                Case::Lower
            };
            Kind::Word { entry: if foreign { None } else { lex.get(word) }, case }
        } else if c.is_ascii() {
            i += 1;
            Kind::Punct(c as char)
        } else {
            let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else { break };
            i += ch.len_utf8();
            if ch.is_alphabetic() {
                while let Some(ch) = text.get(i..).and_then(|r| r.chars().next()).filter(|ch| ch.is_alphanumeric()) {
                    i += ch.len_utf8();
                }
                Kind::Word { entry: None, case: Case::Lower }
            } else {
                match fold_char(ch) {
                    None => continue,
                    Some(f) if f.is_whitespace() => {
                        space = true;
                        continue;
                    }
                    Some(f) => Kind::Punct(f),
                }
            }
        };
        out.push(Tok { start: base + start, end: base + i, kind, space_before: space });
        space = false;
    }
}

/// Token-level accessors used by the patterns, over the tokens and the body they index.
///
/// The third field caches [`Toks::title_cased`], which reads every token: a
/// long sentence with many title-cased deictics must not recount it each time.
pub(super) struct Toks<'t>(pub(super) &'t [Tok], pub(super) &'t str, OnceCell<bool>);

impl<'t> Toks<'t> {
    pub(super) fn new(toks: &'t [Tok], body: &'t str) -> Toks<'t> {
        Toks(toks, body, OnceCell::new())
    }
    pub(super) fn entry(&self, i: usize) -> Option<Entry> {
        match self.0.get(i)?.kind {
            Kind::Word { entry, .. } => entry,
            _ => None,
        }
    }
    pub(super) fn case(&self, i: usize) -> Option<Case> {
        match self.0.get(i)?.kind {
            Kind::Word { case, .. } => Some(case),
            _ => None,
        }
    }
    pub(super) fn kw(&self, i: usize) -> Option<Keyword> {
        self.entry(i)?.keyword
    }
    pub(super) fn is_kw(&self, i: usize, k: Keyword) -> bool {
        self.kw(i) == Some(k)
    }
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.0.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }
    /// A plain digit run (no ordinal or letter suffix): value and digit count.
    pub(super) fn plain_num(&self, i: usize) -> Option<(u32, u8)> {
        match self.0.get(i)?.kind {
            Kind::Num { value, digits, ordinal: false, glued: false } => Some((value, digits)),
            _ => None,
        }
    }
    /// Token `i` directly follows token `i - 1` (no space).
    pub(super) fn glued(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| !t.space_before) && i > 0
    }
    /// A capitalised month name at `i` (with its optional full stop): month and next index.
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.entry(i)?;
        if e.month == 0 || self.case(i)? == Case::Lower {
            return None;
        }
        let next = if e.abbr && self.is_punct(i + 1, '.') && self.glued(i + 1) { i + 2 } else { i + 1 };
        Some((u32::from(e.month), next))
    }
    /// A day of the month at `i`: "10", "10th", "tenth".
    pub(super) fn day(&self, i: usize) -> Option<u32> {
        let d = match self.0.get(i)?.kind {
            Kind::Num { value, digits: 1..=2, glued: false, .. } => value,
            Kind::Word { entry: Some(e), .. } if e.ordinal > 0 => u32::from(e.ordinal),
            _ => return None,
        };
        (1..=31).contains(&d).then_some(d)
    }
    /// A four-digit year at `i` (1000–2199) that nothing marks as a count or an amount.
    pub(super) fn year(&self, i: usize) -> Option<i32> {
        let (v, digits) = self.plain_num(i)?;
        if digits != 4 || !(1000..2200).contains(&v) {
            return None;
        }
        // "$2025", "#2025", "No. 2025" (the full stop is glued to "No"), "Su-2025".
        if i > 0 && self.glued(i) {
            match self.punct(i - 1) {
                Some('$' | '€' | '£' | '#' | '¥') => return None,
                // "Su-2025", "555-2025"; but "2016-2018" is a range and "mid-1996" a year.
                Some('-' | '/')
                    if i >= 2
                        && self.glued(i - 1)
                        && (self.case(i - 2).is_some() && !self.entry(i - 2).is_some_and(|e| e.year_prefix)
                            || self.plain_num(i - 2).is_some_and(|(_, d)| d != 4)) =>
                {
                    return None
                }
                _ => {}
            }
        }
        if self.is_punct(i + 1, '%') || self.entry(i + 1).is_some_and(|e| e.count_noun) {
            return None;
        }
        Some(v as i32)
    }
    pub(super) fn number(&self, i: usize) -> Option<u32> {
        match self.0.get(i)?.kind {
            Kind::Num { value, glued: false, ordinal: false, .. } => Some(value),
            Kind::Word { entry: Some(e), .. } if e.number > 0 => Some(u32::from(e.number)),
            _ => None,
        }
    }
    /// Most words are capitalised: a headline in title case ("Talks Resume This Week").
    pub(super) fn title_cased(&self) -> bool {
        *self.2.get_or_init(|| {
            let (mut title, mut lower) = (0, 0);
            for tok in self.0 {
                match tok.kind {
                    Kind::Word { case: Case::Lower, .. } => lower += 1,
                    Kind::Word { .. } => title += 1,
                    _ => {}
                }
            }
            title > lower
        })
    }
    /// "this year" (0), "last year" (-1), "next year" (1) at `i`.
    pub(super) fn year_deictic(&self, i: usize) -> Option<i32> {
        if self.entry(i + 1)?.unit != Some(Unit::Year) {
            return None;
        }
        match self.kw(i)? {
            Keyword::This => Some(0),
            Keyword::Last => Some(-1),
            Keyword::Next => Some(1),
            _ => None,
        }
    }
    /// A year said in words: "nineteen ninety-six", "two thousand", "two thousand and one".
    pub(super) fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        let hundreds = u32::from(self.entry(i)?.number);
        if hundreds == 2 && self.is_kw(i + 1, Keyword::Thousand) {
            let mut j = i + 2;
            if self.is_kw(j, Keyword::And) {
                j += 1;
            }
            return Some(match self.entry(j).map(|e| e.number).filter(|&n| n > 0 && n < 20) {
                Some(n) => (j + 1, 2000 + i32::from(n)),
                None => (i + 2, 2000),
            });
        }
        if !(10..=20).contains(&hundreds) {
            return None;
        }
        let tens = u32::from(self.entry(i + 1)?.number);
        if !(10..=90).contains(&tens) {
            return None;
        }
        let (j, units) = match (self.is_punct(i + 2, '-') && self.glued(i + 2), self.entry(i + 3).map(|e| e.number)) {
            (true, Some(u @ 1..=9)) if tens >= 20 => (i + 4, u32::from(u)),
            _ => (i + 2, 0),
        };
        Some((j, (hundreds * 100 + tens + units) as i32))
    }
    pub(super) fn part_of_day(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| e.part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        v
    }

    #[test]
    fn grouped_numbers_and_clock_times_are_not_plain_numbers() {
        let v = toks("2,022 people at 02:41 and 3.5");
        assert_eq!(v[0].kind, Kind::Figure);
        assert_eq!(v[3].kind, Kind::Clock);
        assert_eq!(v[5].kind, Kind::Figure);
    }

    #[test]
    fn curly_apostrophe_and_en_dash_fold_to_ascii() {
        let v = toks("Thursday\u{2019}s 2016\u{2013}2018");
        assert_eq!(v[1].kind, Kind::Punct('\''));
        assert_eq!(v[4].kind, Kind::Punct('-'));
        assert_eq!((v[4].start, v[4].end), (17, 20));
    }

    #[test]
    fn ordinal_suffix_and_glued_letters_are_flagged() {
        let v = toks("10th 1990s");
        assert!(matches!(v[0].kind, Kind::Num { value: 10, ordinal: true, .. }));
        assert!(matches!(v[1].kind, Kind::Num { value: 1990, glued: true, .. }));
    }
}
