//! The time lexicon: month and weekday names, number words, units, deictic
//! and grammar keywords, tense cues and clause openers, loaded once from
//! `data/time/lexicon.tsv`.
//!
//! Lookup never allocates: a word's lower-cased bytes are packed into a
//! `u128` (one copy and one OR), and that key is looked up in a
//! small open-addressing table (no string comparison, no UTF-8 check). A
//! per-first-letter bit mask of entry lengths rejects most words before they
//! are hashed. Lexicon words are at most 16 bytes long.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{data_lines, data_rows};

const DATA: &str = include_str!("../../data/time/lexicon.tsv");
const HOLIDAYS: &str = include_str!("../../data/time/holidays.tsv");

/// A holiday: its name as written (lowercase) and how to find its date in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Holiday {
    pub name: &'static str,
    pub month: u32,
    pub day: u32,
    /// 0: on month-day; 1–7: the first such weekday on or after it.
    pub weekday: u8,
}

/// Longest word the lexicon can hold; longer tokens are never looked up.
const MAX_LEN: usize = 16;

/// Pack lower-cased ASCII byte `b` at position `n` (< [`MAX_LEN`]) of a key.
fn pack(key: u128, n: usize, b: u8) -> u128 {
    key | u128::from(b.to_ascii_lowercase()) << (8 * n)
}

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
    Full,
    A,
    Noon,
    Midnight,
    /// The `s` of a possessive `'s`.
    S,
}

impl Keyword {
    /// A preposition that puts a date after it: in, since, by, until, from, through, during, before, after.
    pub(crate) fn is_preposition(self) -> bool {
        use Keyword::*;
        matches!(self, In | Since | By | Until | From | Through | During | Before | After)
    }
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
    /// The first word of a holiday's name ("Thanksgiving", "New").
    pub holiday_head: bool,
    pub opener: Option<Opener>,
    pub count_noun: bool,
    pub not_weekday_before: bool,
    pub not_weekday_after: bool,
}

pub(crate) struct Lexicon {
    /// Holidays, longest names first so that the first match is the longest.
    pub holidays: Vec<Holiday>,
    /// Open addressing, power-of-two size; key 0 marks an empty slot.
    table: Vec<(u128, Entry)>,
    /// For each first letter a–z, bit `n` set when some entry has length `n`.
    lengths: [u32; 26],
}

#[inline]
fn slot(key: u128, mask: usize) -> usize {
    let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize & mask
}

fn parse_number(v: &str) -> u8 {
    v.parse().unwrap_or(0)
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut map: HashMap<&'static str, Entry> = HashMap::new();
        let mut lengths = [0u32; 26];
        for (_, line) in data_lines(DATA) {
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
        }
        let mut holidays = Vec::new();
        for (_, cols) in data_rows(HOLIDAYS) {
            if let [name, month, day, weekday] = cols[..] {
                let h = Holiday {
                    name,
                    month: month.parse().unwrap_or(0),
                    day: day.parse().unwrap_or(0),
                    weekday: weekday.parse().unwrap_or(0),
                };
                if let Some(head) = name.split([' ', '\'']).next() {
                    map.entry(head).or_default().holiday_head = true;
                }
                holidays.push(h);
            }
        }
        holidays.sort_by_key(|h| std::cmp::Reverse(h.name.len()));
        let size = (map.len() * 4).next_power_of_two();
        let mut table = vec![(0u128, Entry::default()); size];
        for (word, entry) in map {
            let bytes = word.as_bytes();
            let Some(&first) = bytes.first().filter(|f| f.is_ascii_lowercase()) else { continue };
            if bytes.len() > MAX_LEN || !word.is_ascii() {
                continue;
            }
            lengths[usize::from(first - b'a')] |= 1 << bytes.len();
            let key = bytes.iter().enumerate().fold(0, |k, (n, &b)| pack(k, n, b));
            let mut i = slot(key, size - 1);
            while table[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table[i] = (key, entry);
        }
        Lexicon { holidays, table, lengths }
    }

    /// The entry for a key packed with [`pack`].
    #[inline]
    fn get_packed(&self, key: u128) -> Option<Entry> {
        let mask = self.table.len() - 1;
        let mut i = slot(key, mask);
        loop {
            let (k, e) = self.table[i];
            if k == key {
                return Some(e);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry for a word of ASCII letters, compared case-insensitively.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<Entry> {
        let len = word.len();
        let first = word.first()?.to_ascii_lowercase();
        if len > MAX_LEN || !first.is_ascii_lowercase() || self.lengths[usize::from(first - b'a')] & (1 << len) == 0 {
            return None;
        }
        let mut buf = [0u8; MAX_LEN];
        buf.get_mut(..len)?.copy_from_slice(word);
        // Setting bit 5 of each letter lower-cases ASCII letters (and only letters reach here).
        let key = u128::from_le_bytes(buf) | (LOWER_BITS & (u128::MAX >> (8 * (MAX_LEN - len))));
        self.get_packed(key)
    }
}

const LOWER_BITS: u128 = 0x2020_2020_2020_2020_2020_2020_2020_2020;

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
        "full" => Full,
        "a" => A,
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
        for (_, line) in data_lines(DATA) {
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
    fn every_holiday_line_is_understood() {
        let lex = lexicon();
        let n = data_lines(HOLIDAYS).count();
        assert_eq!(lex.holidays.len(), n);
        for h in &lex.holidays {
            assert!((1..=12).contains(&h.month) && (1..=31).contains(&h.day) && h.weekday <= 7, "{h:?}");
            assert!(lex.get(h.name.split([' ', '\'']).next().unwrap().as_bytes()).unwrap().holiday_head, "{h:?}");
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
