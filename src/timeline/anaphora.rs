//! Anaphoric dates: "the same day", "later that day", "that morning", "the
//! previous year" refer back to the date of an event told just before; "May of
//! last year" counts from the page's date. The time stage leaves them out (they
//! have no value without their antecedent); the timeline resolves them against
//! the date of the sentence's antecedent event — the last date resolved
//! earlier in the same sentence, else the anchor of the nearest earlier dated
//! sentence of the section — and records [`Rule::Antecedent`](crate::time::Rule::Antecedent).

use chrono::{Datelike, Days, NaiveDate};

use crate::time::{Point, TimeValue};
use crate::Span;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    Year,
}

/// Anaphoric phrases, longest first where one contains another, with the
/// unit and the offset from the antecedent.
const PHRASES: &[(&str, Unit, i32)] = &[
    ("later that same day", Unit::Day, 0),
    ("later that day", Unit::Day, 0),
    ("earlier that day", Unit::Day, 0),
    ("later the same day", Unit::Day, 0),
    ("that same day", Unit::Day, 0),
    ("the same day", Unit::Day, 0),
    ("the next morning", Unit::Day, 1),
    ("the following morning", Unit::Day, 1),
    ("the next day", Unit::Day, 1),
    ("the following day", Unit::Day, 1),
    ("the day after", Unit::Day, 1),
    ("the day before", Unit::Day, -1),
    ("the previous day", Unit::Day, -1),
    ("the previous evening", Unit::Day, -1),
    ("that morning", Unit::Day, 0),
    ("that afternoon", Unit::Day, 0),
    ("that evening", Unit::Day, 0),
    ("that night", Unit::Day, 0),
    ("that day", Unit::Day, 0),
    ("the previous month", Unit::Month, -1),
    ("the following month", Unit::Month, 1),
    ("later that month", Unit::Month, 0),
    ("that same month", Unit::Month, 0),
    ("the same month", Unit::Month, 0),
    ("that month", Unit::Month, 0),
    ("the previous year", Unit::Year, -1),
    ("the year before", Unit::Year, -1),
    ("a year earlier", Unit::Year, -1),
    ("the following year", Unit::Year, 1),
    ("a year later", Unit::Year, 1),
    ("later that year", Unit::Year, 0),
    ("that same year", Unit::Year, 0),
    ("the same year", Unit::Year, 0),
    ("that year", Unit::Year, 0),
];

/// An anaphoric date found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anaphor {
    /// Where the phrase is in the body.
    pub span: Span,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Counted from the antecedent's date.
    Back(UnitOffset),
    /// "<Month> of last/this/next year": from the reference's year.
    MonthOfYear { month: u32, years: i32 },
    /// "over the weekend": the Saturday and Sunday just before the reference
    /// (the reference's own weekend when it is one).
    PastWeekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct UnitOffset(u8, i32);

fn unit_code(u: Unit) -> u8 {
    match u {
        Unit::Day => 0,
        Unit::Month => 1,
        Unit::Year => 2,
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The anaphoric dates of `sentence` in `body`, in order. They take
/// precedence over the time stage's reading of the same words ("the previous
/// year" is not the year before the page's date).
pub(crate) fn find(body: &str, sentence: Span) -> Vec<Anaphor> {
    let Some(text) = body.get(sentence.start..sentence.end) else { return Vec::new() };
    // ASCII lower-casing keeps byte offsets.
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let bounded =
        |s: usize, e: usize| (s == 0 || !is_word_byte(bytes[s - 1])) && (e >= bytes.len() || !is_word_byte(bytes[e]));
    let mut found: Vec<Anaphor> = Vec::new();
    let free = |s: Span, found: &[Anaphor]| !found.iter().any(|a| a.span.overlaps(s));
    for &(phrase, unit, n) in PHRASES {
        for (at, _) in lower.match_indices(phrase) {
            let end = at + phrase.len();
            let span = Span::new(sentence.start + at, sentence.start + end);
            if bounded(at, end) && free(span, &found) {
                found.push(Anaphor { span, kind: Kind::Back(UnitOffset(unit_code(unit), n)) });
            }
        }
    }
    for (years, tail) in [(-1, " of last year"), (0, " of this year"), (1, " of next year")] {
        for (at, _) in lower.match_indices(tail) {
            let end = at + tail.len();
            let head = &lower[..at];
            let Some((m, name)) =
                crate::lexicon::MONTH_NAMES.iter().enumerate().find(|(_, name)| head.ends_with(*name))
            else {
                continue;
            };
            let start = at - name.len();
            let span = Span::new(sentence.start + start, sentence.start + end);
            if bounded(start, end) && !found.iter().any(|a| a.span.overlaps(span)) {
                // The month may already be an expression of its own ("May"), resolved without "of last year".
                found.push(Anaphor { span, kind: Kind::MonthOfYear { month: m as u32 + 1, years } });
            }
        }
    }
    for phrase in ["over the weekend", "this past weekend", "at the weekend"] {
        for (at, _) in lower.match_indices(phrase) {
            let end = at + phrase.len();
            let span = Span::new(sentence.start + at, sentence.start + end);
            if bounded(at, end) && !found.iter().any(|a| a.span.overlaps(span)) {
                found.push(Anaphor { span, kind: Kind::PastWeekend });
            }
        }
    }
    found.sort_by_key(|a| a.span.start);
    found
}

impl Anaphor {
    /// Whether the value comes from the reference date, not an antecedent.
    pub(crate) fn counts_from_reference(&self) -> bool {
        matches!(self.kind, Kind::MonthOfYear { .. } | Kind::PastWeekend)
    }

    /// The date this phrase stands for, given its antecedent's date (or, for
    /// "May of last year", the page's date); `None` when the antecedent is
    /// not precise enough ("the same day" after "in 2019").
    pub(crate) fn resolve(&self, antecedent: Option<TimeValue>, reference: Option<NaiveDate>) -> Option<TimeValue> {
        match self.kind {
            Kind::PastWeekend => {
                let r = reference?;
                let d = u64::from(r.weekday().num_days_from_monday());
                let sat = match d {
                    5 => r,
                    6 => r.checked_sub_days(Days::new(1))?,
                    _ => r.checked_sub_days(Days::new(d + 2))?,
                };
                Some(TimeValue::Range(Point::Day(sat), Point::Day(sat.checked_add_days(Days::new(1))?)))
            }
            Kind::MonthOfYear { month, years } => {
                let y = reference?.year().checked_add(years)?;
                Some(TimeValue::Month { year: y, month })
            }
            Kind::Back(UnitOffset(unit, n)) => {
                let (start, _) = antecedent?.points();
                match (unit, start) {
                    (0, Point::Day(d)) => {
                        let d = if n >= 0 {
                            d.checked_add_days(Days::new(n.unsigned_abs().into()))
                        } else {
                            d.checked_sub_days(Days::new(n.unsigned_abs().into()))
                        }?;
                        Some(TimeValue::Day(d))
                    }
                    (1, Point::Day(d)) => month_plus(d.year(), d.month(), n),
                    (1, Point::Month(y, m)) => month_plus(y, m, n),
                    (2, p) => {
                        let y = match p {
                            Point::Day(d) => d.year(),
                            Point::Month(y, _) | Point::Year(y) => y,
                        };
                        Some(TimeValue::Year(y.checked_add(n)?))
                    }
                    _ => None,
                }
            }
        }
    }
}

fn month_plus(y: i32, m: u32, n: i32) -> Option<TimeValue> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(n);
    let year = i32::try_from(idx.div_euclid(12)).ok()?;
    Some(TimeValue::Month { year, month: (idx.rem_euclid(12) + 1) as u32 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> TimeValue {
        crate::time::parse_value(s).unwrap()
    }

    fn resolve_all(text: &str, antecedent: &str, reference: &str) -> Vec<(String, Option<String>)> {
        let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        find(text, Span::new(0, text.len()))
            .iter()
            .map(|a| (a.span.slice(text).to_string(), a.resolve(Some(day(antecedent)), r).map(|v| v.to_string())))
            .collect()
    }

    #[test]
    fn day_phrases_count_from_the_antecedent_day() {
        let got =
            resolve_all("Later that day the mayor resigned, and the next day she left.", "2024-03-04", "2024-03-09");
        assert_eq!(
            got,
            [
                ("Later that day".to_string(), Some("2024-03-04".to_string())),
                ("the next day".to_string(), Some("2024-03-05".to_string()))
            ]
        );
    }

    #[test]
    fn year_phrases_take_any_precision_and_day_phrases_need_a_day() {
        assert_eq!(
            resolve_all("The previous year it had lost.", "2024-03", "2024-06-01")[0].1.as_deref(),
            Some("2023")
        );
        assert_eq!(resolve_all("That morning it rained.", "2024", "2024-06-01")[0].1, None);
    }

    #[test]
    fn month_of_last_year_counts_from_the_reference() {
        let got = resolve_all("Rates rose in May of last year.", "2020-01-01", "2024-07-04");
        assert_eq!(got, [("May of last year".to_string(), Some("2023-05".to_string()))]);
    }

    #[test]
    fn over_the_weekend_is_the_weekend_before_the_reference() {
        let got = resolve_all("Officers arrested a man over the weekend.", "2020-01-01", "2020-06-01");
        assert_eq!(got, [("over the weekend".to_string(), Some("2020-05-30/2020-05-31".to_string()))]);
    }

    #[test]
    fn phrases_inside_words_are_skipped() {
        assert!(find("Thatday", Span::new(0, 7)).is_empty());
        assert!(find("on the same daylight", Span::new(0, 20)).is_empty());
    }
}
