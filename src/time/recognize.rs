//! Recognition: a small tokenizer and a pattern matcher over its tokens.
//!
//! The tokenizer splits a sentence into words, digit runs and punctuation
//! with byte offsets into the body, folds typographic variants with
//! [`fold_char`](crate::text::normalize::fold_char) (so `’s` and `2016–2018`
//! read like `'s` and `2016-2018`), and tags each word with its lexicon
//! [`Entry`]. Numbers that cannot be years are told apart here: grouped
//! figures (`2,022`, `3.5`), clock times (`02:41`) and numbers glued to
//! letters (`1990s`, `Su-35`).
//!
//! The matcher tries, at each token, the patterns in order of length (the
//! longest reading of a date wins) and yields [`Candidate`]s: what the text
//! says, not yet what date it means. [`super::resolve`] turns them into
//! values against the reference date and the clause's tense.

use super::lexicon::{lexicon, Cue, Entry, Keyword, Opener, Unit};
use crate::text::normalize::fold_char;

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

/// A date as the text gives it: any of year, month, day may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Partial {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// "last November" / "next April" / "this September".
    pub shift: Shift,
    /// "June last year" (-1), "April next year" (1), "October this year" (0): the year
    /// relative to the reference's.
    pub year_offset: Option<i32>,
    /// For holidays such as Thanksgiving: the date is the first such weekday
    /// (1 = Monday) on or after `month`-`day`.
    pub weekday_from: Option<u8>,
}

/// A modifier that picks which occurrence of a month or weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Shift {
    /// No modifier: the clause's tense decides.
    #[default]
    None,
    /// "last", "previous": strictly before the reference.
    Last,
    /// "next", "coming": strictly after the reference.
    Next,
    /// "this": in the reference's week or year.
    This,
}

/// What a recognised expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// A (possibly partial) calendar date: "April 10, 2025", "Feb. 27", "February 2025", "in May", "2022".
    Date(Partial),
    /// A range between two calendar dates: "between 2016 and 2018", "from February to April".
    Range(Partial, Partial),
    /// A weekday (1 = Monday), with its modifier.
    Weekday(u8, Shift),
    /// today (0), yesterday (-1), tomorrow (1) and parts of day: a day offset from the reference.
    DayOffset(i32, DayRule),
    /// this/last/next week, month, year: the unit and its offset from the reference's.
    Calendar(Unit, i32),
    /// "three days ago": how many units back (`None`: "a few", "several").
    Ago(Option<u32>, Unit),
}

/// How a day offset was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRule {
    /// today, yesterday, tomorrow.
    Deictic,
    /// overnight, tonight, this morning, last night.
    PartOfDay,
}

/// A recognised expression: token range `first..last` (exclusive) and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub first: usize,
    pub last: usize,
    pub meaning: Meaning,
}

/// Token-level accessors used by the patterns, over the tokens and the body they index.
struct Toks<'t>(&'t [Tok], &'t str);

impl Toks<'_> {
    fn entry(&self, i: usize) -> Option<Entry> {
        match self.0.get(i)?.kind {
            Kind::Word { entry, .. } => entry,
            _ => None,
        }
    }
    fn case(&self, i: usize) -> Option<Case> {
        match self.0.get(i)?.kind {
            Kind::Word { case, .. } => Some(case),
            _ => None,
        }
    }
    fn kw(&self, i: usize) -> Option<Keyword> {
        self.entry(i)?.keyword
    }
    fn is_kw(&self, i: usize, k: Keyword) -> bool {
        self.kw(i) == Some(k)
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.0.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }
    /// A plain digit run (no ordinal or letter suffix): value and digit count.
    fn plain_num(&self, i: usize) -> Option<(u32, u8)> {
        match self.0.get(i)?.kind {
            Kind::Num { value, digits, ordinal: false, glued: false } => Some((value, digits)),
            _ => None,
        }
    }
    /// Token `i` directly follows token `i - 1` (no space).
    fn glued(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| !t.space_before) && i > 0
    }
    /// A capitalised month name at `i` (with its optional full stop): month and next index.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.entry(i)?;
        if e.month == 0 || self.case(i)? == Case::Lower {
            return None;
        }
        let next = if e.abbr && self.is_punct(i + 1, '.') && self.glued(i + 1) { i + 2 } else { i + 1 };
        Some((u32::from(e.month), next))
    }
    /// A day of the month at `i`: "10", "10th", "tenth".
    fn day(&self, i: usize) -> Option<u32> {
        let d = match self.0.get(i)?.kind {
            Kind::Num { value, digits: 1..=2, glued: false, .. } => value,
            Kind::Word { entry: Some(e), .. } if e.ordinal > 0 => u32::from(e.ordinal),
            _ => return None,
        };
        (1..=31).contains(&d).then_some(d)
    }
    /// A four-digit year at `i` (1000–2199) that nothing marks as a count or an amount.
    fn year(&self, i: usize) -> Option<i32> {
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
    fn number(&self, i: usize) -> Option<u32> {
        match self.0.get(i)?.kind {
            Kind::Num { value, glued: false, ordinal: false, .. } => Some(value),
            Kind::Word { entry: Some(e), .. } if e.number > 0 => Some(u32::from(e.number)),
            _ => None,
        }
    }
    /// Most words are capitalised: a headline in title case ("Talks Resume This Week").
    fn title_cased(&self) -> bool {
        let (mut title, mut lower) = (0, 0);
        for tok in self.0 {
            match tok.kind {
                Kind::Word { case: Case::Lower, .. } => lower += 1,
                Kind::Word { .. } => title += 1,
                _ => {}
            }
        }
        title > lower
    }
    /// "this year" (0), "last year" (-1), "next year" (1) at `i`.
    fn year_deictic(&self, i: usize) -> Option<i32> {
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
    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
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
    fn part_of_day(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| e.part)
    }
}

/// Whether a month name standing alone at `i` is a date ("in May", "since March")
/// rather than the modal verb, the verb "march" or a surname ("Theresa May").
fn month_alone_is_date(t: &Toks, i: usize) -> bool {
    // "Jan Kavan": an abbreviation stands for a month only with its full stop.
    if i == 0 || t.entry(i).is_some_and(|e| e.abbr) && !t.is_punct(i + 1, '.') {
        return false;
    }
    t.kw(i - 1).is_some_and(|k| {
        k.is_preposition()
            || matches!(
                k,
                Keyword::Early
                    | Keyword::Late
                    | Keyword::Mid
                    | Keyword::Last
                    | Keyword::Next
                    | Keyword::This
                    | Keyword::Previous
                    | Keyword::Of
                    | Keyword::Between
                    | Keyword::And
                    | Keyword::To
                    | Keyword::Around
                    | Keyword::Coming
                    | Keyword::For
            )
    }) || t.is_punct(i - 1, '-')
        && matches!(t.kw(i.wrapping_sub(2)), Some(Keyword::Mid | Keyword::Early | Keyword::Late))
        // "the October slaying", "a June agreement": a month naming a noun's time.
        || matches!(t.kw(i - 1), Some(Keyword::The | Keyword::A)) && t.case(i + 1) == Some(Case::Lower)
}

/// Full and partial calendar dates starting at `i`, without ranges.
fn calendar(t: &Toks, i: usize) -> Option<(usize, Partial)> {
    // ISO 2025-04-10, ISO month 2025-04, compact 20250410, numeric 4/10/2025 and 11/02/89.
    if let Some((v, digits)) = t.plain_num(i) {
        if digits == 4 && t.is_punct(i + 1, '-') && t.glued(i + 1) && t.glued(i + 2) {
            if let Some((m, 2)) = t.plain_num(i + 2) {
                if t.is_punct(i + 3, '-') && t.glued(i + 3) && t.glued(i + 4) {
                    if let Some((d, 2)) = t.plain_num(i + 4) {
                        return Some((
                            i + 5,
                            Partial { year: Some(v as i32), month: Some(m), day: Some(d), ..Partial::default() },
                        ));
                    }
                }
                // "2016-18" is a range of years, handled by the range pattern.
                if (1..=12).contains(&m) && m <= v % 100 {
                    return Some((i + 3, Partial { year: Some(v as i32), month: Some(m), ..Partial::default() }));
                }
            }
        }
        if digits == 8 {
            let (y, m, d) = (v / 10_000, v / 100 % 100, v % 100);
            if (1900..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((
                    i + 1,
                    Partial { year: Some(y as i32), month: Some(m), day: Some(d), ..Partial::default() },
                ));
            }
        }
        if digits <= 2 && t.is_punct(i + 1, '/') && t.glued(i + 1) && t.glued(i + 2) {
            if let Some((b, 1..=2)) = t.plain_num(i + 2) {
                if t.is_punct(i + 3, '/') && t.glued(i + 3) && t.glued(i + 4) {
                    if let Some((y, yd @ (2 | 4))) = t.plain_num(i + 4) {
                        let y = if yd == 4 {
                            y as i32
                        } else if y < 50 {
                            2000 + y as i32
                        } else {
                            1900 + y as i32
                        };
                        // US order first; day-first when the first number cannot be a month.
                        let (m, d) = if v <= 12 { (v, b) } else { (b, v) };
                        return Some((
                            i + 5,
                            Partial { year: Some(y), month: Some(m), day: Some(d), ..Partial::default() },
                        ));
                    }
                }
            }
        }
    }
    // Month first: "April 10, 2025", "Feb. 27", "February 2025", "March of 2023", "May".
    if let Some((m, j)) = t.month(i) {
        if let Some(d) = t.day(j) {
            // "May 10" but not "May 10,000" (a figure is not a day) nor "May 2 percent".
            if !t.entry(j + 1).is_some_and(|e| e.count_noun) {
                let mut k = j + 1;
                if t.is_punct(k, ',') {
                    k += 1;
                }
                if let Some(y) = t.year(k) {
                    return Some((
                        k + 1,
                        Partial { year: Some(y), month: Some(m), day: Some(d), ..Partial::default() },
                    ));
                }
                if let Some(off) = t.year_deictic(j + 1) {
                    let p = Partial { month: Some(m), day: Some(d), year_offset: Some(off), ..Partial::default() };
                    return Some((j + 3, p));
                }
                return Some((j + 1, Partial { month: Some(m), day: Some(d), ..Partial::default() }));
            }
        }
        let k = if t.is_punct(j, ',') || t.is_kw(j, Keyword::Of) { j + 1 } else { j };
        if let Some(y) = t.year(k) {
            return Some((k + 1, Partial { year: Some(y), month: Some(m), ..Partial::default() }));
        }
        if let Some((end, y)) = t.spoken_year(k) {
            return Some((end, Partial { year: Some(y), month: Some(m), ..Partial::default() }));
        }
        if let Some(off) = t.year_deictic(j) {
            return Some((j + 2, Partial { month: Some(m), year_offset: Some(off), ..Partial::default() }));
        }
        if month_alone_is_date(t, i) {
            return Some((j, Partial { month: Some(m), ..Partial::default() }));
        }
        return None;
    }
    // Day first: "10 April 2025", "10th April", "the tenth of April".
    if let Some(d) = t.day(i) {
        let j = if t.is_kw(i + 1, Keyword::Of) { i + 2 } else { i + 1 };
        if let Some((m, k)) = t.month(j) {
            let mut y_at = k;
            if t.is_punct(y_at, ',') {
                y_at += 1;
            }
            if let Some(y) = t.year(y_at) {
                return Some((y_at + 1, Partial { year: Some(y), month: Some(m), day: Some(d), ..Partial::default() }));
            }
            return Some((k, Partial { month: Some(m), day: Some(d), ..Partial::default() }));
        }
        return None;
    }
    if let Some((end, y)) = t.spoken_year(i) {
        return Some((end, Partial { year: Some(y), ..Partial::default() }));
    }
    // A bare year; far from the present only after a preposition ("in 1066"), so that
    // "flight 1234" stays a number.
    let y = t.year(i)?;
    let after_preposition = i > 0 && t.kw(i - 1).is_some_and(Keyword::is_preposition);
    ((1600..=2100).contains(&y) || after_preposition)
        .then_some((i + 1, Partial { year: Some(y), ..Partial::default() }))
}

/// A calendar date, or a range of two: "between 2016 and 2018", "from February to April",
/// "2016-2018", "2016-18", "April 10-11".
fn calendar_or_range(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    let opener = t.kw(i);
    let from = matches!(opener, Some(Keyword::Between | Keyword::From));
    let a_at = if from { i + 1 } else { i };
    let (j, a) = calendar(t, a_at)?;
    let first = if from { i } else { a_at };
    let joiner = t.kw(j);
    let dash = t.is_punct(j, '-') || t.is_punct(j, '/') && a.month.is_none() && t.glued(j);
    let joined = match opener {
        Some(Keyword::Between) => joiner == Some(Keyword::And),
        Some(Keyword::From) => matches!(joiner, Some(Keyword::To | Keyword::Through | Keyword::Until)) || dash,
        _ => dash || matches!(joiner, Some(Keyword::Through)) || joiner == Some(Keyword::To) && a.day.is_none(),
    };
    if joined {
        // "April 10-11": a day after a month-day.
        if let (Some(_), Some(d2)) = (a.day, t.day(j + 1)) {
            if t.month(j + 1).is_none() && !t.entry(j + 2).is_some_and(|e| e.count_noun) {
                let mut k = j + 2;
                if t.is_punct(k, ',') {
                    k += 1;
                }
                let (last, year) = match t.year(k) {
                    Some(y) => (k + 1, Some(y)),
                    None => (j + 2, a.year),
                };
                let a = Partial { year: year.or(a.year), ..a };
                let b = Partial { day: Some(d2), ..a };
                return Some((first, last, Meaning::Range(a, b)));
            }
        }
        // "2016-18".
        if let (Some(y), None, Some((v, 2))) = (a.year, a.month, t.plain_num(j + 1)) {
            if dash && t.glued(j + 1) {
                let y2 = y - y.rem_euclid(100) + v as i32;
                if y2 > y {
                    return Some((first, j + 2, Meaning::Range(a, Partial { year: Some(y2), ..a })));
                }
            }
        }
        if let Some((k, b)) = calendar(t, j + 1) {
            let same_kind = a.month.is_some() == b.month.is_some() || a.day.is_some() && b.day.is_some();
            if same_kind {
                // "February 27 to March 3, 2025": the year written once serves both ends.
                let a = Partial { year: a.year.or(b.year), ..a };
                let b = Partial { year: b.year.or(a.year), ..b };
                return Some((first, k, Meaning::Range(a, b)));
            }
        }
    }
    // Not a range: the date alone, without a "from"/"between" before it.
    Some((a_at, j, Meaning::Date(a)))
}

/// The modifier at `i` that picks an occurrence ("last", "previous", "past", "next",
/// "coming", "this", "this coming") and the index after it.
fn shift_at(t: &Toks, i: usize) -> (Shift, usize) {
    match t.kw(i) {
        Some(Keyword::Last | Keyword::Previous | Keyword::Past) => (Shift::Last, i + 1),
        Some(Keyword::Next | Keyword::Coming) => (Shift::Next, i + 1),
        Some(Keyword::This) if t.is_kw(i + 1, Keyword::Coming) => (Shift::Next, i + 2),
        Some(Keyword::This) => (Shift::This, i + 1),
        _ => (Shift::None, i),
    }
}

/// A weekday at `i` with its modifiers and part of day: "last Friday", "Saturday evening".
fn weekday(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    let (shift, at) = shift_at(t, i);
    let e = t.entry(at)?;
    if e.weekday == 0 || t.case(at)? == Case::Lower {
        return None;
    }
    if at > 0 && t.entry(at - 1).is_some_and(|p| p.not_weekday_before) && t.case(at - 1) != Some(Case::Lower) {
        return None;
    }
    if t.entry(at + 1).is_some_and(|n| n.not_weekday_after) && t.case(at + 1) != Some(Case::Lower) {
        return None;
    }
    let mut end = if e.abbr && t.is_punct(at + 1, '.') { at + 2 } else { at + 1 };
    // "Friday, Oct. 27" / "Thursday, April 10, 2025": the calendar date wins.
    let k = if t.is_punct(end, ',') { end + 1 } else { end };
    if let Some((last, p)) = calendar(t, k) {
        if p.month.is_some() && p.day.is_some() {
            return Some((i, last, Meaning::Date(p)));
        }
    }
    if t.part_of_day(end) {
        end += 1;
    }
    Some((i, end, Meaning::Weekday(e.weekday, shift)))
}

/// Deictic expressions: today, yesterday, tonight, overnight, last night, this morning,
/// this/last/next week|month|year, earlier this month, later this year, early next year.
fn deictic(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    // A leading "earlier", "late", "mid" and the like is part of the expression's text.
    let at = match t.kw(i) {
        Some(Keyword::Earlier | Keyword::Later | Keyword::Early | Keyword::Late)
            if matches!(
                t.kw(i + 1),
                Some(
                    Keyword::This
                        | Keyword::Last
                        | Keyword::Next
                        | Keyword::Today
                        | Keyword::Yesterday
                        | Keyword::Tomorrow
                )
            ) =>
        {
            i + 1
        }
        _ => i,
    };
    let with_part = |end: usize| if t.part_of_day(end) { end + 1 } else { end };
    let calendar_unit = |k: usize| t.entry(k)?.unit.filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year));
    match t.kw(at)? {
        // "today's youth", "today's world": the possessive is generic ("nowadays'").
        Keyword::Today if t.is_punct(at + 1, '\'') && t.is_kw(at + 2, Keyword::S) => None,
        Keyword::Today => Some((i, with_part(at + 1), Meaning::DayOffset(0, DayRule::Deictic))),
        // "earlier in the year", "later in the month".
        Keyword::Earlier | Keyword::Later if t.is_kw(at + 1, Keyword::In) && t.is_kw(at + 2, Keyword::The) => {
            let unit = calendar_unit(at + 3)?;
            Some((i, at + 4, Meaning::Calendar(unit, 0)))
        }
        // "the current year", "the current fiscal year", "the end of the year", "the end of this month".
        Keyword::The => {
            let mut k = at + 1;
            match t.kw(k) {
                Some(Keyword::Current) => {
                    k += 1;
                    if t.is_kw(k, Keyword::Fiscal) {
                        k += 1;
                    }
                }
                Some(Keyword::End | Keyword::Beginning | Keyword::Start)
                    if t.is_kw(k + 1, Keyword::Of) && matches!(t.kw(k + 2), Some(Keyword::The | Keyword::This)) =>
                {
                    k += 3;
                }
                // "for the full year", "in the fiscal year": the reference's year in results reporting.
                Some(Keyword::Full | Keyword::Fiscal) if t.entry(k + 1)?.unit == Some(Unit::Year) => k += 1,
                // "for the year", "during the year": only after a preposition, and not "the year before".
                _ if t.entry(k)?.unit == Some(Unit::Year)
                    && at > 0
                    && matches!(
                        t.kw(at - 1),
                        Some(Keyword::For | Keyword::In | Keyword::During | Keyword::Through)
                    )
                    && !matches!(
                        t.kw(k + 1),
                        Some(Keyword::Before | Keyword::After | Keyword::Earlier | Keyword::Ago)
                    ) => {}
                _ => return None,
            }
            let unit = calendar_unit(k)?;
            Some((i, k + 1, Meaning::Calendar(unit, 0)))
        }
        Keyword::Yesterday => Some((i, with_part(at + 1), Meaning::DayOffset(-1, DayRule::Deictic))),
        Keyword::Tomorrow => Some((i, with_part(at + 1), Meaning::DayOffset(1, DayRule::Deictic))),
        Keyword::Tonight => Some((i, at + 1, Meaning::DayOffset(0, DayRule::PartOfDay))),
        Keyword::Overnight => {
            // "an overnight attack" is as much the night before as "overnight" alone.
            Some((i, at + 1, Meaning::DayOffset(0, DayRule::PartOfDay)))
        }
        kw @ (Keyword::This | Keyword::Last | Keyword::Next | Keyword::Past | Keyword::Coming | Keyword::Previous) => {
            let e = t.entry(at + 1)?;
            if e.part {
                let off = match kw {
                    Keyword::Last => -1,
                    Keyword::This => 0,
                    _ => return None,
                };
                return Some((i, at + 2, Meaning::DayOffset(off, DayRule::PartOfDay)));
            }
            let unit = e.unit?;
            let off = match kw {
                Keyword::This => 0,
                Keyword::Last | Keyword::Previous | Keyword::Past => -1,
                _ => 1,
            };
            // "the past year", "the coming month": only with the article, and not "the past two years".
            if matches!(kw, Keyword::Past | Keyword::Coming | Keyword::Previous)
                && !(at > 0 && t.is_kw(at - 1, Keyword::The))
            {
                return None;
            }
            // "on ABC's This Week": a title-cased deictic inside a sentence is a name.
            if at == i
                && i > 0
                && !t.ends_sentence(i - 1)
                && t.case(at) == Some(Case::Title)
                && t.case(at + 1) == Some(Case::Title)
                && !t.title_cased()
            {
                return None;
            }
            let first = if matches!(kw, Keyword::Past | Keyword::Coming | Keyword::Previous) { at - 1 } else { i };
            match unit {
                Unit::Week | Unit::Weekend | Unit::Month | Unit::Year => {
                    Some((first.min(i), at + 2, Meaning::Calendar(unit, off)))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// "earlier in February", "in early March", "mid-November", "late November", "last April".
fn month_modified(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    let (shift, at) = match t.kw(i)? {
        Keyword::Last | Keyword::Previous | Keyword::Next | Keyword::Coming | Keyword::This => shift_at(t, i),
        Keyword::Earlier | Keyword::Later if t.is_kw(i + 1, Keyword::In) => (Shift::None, i + 2),
        Keyword::Early | Keyword::Late | Keyword::Mid if t.is_punct(i + 1, '-') => (Shift::None, i + 2),
        Keyword::Early | Keyword::Late => (Shift::None, i + 1),
        _ => return None,
    };
    let (m, j) = t.month(at)?;
    // "last April 10" is a month-day; let the calendar pattern take it.
    if t.day(j).is_some() {
        return None;
    }
    let k = if t.is_punct(j, ',') || t.is_kw(j, Keyword::Of) { j + 1 } else { j };
    if let Some(y) = t.year(k) {
        return Some((i, k + 1, Meaning::Date(Partial { year: Some(y), month: Some(m), ..Partial::default() })));
    }
    if let Some(off) = t.year_deictic(j) {
        return Some((
            i,
            j + 2,
            Meaning::Date(Partial { month: Some(m), year_offset: Some(off), ..Partial::default() }),
        ));
    }
    Some((i, j, Meaning::Date(Partial { month: Some(m), shift, ..Partial::default() })))
}

/// A holiday at `i`, with an optional "last"/"next"/"this": "Thanksgiving Day", "last Christmas".
fn holiday(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    let (shift, at) = shift_at(t, i);
    if !t.entry(at)?.holiday_head || t.case(at)? == Case::Lower {
        return None;
    }
    // The name as written, lower-cased with typographic apostrophes folded, up to five tokens.
    let mut name = String::new();
    let mut best = None;
    for k in at..(at + 5).min(t.0.len()) {
        let tok = t.0[k];
        if k > at && tok.space_before {
            name.push(' ');
        }
        match tok.kind {
            Kind::Word { .. } => name.extend(t.1.get(tok.start..tok.end)?.chars().map(|c| c.to_ascii_lowercase())),
            Kind::Punct('\'') => name.push('\''),
            _ => break,
        }
        if let Some(h) = lexicon().holidays.iter().find(|h| h.name == name) {
            best = Some((k + 1, *h));
        }
    }
    let (end, h) = best?;
    let p = Partial {
        month: Some(h.month),
        day: Some(h.day),
        shift,
        weekday_from: (h.weekday > 0).then_some(h.weekday),
        ..Partial::default()
    };
    Some((i, end, Meaning::Date(p)))
}

/// "33 minutes ago", "three days ago", "a year ago", "a year earlier", "a few weeks ago".
fn ago(t: &Toks, i: usize) -> Option<(usize, usize, Meaning)> {
    let (n, at) = if let Some(n) = t.number(i) {
        if matches!(t.kw(i + 1), Some(Keyword::Few)) {
            (None, i + 2)
        } else {
            (Some(n), i + 1)
        }
    } else if t.is_kw(i, Keyword::Several) {
        (None, i + 1)
    } else {
        return None;
    };
    let unit = t.entry(at)?.unit?;
    let back = match t.kw(at + 1) {
        Some(Keyword::Ago) => true,
        // "a year earlier" is relative to the reference in news convention; "two days earlier" is not.
        Some(Keyword::Earlier) => matches!(unit, Unit::Year) && n == Some(1),
        _ => false,
    };
    back.then_some((i, at + 2, Meaning::Ago(n, unit)))
}

/// Every expression in a sentence's tokens, left to right, longest first at each token.
pub(crate) fn candidates(toks: &[Tok], body: &str, out: &mut Vec<Candidate>) {
    let t = Toks(toks, body);
    let mut i = 0;
    while i < toks.len() {
        // Cheap filter: only words with a lexicon entry and numbers can start an expression.
        let starts = matches!(toks[i].kind, Kind::Word { entry: Some(_), .. } | Kind::Num { .. });
        if !starts {
            i += 1;
            continue;
        }
        let found = deictic(&t, i)
            .or_else(|| ago(&t, i))
            .or_else(|| weekday(&t, i))
            .or_else(|| month_modified(&t, i))
            .or_else(|| holiday(&t, i))
            .or_else(|| calendar_or_range(&t, i));
        match found {
            Some((first, last, meaning)) if last > first => {
                out.push(Candidate { first, last, meaning });
                i = last;
            }
            _ => i += 1,
        }
    }
}

/// The tense of the clause around tokens `first..last`: the nearest tense cue in the
/// clause, else in the sentence (see the module docs of `time`).
///
/// The flag says the cue is firm: a verb within two words of the expression.
pub(crate) fn tense(toks: &[Tok], body: &str, first: usize, last: usize) -> Option<(Cue, bool)> {
    let t = Toks(toks, body);
    if as_soon_as(&t, first) {
        return Some((Cue::Future, true));
    }
    // "since January": the start of a state that holds now, so it lies in the past.
    if first > 0 && t.is_kw(first - 1, Keyword::Since) {
        return Some((Cue::Past, true));
    }
    let (ss, se) = bounds(&t, first, last, |i| t.ends_sentence(i));
    let (cs, ce) = bounds(&t, first, last, |i| t.ends_sentence(i) || t.ends_clause(i));
    find_cue(&t, body, first, last, cs.max(ss), ce.min(se)).or_else(|| find_cue(&t, body, first, last, ss, se))
}

impl Toks<'_> {
    /// Token `i` ends a sentence: "?", "!", or a full stop before a capitalised word
    /// (sections not yet split into sentences still get sentence-sized tense scopes).
    fn ends_sentence(&self, i: usize) -> bool {
        match self.punct(i) {
            Some('?' | '!') => true,
            // Not after an initial or a short title ("Daniel P. Davison", "Mr. Davison").
            Some('.') => {
                self.0.get(i + 1).is_some_and(|n| n.space_before)
                    && matches!(self.case(i + 1), Some(Case::Title | Case::Upper))
                    && !self.entry(i.wrapping_sub(1)).is_some_and(|e| e.abbr)
                    && !(i > 0
                        && self.case(i - 1).is_some_and(|c| c != Case::Lower)
                        && self.0[i - 1].end - self.0[i - 1].start <= 3)
            }
            _ => false,
        }
    }
    /// Token `i` ends a clause: commas, semicolons, colons, brackets and quotes
    /// (including the `` and '' of old newswire).
    fn ends_clause(&self, i: usize) -> bool {
        match self.punct(i) {
            Some(',' | ';' | ':' | '"' | '(' | ')') => true,
            Some('\'') => self.is_punct(i + 1, '\'') || i > 0 && self.is_punct(i - 1, '\''),
            _ => false,
        }
    }
}

/// The tokens around `first..last` up to the nearest boundary on each side.
fn bounds(t: &Toks, first: usize, last: usize, boundary: impl Fn(usize) -> bool) -> (usize, usize) {
    let mut s = first;
    while s > 0 && !boundary(s - 1) {
        s -= 1;
    }
    let mut e = last;
    while e < t.0.len() && !boundary(e) {
        e += 1;
    }
    (s, e)
}

/// The clause around `first..last` (for attachment).
fn clause_bounds(t: &Toks, first: usize, last: usize) -> (usize, usize) {
    bounds(t, first, last, |i| t.ends_sentence(i) || t.ends_clause(i))
}

/// The cue of token `i` and its strength (2; `find_cue` raises it to 3 when firm):
/// a lexicon cue or a generic past "-ed" form.
fn cue_at(t: &Toks, body: &str, i: usize) -> Option<(Cue, u8)> {
    let tok = t.0.get(i)?;
    let Kind::Word { entry, case } = tok.kind else { return None };
    if let Some(e) = entry {
        let to_follows = matches!(t.kw(i + 1), Some(Keyword::To | Keyword::For));
        let plan = e.cue_plan.or(e.cue_to.filter(|_| to_follows));
        if let Some(c) = plan {
            // "was scheduled to", "had been due to": a plan that lies in the past.
            let past_aux = (i.saturating_sub(2)..i).any(|j| t.entry(j).is_some_and(|p| p.cue == Some(Cue::Past)));
            return Some((if past_aux { Cue::Past } else { c }, 2));
        }
        if e.cue_to.is_some() {
            return None;
        }
        // "is to resume trading", "are to meet": a scheduled future.
        if e.cue == Some(Cue::Present) && t.is_kw(i + 1, Keyword::To) {
            return Some((Cue::Future, 2));
        }
        return e.cue.map(|c| (c, 2));
    }
    let w = body.get(tok.start..tok.end)?;
    (case == Case::Lower && w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")).then_some((Cue::Past, 2))
}

/// "as soon as" / "as early as" right before token `first`: a future bound.
fn as_soon_as(t: &Toks, first: usize) -> bool {
    first >= 3
        && t.entry(first - 2).is_some_and(|e| e.soon)
        && t.is_kw(first - 1, Keyword::As)
        && t.is_kw(first - 3, Keyword::As)
}

fn find_cue(t: &Toks, body: &str, first: usize, last: usize, cs: usize, ce: usize) -> Option<(Cue, bool)> {
    let mut best: Option<(u8, usize, Cue, usize)> = None;
    let mut consider = |i: usize, dist: usize| {
        if let Some((cue, mut strength)) = cue_at(t, body, i) {
            if cue == Cue::Present {
                return;
            }
            // The verb right next to the expression ("predicted Wednesday",
            // "met on Thursday") governs it, whatever its form.
            if dist <= 1
                || dist == 2 && i < first && matches!(t.kw(i + 1), Some(Keyword::On | Keyword::In | Keyword::At))
            {
                strength = 3;
            }
            let better = match best {
                None => true,
                Some((s, d, _, _)) => strength > s || strength == s && dist < d,
            };
            if better {
                best = Some((strength, dist, cue, i));
            }
        }
    };
    for i in (cs..first).rev() {
        consider(i, first - i);
    }
    for i in last..ce {
        consider(i, i + 1 - last);
    }
    // A future auxiliary before a past form in the clause makes it a participle of a
    // future verb group ("will be held on Thursday").
    if let Some((_, _, Cue::Past, at)) = best {
        if (cs..at.min(first)).any(|i| matches!(cue_at(t, body, i), Some((Cue::Future, 2)))) {
            return Some((Cue::Future, false));
        }
    }
    best.map(|(s, _, c, _)| (c, s == 3))
}

/// How the expression at tokens `first..last` attaches to its sentence.
pub(crate) fn attachment(toks: &[Tok], first: usize, last: usize) -> super::Attachment {
    let t = Toks(toks, "");
    if t.is_punct(last, '\'') && t.is_kw(last + 1, Keyword::S) {
        return super::Attachment::Modifier;
    }
    let (cs, _) = clause_bounds(&t, first, last);
    for i in (cs..first + 1).rev() {
        if let Some(o) = t.entry(i).and_then(|e| e.opener) {
            // The expression's own first word ("since" in "since 2022" is not part of it,
            // but "between" is, and "after" opens only a phrase).
            return match o {
                Opener::Bound => super::Attachment::Bound,
                Opener::Sub => super::Attachment::Subordinate,
            };
        }
    }
    super::Attachment::Main
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
