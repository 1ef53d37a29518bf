//! Timestamp lines: whether a whole line is a clock time ("02:41"), a date
//! ("Updated: Wed 25 Jun 2025 10.41 BST") or a relative age ("33 minutes
//! ago"), the furniture that separates live-blog items and related-story
//! blurbs.
//!
//! A small grammar over lower-cased tokens, not a date parser: a stamp line
//! is made only of numbers, clock times, month and weekday names and stamp
//! words ("updated", "GMT", "|"). The time stage reads dates in running text;
//! this only decides a line's shape, so it needs no values. Lines without a
//! digit, "ago", "now" or "day" are rejected on a byte scan before any
//! lower-casing.

/// What a timestamp-only line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// A clock time: "02:41", "4:05 PM ET".
    Clock,
    /// A date, with or without a time: "June 25, 2025", "Updated 25 Jun 2025 10:41".
    Date,
    /// A relative age: "33 minutes ago", "an hour ago", "5h ago".
    Age,
}

/// Month abbreviations (the names are [`crate::lexicon::MONTH_NAMES`]).
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
/// Weekday abbreviations and relative day words (the names are
/// [`crate::lexicon::WEEKDAY_NAMES`]).
const DAY_WORDS: &[&str] =
    &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "today", "yesterday"];

fn is_date_word(t: &str) -> bool {
    crate::lexicon::is_month_or_weekday(t) || MONTH_ABBREVIATIONS.contains(&t) || DAY_WORDS.contains(&t)
}

const STAMP_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "ct",
    "cst",
    "cdt",
    "bst",
    "cet",
    "cest",
    "msk",
    "ist",
    "jst",
    "aest",
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "first",
    "|",
    "-",
    "–",
    "—",
    "/",
    "•",
    "·",
    "on:",
    "updated:",
    "published:",
    "posted:",
];
const AGE_UNITS: &[&str] = &[
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day",
    "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "year", "years", "yr", "yrs",
];
const AGE_COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "few", "several", "some",
];

/// Whether `w` (lower case, trimmed of commas) is a clock time "02:41", "4:05pm".
fn is_clock(w: &str) -> bool {
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let Some((h, m)) = w.split_once(':') else { return false };
    let m = m.split(':').next().unwrap_or("");
    (1..=2).contains(&h.len())
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.len() == 2
        && m.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `w` is a number-like token: "25", "25th", "2025-06-25", "25/06/2025", "10.41".
fn is_numeric(w: &str) -> bool {
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit());
    digits > 0
        && (w.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.' | b':'))
            || matches!(suffix, "st" | "nd" | "rd" | "th" | "h" | "m" | "d" | "w" | "y"))
}

/// Whether the whole line is a timestamp, a date or a relative age.
pub(crate) fn stamp(text: &str) -> Option<Stamp> {
    // Every stamp has a digit, or is an age ("an hour ago"), "just now",
    // "today" or "yesterday": reject everything else before lower-casing.
    let b = text.as_bytes();
    let has = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    if !b.iter().any(u8::is_ascii_digit) && !has(b"ago") && !has(b"now") && !has(b"day") {
        return None;
    }
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']')))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 10 {
        return None;
    }
    if tokens == ["just", "now"] {
        return Some(Stamp::Age);
    }
    // "... 33 minutes ago", "5h ago", after optional stamp words ("Updated").
    if let Some(at) = tokens.iter().position(|t| *t == "ago") {
        let before = &tokens[..at];
        let ok = match before {
            [.., n, unit] => {
                (AGE_COUNTS.contains(n) || n.bytes().all(|b| b.is_ascii_digit())) && AGE_UNITS.contains(unit)
            }
            [n] => is_numeric(n),
            _ => false,
        };
        let lead = before.len().saturating_sub(2);
        if ok && at + 1 == tokens.len() && before[..lead].iter().all(|t| STAMP_WORDS.contains(t)) {
            return Some(Stamp::Age);
        }
        return None;
    }
    let mut clock = false;
    let mut digits = false;
    let mut date_word = false;
    for t in &tokens {
        if is_clock(t) {
            clock = true;
            digits = true;
        } else if is_numeric(t) {
            digits = true;
        } else if is_date_word(t.trim_end_matches('.')) {
            date_word = true;
        } else if !STAMP_WORDS.contains(t) {
            return None;
        }
    }
    match (digits, clock, date_word) {
        (false, _, false) => None,
        (false, _, true) => (tokens.len() == 1 && matches!(tokens[0], "today" | "yesterday")).then_some(Stamp::Date),
        (true, true, false) => Some(Stamp::Clock),
        (true, false, false) => {
            // A bare number is not a stamp ("2025" alone could be a heading);
            // an ISO or slashed date is.
            tokens.iter().any(|t| t.contains(['-', '/'])).then_some(Stamp::Date)
        }
        (true, _, true) => Some(Stamp::Date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        let cases: &[(&str, Option<Stamp>)] = &[
            ("02:41", Some(Stamp::Clock)),
            ("4:05 PM ET", Some(Stamp::Clock)),
            ("33 minutes ago", Some(Stamp::Age)),
            ("an hour ago", Some(Stamp::Age)),
            ("2 hours ago", Some(Stamp::Age)),
            ("5h ago", Some(Stamp::Age)),
            ("Updated 3 days ago", Some(Stamp::Age)),
            ("just now", Some(Stamp::Age)),
            ("June 25, 2025", Some(Stamp::Date)),
            ("Updated: Wed 25 Jun 2025 10.41 BST", Some(Stamp::Date)),
            ("Published June 25, 2025 at 4:05 p.m.", Some(Stamp::Date)),
            ("2025-06-25", Some(Stamp::Date)),
            ("Yesterday", Some(Stamp::Date)),
            ("2025", None),
            ("Talks resumed 2 hours ago in Istanbul", None),
            ("May", None),
            ("World News", None),
        ];
        for (text, want) in cases {
            assert_eq!(stamp(text), *want, "{text}");
        }
    }
}
