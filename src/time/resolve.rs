//! Resolution: a recognised [`Meaning`] plus the reference date and the
//! clause's tense give a [`TimeValue`] and the [`Rule`] that chose it.
//!
//! Rules, in the words of the issue:
//! - absolute dates (a year is written) resolve without a reference;
//! - a month-day or month without a year takes the year that puts it on or
//!   before the reference in a past clause, on or after it in a future
//!   clause, and the nearest occurrence when the clause gives no tense;
//! - a weekday resolves to the latest such day on or before the reference
//!   in a past clause (and, by news convention, when the tense is unknown)
//!   and to the next one on or after it in a future clause; "last"/"next"
//!   exclude the reference day itself, "this" stays in its Monday–Sunday week;
//! - deictics and ages count from the reference; with no reference they are
//!   reported unresolved, never guessed.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::lexicon::{Cue, Unit};
use super::recognize::{DayRule, Meaning, Partial, Shift};
use super::{Point, Rule, TimeValue};

/// Why an expression could not be resolved.
pub(crate) const NO_REFERENCE: &str = "relative expression and no reference date";
pub(crate) const NO_SUCH_DATE: &str = "no such calendar date";
pub(crate) const VAGUE: &str = "vague quantity (a few, several)";
pub(crate) const OUT_OF_RANGE: &str = "date out of the supported range";
pub(crate) const BACKWARDS: &str = "range ends before it starts";

type Resolution = Result<(TimeValue, Rule), &'static str>;

/// Resolve `meaning` against `reference` in a clause of tense `tense`.
pub(crate) fn resolve(meaning: &Meaning, reference: Option<NaiveDate>, tense: Option<(Cue, bool)>) -> Resolution {
    match *meaning {
        Meaning::Date(p) => {
            let (point, rule) = partial(p, reference, tense)?;
            Ok((point.value(), rule))
        }
        Meaning::Range(a, b) => range(a, b, reference, tense),
        Meaning::Weekday(wd, shift) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            Ok((TimeValue::Day(weekday(r, wd, shift, tense.map(|t| t.0)).ok_or(OUT_OF_RANGE)?), Rule::Weekday))
        }
        Meaning::DayOffset(n, how) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            let rule = match how {
                DayRule::Deictic => Rule::Deictic,
                DayRule::PartOfDay => Rule::PartOfDay,
            };
            Ok((TimeValue::Day(add_days(r, i64::from(n)).ok_or(OUT_OF_RANGE)?), rule))
        }
        Meaning::Calendar(unit, n) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            Ok((calendar(r, unit, n).ok_or(OUT_OF_RANGE)?, Rule::Deictic))
        }
        Meaning::Ago(n, unit) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            let n = n.ok_or(VAGUE)?;
            Ok((ago(r, n, unit).ok_or(OUT_OF_RANGE)?, Rule::Age))
        }
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(year: i32, month: u32, n: i64) -> (i32, u32) {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + n;
    ((idx.div_euclid(12)) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// Among the occurrences of a yearless date in the years around the reference,
/// the one the shift or tense asks for. `cmp` orders an occurrence against the
/// reference (`None`: no such date that year), `dist` measures it in `scale`
/// units (days or months) with `scale` = a month's worth.
///
/// Unless the cue is `firm` (the verb governing the date), a tense cue never
/// pushes a date more than half a year away from the reference when it also
/// occurs within two months on the other side: cues are read from the clause
/// and can belong to reported speech ("said the boy must return by Jan. 14").
fn pick_year(
    ry: i32,
    shift: Shift,
    tense: Option<Cue>,
    firm: bool,
    cmp: impl Fn(i32) -> Option<std::cmp::Ordering>,
    dist: impl Fn(i32) -> i64,
    month: i64,
) -> Option<i32> {
    use std::cmp::Ordering::*;
    let years = [ry - 1, ry, ry + 1];
    let valid = || years.iter().copied().filter(|&y| cmp(y).is_some());
    let nearest = || valid().min_by_key(|&y| (dist(y).abs(), i64::from(cmp(y) == Some(Greater))));
    let chosen = match shift {
        Shift::This => return Some(ry),
        Shift::Last => return valid().filter(|&y| cmp(y) == Some(Less)).max(),
        Shift::Next => return valid().find(|&y| cmp(y) == Some(Greater)),
        Shift::None => match tense {
            Some(Cue::Past) => valid().filter(|&y| cmp(y) != Some(Greater)).max(),
            Some(Cue::Future) => valid().find(|&y| cmp(y) != Some(Less)),
            _ => nearest(),
        },
    };
    match (chosen, nearest()) {
        (Some(c), Some(n)) if !firm && dist(c).abs() > 6 * month && dist(n).abs() <= 2 * month => Some(n),
        (c, n) => c.or(n),
    }
}

fn partial(
    p: Partial,
    reference: Option<NaiveDate>,
    tense: Option<(Cue, bool)>,
) -> Result<(Point, Rule), &'static str> {
    if let (None, Some(off)) = (p.year, p.year_offset) {
        // "June last year": the year is counted from the reference's, the rest is as written.
        let r = reference.ok_or(NO_REFERENCE)?;
        let p = Partial { year: Some(r.year() + off), year_offset: None, ..p };
        return partial(p, reference, tense).map(|(point, _)| (point, Rule::Deictic));
    }
    let on = |y: i32, m: u32, d: u32| occurrence(y, m, d, p.weekday_from);
    match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) => on(y, m, d).map(|d| (Point::Day(d), Rule::Explicit)).ok_or(NO_SUCH_DATE),
        (Some(y), Some(m), None) => {
            if (1..=12).contains(&m) {
                Ok((Point::Month(y, m), Rule::Explicit))
            } else {
                Err(NO_SUCH_DATE)
            }
        }
        (Some(y), None, _) => Ok((Point::Year(y), Rule::Explicit)),
        (None, Some(m), Some(d)) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            // Feb 29 exists only in some years: at least one of the three must hold it.
            if (r.year() - 1..=r.year() + 1).all(|y| on(y, m, d).is_none()) {
                return Err(NO_SUCH_DATE);
            }
            let y = pick_year(
                r.year(),
                p.shift,
                tense.map(|t| t.0),
                tense.is_some_and(|t| t.1),
                |y| on(y, m, d).map(|x| x.cmp(&r)),
                |y| on(y, m, d).map_or(i64::MAX / 2, |x| (x - r).num_days()),
                31,
            )
            .ok_or(OUT_OF_RANGE)?;
            on(y, m, d).map(|d| (Point::Day(d), Rule::YearFromReference)).ok_or(NO_SUCH_DATE)
        }
        (None, Some(m), None) => {
            let r = reference.ok_or(NO_REFERENCE)?;
            let key = |y: i32| i64::from(y) * 12 + i64::from(m);
            let rk = key(r.year()) - i64::from(m) + i64::from(r.month());
            // A month is never moved across the window: "resumed in May" said in April is last May.
            let y = pick_year(
                r.year(),
                p.shift,
                tense.map(|t| t.0),
                tense.is_some_and(|t| t.1),
                |y| Some(key(y).cmp(&rk)),
                |y| key(y) - rk,
                1,
            )
            .ok_or(OUT_OF_RANGE)?;
            Ok((Point::Month(y, m), Rule::YearFromReference))
        }
        (None, None, _) => Err(NO_SUCH_DATE),
    }
}

/// Month-day `m`-`d` of year `y`, or with `weekday_from` the first such weekday on or after it.
fn occurrence(y: i32, m: u32, d: u32, weekday_from: Option<u8>) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(y, m, d)?;
    match weekday_from {
        None => Some(base),
        Some(wd) => {
            let ahead = (i64::from(wd) - i64::from(base.weekday().number_from_monday())).rem_euclid(7);
            add_days(base, ahead)
        }
    }
}

fn range(a: Partial, b: Partial, reference: Option<NaiveDate>, tense: Option<(Cue, bool)>) -> Resolution {
    let (pa, rule) = partial(a, reference, tense)?;
    // The second end inherits the first end's year, moved on a year if it would come first
    // ("from November to February").
    let b = match (b.year, pa) {
        (None, Point::Day(d0)) if b.month.is_some() => {
            let later = (b.month, b.day) < (Some(d0.month()), Some(d0.day()));
            Partial { year: Some(d0.year() + i32::from(later)), ..b }
        }
        (None, Point::Month(y, m)) if b.month.is_some() => {
            Partial { year: Some(y + i32::from(b.month < Some(m))), ..b }
        }
        _ => b,
    };
    let (pb, _) = partial(b, reference, tense)?;
    let (sa, sb) = (pa.first_day(), pb.first_day());
    if let (Some(sa), Some(sb)) = (sa, sb) {
        if sb < sa {
            return Err(BACKWARDS);
        }
    }
    Ok((TimeValue::Range(pa, pb), rule))
}

fn weekday(r: NaiveDate, wd: u8, shift: Shift, tense: Option<Cue>) -> Option<NaiveDate> {
    let rw = i64::from(r.weekday().number_from_monday());
    let wd = i64::from(wd);
    let back = (rw - wd).rem_euclid(7); // days back to the latest such day on or before r
    let fwd = (wd - rw).rem_euclid(7); // days on to the next such day on or after r
    let offset = match shift {
        Shift::Last => -(if back == 0 { 7 } else { back }),
        Shift::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Shift::This => wd - rw,
        Shift::None => match tense {
            Some(Cue::Future) => fwd,
            _ => -back,
        },
    };
    add_days(r, offset)
}

fn calendar(r: NaiveDate, unit: Unit, n: i32) -> Option<TimeValue> {
    let n64 = i64::from(n);
    Some(match unit {
        Unit::Week | Unit::Weekend => {
            let monday = add_days(r, -i64::from(r.weekday().num_days_from_monday()) + 7 * n64)?;
            let (a, b) = if unit == Unit::Week { (0, 6) } else { (5, 6) };
            TimeValue::Range(Point::Day(add_days(monday, a)?), Point::Day(add_days(monday, b)?))
        }
        Unit::Month => {
            let (year, month) = add_months(r.year(), r.month(), n64);
            TimeValue::Month { year, month }
        }
        Unit::Year | Unit::Decade => TimeValue::Year(r.year().checked_add(n)?),
        Unit::Day | Unit::Hour | Unit::Minute => TimeValue::Day(add_days(r, n64)?),
    })
}

fn ago(r: NaiveDate, n: u32, unit: Unit) -> Option<TimeValue> {
    let n64 = i64::from(n);
    Some(match unit {
        // The reference is a day: minutes and hours ago land on it unless they reach past midnight by whole days.
        Unit::Minute => TimeValue::Day(add_days(r, -(n64 / 1440))?),
        Unit::Hour => TimeValue::Day(add_days(r, -(n64 / 24))?),
        Unit::Day => TimeValue::Day(add_days(r, -n64)?),
        Unit::Week | Unit::Weekend => TimeValue::Day(add_days(r, -7 * n64)?),
        Unit::Month => {
            let d = r.checked_sub_months(Months::new(n))?;
            TimeValue::Month { year: d.year(), month: d.month() }
        }
        Unit::Year => TimeValue::Year(r.year().checked_sub(i32::try_from(n).ok()?)?),
        Unit::Decade => TimeValue::Year(r.year().checked_sub(i32::try_from(n.checked_mul(10)?).ok()?)?),
    })
}

/// Relative age of a blurb or timestamp ("33 minutes ago") against `reference`.
pub(crate) fn age_meaning(m: &Meaning) -> bool {
    matches!(m, Meaning::Ago(..) | Meaning::DayOffset(..))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekday_in_past_clause_resolves_to_latest_on_or_before_reference() {
        for offset in 0..14 {
            let r = day(2025, 4, 1) + Days::new(offset);
            for wd in 1..=7u8 {
                let got = weekday(r, wd, Shift::None, Some(Cue::Past)).unwrap();
                assert_eq!(got.weekday().number_from_monday(), u32::from(wd));
                assert!(got <= r && (r - got).num_days() < 7, "{r} {wd} -> {got}");
            }
        }
    }

    #[test]
    fn weekday_in_future_clause_resolves_to_next_on_or_after_reference() {
        for offset in 0..14 {
            let r = day(2025, 4, 1) + Days::new(offset);
            for wd in 1..=7u8 {
                let got = weekday(r, wd, Shift::None, Some(Cue::Future)).unwrap();
                assert_eq!(got.weekday().number_from_monday(), u32::from(wd));
                assert!(got >= r && (got - r).num_days() < 7, "{r} {wd} -> {got}");
            }
        }
    }

    #[test]
    fn last_and_next_weekday_exclude_the_reference_day() {
        let wed = day(2025, 4, 9);
        assert_eq!(weekday(wed, 3, Shift::Last, None), Some(day(2025, 4, 2)));
        assert_eq!(weekday(wed, 3, Shift::Next, None), Some(day(2025, 4, 16)));
        assert_eq!(weekday(wed, 1, Shift::This, None), Some(day(2025, 4, 7)));
        assert_eq!(weekday(wed, 7, Shift::This, None), Some(day(2025, 4, 13)));
    }

    #[test]
    fn month_day_takes_the_year_its_tense_asks_for() {
        let r = Some(day(2025, 4, 9));
        let p = Partial { month: Some(12), day: Some(15), ..Partial::default() };
        let past = partial(p, r, Some((Cue::Past, true))).unwrap();
        assert_eq!(past, (Point::Day(day(2024, 12, 15)), Rule::YearFromReference));
        let future = partial(p, r, Some((Cue::Future, true))).unwrap();
        assert_eq!(future.0, Point::Day(day(2025, 12, 15)));
        // No cue: the nearest occurrence.
        assert_eq!(partial(p, r, None).unwrap().0, Point::Day(day(2024, 12, 15)));
    }

    #[test]
    fn loose_cue_does_not_push_a_date_half_a_year_away() {
        // "said the boy must return by Jan. 14", written on Jan. 7.
        let r = Some(day(2000, 1, 7));
        let p = Partial { month: Some(1), day: Some(14), ..Partial::default() };
        assert_eq!(partial(p, r, Some((Cue::Past, false))).unwrap().0, Point::Day(day(2000, 1, 14)));
        assert_eq!(partial(p, r, Some((Cue::Past, true))).unwrap().0, Point::Day(day(1999, 1, 14)));
    }

    #[test]
    fn range_end_inherits_year_and_rolls_over() {
        let r = Some(day(2025, 6, 25));
        let nov = Partial { month: Some(11), ..Partial::default() };
        let feb = Partial { month: Some(2), ..Partial::default() };
        let (v, _) = range(nov, feb, r, Some((Cue::Past, true))).unwrap();
        assert_eq!(v.to_string(), "2024-11/2025-02");
        let y1 = Partial { year: Some(2018), ..Partial::default() };
        let y0 = Partial { year: Some(2016), ..Partial::default() };
        assert_eq!(range(y1, y0, r, None), Err(BACKWARDS));
    }

    #[test]
    fn ages_count_back_in_their_unit() {
        let r = day(2025, 3, 31);
        assert_eq!(ago(r, 33, Unit::Minute), Some(TimeValue::Day(r)));
        assert_eq!(ago(r, 49, Unit::Hour), Some(TimeValue::Day(day(2025, 3, 29))));
        assert_eq!(ago(r, 2, Unit::Week), Some(TimeValue::Day(day(2025, 3, 17))));
        assert_eq!(ago(r, 1, Unit::Month), Some(TimeValue::Month { year: 2025, month: 2 }));
        assert_eq!(ago(r, 2, Unit::Decade), Some(TimeValue::Year(2005)));
    }

    #[test]
    fn calendar_weeks_run_monday_to_sunday() {
        let sun = day(2025, 4, 13);
        assert_eq!(calendar(sun, Unit::Week, 0).unwrap().to_string(), "2025-04-07/2025-04-13");
        assert_eq!(calendar(sun, Unit::Weekend, -1).unwrap().to_string(), "2025-04-05/2025-04-06");
        assert_eq!(calendar(day(2025, 1, 15), Unit::Month, -1), Some(TimeValue::Month { year: 2024, month: 12 }));
    }

    #[test]
    fn relative_meanings_without_reference_are_unresolved() {
        assert_eq!(resolve(&Meaning::Weekday(4, Shift::None), None, None), Err(NO_REFERENCE));
        assert_eq!(resolve(&Meaning::Ago(None, Unit::Day), Some(day(2025, 1, 1)), None), Err(VAGUE));
        let explicit = Meaning::Date(Partial { year: Some(2022), ..Partial::default() });
        assert_eq!(resolve(&explicit, None, None), Ok((TimeValue::Year(2022), Rule::Explicit)));
    }
}
