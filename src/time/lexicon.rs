//! The time lexicon: month and weekday names, number words, units, deictic
//! and grammar keywords, tense cues and clause openers, loaded once from
//! `data/time/lexicon.tsv`.
//!
//! Lookup never allocates: a token is lower-cased into a stack buffer and
//! looked up in a hash map keyed by `&'static str` slices of the data file.
//! A per-first-letter bit mask of entry lengths rejects most words before
//! they are hashed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/time/lexicon.tsv");

/// Longest word the lexicon can hold; longer tokens are never looked up.
const MAX_LEN: usize = 24;

/// A duration unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// Grammar words the patterns look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    Last,
    Next,
    This,
    Coming,
    Previous,
    Past,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Ago,
    Between,
    From,
    To,
    Through,
    Until,
    And,
    In,
    On,
    Of,
    The,
    By,
    Since,
    During,
    Before,
    After,
    Fiscal,
    Few,
    Several,
    End,
    Beginning,
    Start,
    Around,
    At,
    For,
    As,
    Current,
    Thousand,
    Noon,
    Midnight,
    /// The `s` of a possessive `'s`.
    S,
}

/// A tense cue of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Future,
    Past,
    Present,
}

/// What a clause-opening word opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// since, until, before, after: the date bounds another event.
    Bound,
    /// which, who, that, when...: a subordinate clause.
    Sub,
}

/// Everything the lexicon knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Month 1–12, or 0.
    pub month: u8,
    /// Weekday 1 (Monday) – 7, or 0.
    pub weekday: u8,
    /// The word is an abbreviation (may be followed by a full stop).
    pub abbr: bool,
    /// Cardinal value, or 0.
    pub number: u8,
    /// Ordinal value, or 0.
    pub ordinal: u8,
    pub unit: Option<Unit>,
    pub keyword: Option<Keyword>,
    /// Part of day.
    pub part: bool,
    pub cue: Option<Cue>,
    /// Tense cue that needs a following "to"/"for".
    pub cue_to: Option<Cue>,
    /// Tense cue of a plan ("planned", "scheduled"), with or without "to".
    pub cue_plan: Option<Cue>,
    /// "soon"/"early" of "as soon as", "as early as".
    pub soon: bool,
    /// A prefix glued to a year with a hyphen: "mid-1996", "post-1959".
    pub year_prefix: bool,
    pub opener: Option<Opener>,
    pub count_noun: bool,
    pub not_weekday_before: bool,
    pub not_weekday_after: bool,
}

/// FxHash: the lexicon's keys are short ASCII words, where SipHash costs
/// more than the rest of the lookup.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) struct Lexicon {
    map: HashMap<&'static str, Entry, BuildHasherDefault<Fx>>,
    /// For each first letter a–z, bit `n` set when some entry has length `n`.
    lengths: [u32; 26],
}

fn parse_number(v: &str) -> u8 {
    v.parse().unwrap_or(0)
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut map: HashMap<&'static str, Entry, BuildHasherDefault<Fx>> = HashMap::default();
        let mut lengths = [0u32; 26];
        for line in DATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(cat)) = (cols.next(), cols.next()) else { continue };
            let value = cols.next().unwrap_or("");
            let e = map.entry(word).or_default();
            match cat {
                "month" => e.month = parse_number(value),
                "month_abbr" => {
                    e.month = parse_number(value);
                    e.abbr = true;
                }
                "weekday" => e.weekday = parse_number(value),
                "weekday_abbr" => {
                    e.weekday = parse_number(value);
                    e.abbr = true;
                }
                "number" => e.number = parse_number(value),
                "ordinal" => e.ordinal = parse_number(value),
                "unit" => e.unit = unit(value),
                "keyword" => e.keyword = keyword(value),
                "part" => e.part = true,
                "cue" => e.cue = cue(value),
                "cue_to" => e.cue_to = cue(value),
                "cue_plan" => e.cue_plan = cue(value),
                "soon" => e.soon = true,
                "year_prefix" => e.year_prefix = true,
                "clause" => e.opener = if value == "bound" { Some(Opener::Bound) } else { Some(Opener::Sub) },
                "count_noun" => e.count_noun = true,
                "not_weekday_before" => e.not_weekday_before = true,
                "not_weekday_after" => e.not_weekday_after = true,
                _ => {}
            }
            if let Some(&first) = word.as_bytes().first() {
                if first.is_ascii_lowercase() && word.len() <= MAX_LEN {
                    lengths[usize::from(first - b'a')] |= 1 << word.len();
                }
            }
        }
        Lexicon { map, lengths }
    }

    /// The entry for an ASCII word, compared case-insensitively.
    pub(crate) fn get(&self, word: &[u8]) -> Option<Entry> {
        let n = word.len();
        let first = word.first()?.to_ascii_lowercase();
        if n > MAX_LEN || !first.is_ascii_lowercase() || self.lengths[usize::from(first - b'a')] & (1 << n) == 0 {
            return None;
        }
        let mut buf = [0u8; MAX_LEN];
        let lower = buf.get_mut(..n)?;
        for (d, s) in lower.iter_mut().zip(word) {
            *d = s.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(lower).ok()?;
        self.map.get(key).copied()
    }
}

/// The lexicon, loaded on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

fn unit(v: &str) -> Option<Unit> {
    Some(match v {
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn cue(v: &str) -> Option<Cue> {
    Some(match v {
        "future" => Cue::Future,
        "past" => Cue::Past,
        "present" => Cue::Present,
        _ => return None,
    })
}

fn keyword(v: &str) -> Option<Keyword> {
    use Keyword::*;
    Some(match v {
        "today" => Today,
        "yesterday" => Yesterday,
        "tomorrow" => Tomorrow,
        "tonight" => Tonight,
        "overnight" => Overnight,
        "last" => Last,
        "next" => Next,
        "this" => This,
        "coming" => Coming,
        "previous" => Previous,
        "past" => Past,
        "earlier" => Earlier,
        "later" => Later,
        "early" => Early,
        "late" => Late,
        "mid" => Mid,
        "ago" => Ago,
        "between" => Between,
        "from" => From,
        "to" => To,
        "through" => Through,
        "until" => Until,
        "and" => And,
        "in" => In,
        "on" => On,
        "of" => Of,
        "the" => The,
        "by" => By,
        "since" => Since,
        "during" => During,
        "before" => Before,
        "after" => After,
        "fiscal" => Fiscal,
        "few" => Few,
        "several" => Several,
        "end" => End,
        "beginning" => Beginning,
        "start" => Start,
        "around" => Around,
        "at" => At,
        "for" => For,
        "as" => As,
        "current" => Current,
        "thousand" => Thousand,
        "noon" => Noon,
        "midnight" => Midnight,
        "s" => S,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_is_understood() {
        for line in DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "line {line:?} needs three columns");
            let ok = match cols[1] {
                "month" | "month_abbr" | "weekday" | "weekday_abbr" | "number" | "ordinal" => parse_number(cols[2]) > 0,
                "unit" => unit(cols[2]).is_some(),
                "keyword" => keyword(cols[2]).is_some(),
                "cue" | "cue_to" | "cue_plan" => cue(cols[2]).is_some(),
                "clause" => matches!(cols[2], "bound" | "sub"),
                "part" | "soon" | "year_prefix" | "count_noun" | "not_weekday_before" | "not_weekday_after" => true,
                _ => false,
            };
            assert!(ok, "line {line:?} has an unknown category or value");
        }
    }

    #[test]
    fn lookup_is_case_insensitive_and_merges_lines() {
        let lex = lexicon();
        assert_eq!(lex.get(b"FEBRUARY").map(|e| e.month), Some(2));
        let may = lex.get(b"May").unwrap();
        assert_eq!(may.month, 5);
        let times = lex.get(b"times").unwrap();
        assert!(times.count_noun && times.not_weekday_after);
        assert_eq!(lex.get(b"Moscow"), None);
        assert_eq!(lex.get(b""), None);
    }
}
