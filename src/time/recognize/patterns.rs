//! Patterns: at each token, the date patterns tried longest reading first
//! (calendar dates and ranges, weekdays, deictic expressions, modified months,
//! holidays, "… ago"), yielding [`Candidate`]s.

use super::tokenizer::{Case, Kind, Tok, Toks};
use super::values::{Candidate, DayRule, Meaning, Partial, Shift};
use crate::time::lexicon::{lexicon, Keyword, Unit};

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
    let t = Toks::new(toks, body);
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
