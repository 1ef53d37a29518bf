//! Time: find temporal expressions in article text and resolve them to
//! dates against the publication date.
//!
//! [`extract`] walks the sentences of a [`Section`] (article text or one
//! related-story blurb; boilerplate never reaches it) and returns every
//! [`TimeExpr`]: its text, byte span, sentence, and either a [`TimeValue`]
//! with its [`Precision`] and the [`Rule`] that produced it, or the reason it
//! stayed unresolved. [`sentence_anchors`] picks, per sentence, the date of
//! the sentence's main event; [`resolve_age`] resolves a blurb's age
//! ("33 minutes ago") against its page's date.
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline::time::{self, TimeValue};
//! let body = "Diplomats met on Thursday.\nTalks resume on April 24.\n";
//! let section = dateline::text::analyze(body, None).main;
//! let reference = NaiveDate::from_ymd_opt(2025, 4, 11);
//! let times = time::extract(body, &section, reference);
//! assert_eq!(times[0].text, "Thursday");
//! assert_eq!(times[0].value, Some(TimeValue::Day(NaiveDate::from_ymd_opt(2025, 4, 10).unwrap())));
//! assert_eq!(times[1].value.unwrap().to_string(), "2025-04-24");
//! ```
//!
//! # Design
//!
//! Recognition (`recognize/`) is a hand-written tokenizer and a pattern
//! matcher over tokens, not regular expressions: each sentence is split once
//! into words, digit runs and punctuation (typographic variants folded with
//! [`crate::text::normalize::fold_char`]), every word is looked up once,
//! without allocating, in a lexicon loaded from `data/time/lexicon.tsv`
//! (month and weekday names, number words, units, deictic and grammar words,
//! tense cues, clause openers, count nouns, and the words that make a weekday
//! a name, as in "Sunday Times"), and small pattern functions try the longest
//! reading at each token. Resolution (`resolve.rs`) is calendar arithmetic
//! with chrono.
//!
//! The trade-off: rules are few and explainable (each value names its
//! [`Rule`], and [`TimeExpr::is_reliable`] says when a guess was made with no
//! tense cue), at the cost of the long tail a statistical tagger would catch
//! (holidays, quarters, seasons, "the day before").
//!
//! Tense comes from the clause around the expression: the nearest cue wins,
//! a cue word of the lexicon (will, would, set to, expected to, plans to, is
//! to → future; said, met, was → past; a plan read as past after was/had
//! been) or a past "-ed" form; a verb within two words of the expression is
//! *firm* ("met on Thursday", "predicted Wednesday"); a future auxiliary
//! before a past form makes it a participle ("will be held on Thursday");
//! "as soon as"/"as early as" before a date make it future. With no cue in the
//! clause the sentence is searched. A yearless date read from a loose (not
//! firm) cue is never put more than half a year from the reference when it
//! also occurs within two months on the other side ("said the boy must return
//! by Jan. 14"), because cues are often the reporting verb's, not the event's.
//!
//! # Cost
//!
//! One pass over the sentence bytes plus one hash lookup per word that could
//! be in the lexicon; the README's Performance table gives MB/s and
//! expressions/s measured by `cargo bench --bench time`.

use std::fmt;

mod lexicon;
mod recognize;
mod resolve;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::Section;
use crate::Span;

/// A resolved date with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A day: `2025-04-10`.
    Day(NaiveDate),
    /// A month: `2025-02`.
    Month {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// A year: `2025`.
    Year(i32),
    /// A range between two points of the same kinds above: `2016/2018`.
    Range(Point, Point),
}

/// One end of a [`TimeValue::Range`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    /// A day.
    Day(NaiveDate),
    /// A month of a year.
    Month(i32, u32),
    /// A year.
    Year(i32),
}

impl Point {
    /// The first day the point covers.
    pub(crate) fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        }
    }

    /// The point as a value of its own: the inverse of [`TimeValue::points`] for a single date.
    pub(crate) fn value(self) -> TimeValue {
        match self {
            Point::Day(d) => TimeValue::Day(d),
            Point::Month(year, month) => TimeValue::Month { year, month },
            Point::Year(y) => TimeValue::Year(y),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl TimeValue {
    /// The value as its start point and, for a range, its end point: the one
    /// place that maps the value's shapes onto [`Point`], so that ordering,
    /// display and the renderers treat a single date as a range's end.
    pub(crate) fn points(&self) -> (Point, Option<Point>) {
        match *self {
            TimeValue::Day(d) => (Point::Day(d), None),
            TimeValue::Month { year, month } => (Point::Month(year, month), None),
            TimeValue::Year(y) => (Point::Year(y), None),
            TimeValue::Range(a, b) => (a, Some(b)),
        }
    }

    /// The first day the value covers, for ordering.
    pub fn start(&self) -> Option<NaiveDate> {
        self.points().0.first_day()
    }
}

impl fmt::Display for TimeValue {
    /// ISO 8601: `2025-04-10`, `2025-02`, `2025`, or an interval `2016/2018`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.points() {
            (a, None) => a.fmt(f),
            (a, Some(b)) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for TimeValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_value(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date, month, year or interval: {s:?}")))
    }
}

fn parse_point(s: &str) -> Option<Point> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<i64>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => Some(Point::Year(num(y)? as i32)),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let m = num(m)? as u32;
            (1..=12).contains(&m).then_some(Point::Month(num(y)? as i32, m))
        }
        [_, _, _] => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Point::Day),
        _ => None,
    }
}

/// Parse the ISO forms [`TimeValue`] displays as.
pub fn parse_value(s: &str) -> Option<TimeValue> {
    if let Some((a, b)) = s.split_once('/') {
        return Some(TimeValue::Range(parse_point(a)?, parse_point(b)?));
    }
    parse_point(s).map(Point::value)
}

/// How precisely a [`TimeValue`] pins a date down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A month of a year.
    Month,
    /// A year.
    Year,
}

impl Point {
    /// The precision of this point.
    pub fn precision(&self) -> Precision {
        match self {
            Point::Day(_) => Precision::Day,
            Point::Month(..) => Precision::Month,
            Point::Year(_) => Precision::Year,
        }
    }
}

impl TimeValue {
    /// The precision of the value; for a range, that of its start.
    ///
    /// ```
    /// use dateline::time::{parse_value, Precision};
    /// assert_eq!(parse_value("2025-02").unwrap().precision(), Precision::Month);
    /// assert_eq!(parse_value("2016/2018").unwrap().precision(), Precision::Year);
    /// ```
    pub fn precision(&self) -> Precision {
        self.points().0.precision()
    }
}

/// The rule that produced a value: how much of it the text states and how
/// much was inferred from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// The text states the date in full: "April 10, 2025", "2025-04-10", "in 2022", "February 2025".
    Explicit,
    /// A month or month-day without a year ("February 27", "in February"); the
    /// year was chosen from the reference date and the clause's tense.
    YearFromReference,
    /// A weekday ("on Thursday"), resolved near the reference by the clause's tense or its modifier.
    Weekday,
    /// A deictic word or phrase counted from the reference: "today", "last week", "earlier this year".
    Deictic,
    /// A relative age counted back from the reference: "three days ago", "33 minutes ago".
    Age,
    /// A part of day at day precision: "overnight", "tonight", "last night".
    PartOfDay,
    /// No date phrase: a lede's news dated by its page's publication date or
    /// wire dateline (used by the timeline, never by [`extract`]).
    Publication,
    /// An anaphoric date ("the same day", "later that day", "the previous
    /// year") counted from the date of the event the sentence refers back to
    /// (used by the timeline, never by [`extract`]).
    Antecedent,
}

/// The tense of the clause an expression stands in, as its cue words show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tense {
    /// A past cue: said, met, was, a past "-ed" form.
    Past,
    /// A future cue: will, set to, expected to, plans to.
    Future,
    /// No cue (or only present-tense ones); news convention then reads weekdays as past.
    #[default]
    Unknown,
}

/// How an expression attaches to its sentence, for [`sentence_anchors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Attachment {
    /// In the main clause: it dates the sentence's main event ("met on Thursday", "Earlier this year, ...").
    #[default]
    Main,
    /// A possessive modifier of a noun: "Thursday's talks".
    Modifier,
    /// Inside a subordinate or relative clause: "which were seized between 2016 and 2018".
    Subordinate,
    /// Inside a phrase that bounds another event: "since 2022", "until March", "after the 2022 invasion".
    Bound,
}

/// A temporal expression found in a document body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The expression as it stands in the body.
    pub text: String,
    /// Byte span into the document body.
    pub span: Span,
    /// Index of its sentence in the section analysed.
    pub sentence: usize,
    /// The resolved value, or `None` when it could not be resolved.
    pub value: Option<TimeValue>,
    /// Why it could not be resolved, when `value` is `None`.
    pub unresolved: Option<String>,
    /// The rule that produced `value` (`None` when unresolved).
    #[serde(default)]
    pub rule: Option<Rule>,
    /// The tense of its clause, as used for weekdays and yearless dates.
    #[serde(default)]
    pub tense: Tense,
    /// How it attaches to its sentence.
    #[serde(default)]
    pub attachment: Attachment,
}

impl TimeExpr {
    /// The precision of the value, if resolved.
    pub fn precision(&self) -> Option<Precision> {
        self.value.map(|v| v.precision())
    }

    /// Whether the value follows from the text and the reference alone, with
    /// no guess: true for explicit dates, deictics, ages and parts of day,
    /// and for weekdays and yearless dates whose clause had a tense cue.
    pub fn is_reliable(&self) -> bool {
        match self.rule {
            None => false,
            Some(Rule::Weekday | Rule::YearFromReference) => self.tense != Tense::Unknown,
            Some(_) => true,
        }
    }
}

fn tense_of(cue: Option<(lexicon::Cue, bool)>) -> Tense {
    match cue.map(|c| c.0) {
        Some(lexicon::Cue::Past) => Tense::Past,
        Some(lexicon::Cue::Future) => Tense::Future,
        _ => Tense::Unknown,
    }
}

/// Every temporal expression in `section` of `body`, resolved against `reference`
/// (the document's date; with `None`, relative expressions stay unresolved and
/// absolute ones still resolve). Never panics, whatever the input.
pub fn extract(body: &str, section: &Section, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut toks = Vec::new();
    let mut cands = Vec::new();
    let mut out = Vec::new();
    for (si, sentence) in section.sentences.iter().enumerate() {
        let Some(text) = body.get(sentence.span.start..sentence.span.end) else { continue };
        toks.clear();
        recognize::tokenize(text, sentence.span.start, &mut toks);
        cands.clear();
        recognize::candidates(&toks, body, &mut cands);
        for c in &cands {
            let (Some(first), Some(last)) = (toks.get(c.first), toks.get(c.last.wrapping_sub(1))) else { continue };
            let span = Span::new(first.start, last.end);
            let cue = if needs_tense(&c.meaning) { recognize::tense(&toks, body, c.first, c.last) } else { None };
            // A weekday with no tense cue in a sentence with no past cue at
            // all (a forecast, a schedule, a condition) lies ahead; the
            // tense stays unknown, so the value is still flagged a guess.
            let ahead = cue.is_none()
                && matches!(c.meaning, recognize::Meaning::Weekday(..))
                && !recognize::sentence_has_past(&toks, body, c.first, c.last);
            let resolve_cue = if ahead { Some((lexicon::Cue::Future, false)) } else { cue };
            let attachment = recognize::attachment(&toks, c.first, c.last);
            let (value, rule, unresolved) = match resolve::resolve(&c.meaning, reference, resolve_cue) {
                Ok((v, r)) => (Some(v), Some(r), None),
                Err(reason) => (None, None, Some(reason.to_string())),
            };
            out.push(TimeExpr {
                text: span.slice(body).to_string(),
                span,
                sentence: si,
                value,
                unresolved,
                rule,
                tense: tense_of(cue),
                attachment,
            });
        }
    }
    out
}

fn needs_tense(m: &recognize::Meaning) -> bool {
    use recognize::{Meaning, Partial};
    let yearless = |p: &Partial| p.year.is_none();
    match m {
        Meaning::Weekday(..) => true,
        Meaning::Date(p) => yearless(p),
        Meaning::Range(a, _) => yearless(a),
        _ => false,
    }
}

/// Resolve a relative age as printed with a blurb or timestamp ("33 minutes ago",
/// "an hour ago", "2 hours ago", "yesterday") against `reference`, the date of
/// the page it appears on. `None` when `text` holds no age or there is no reference.
///
/// ```
/// use chrono::NaiveDate;
/// use dateline::time::{resolve_age, TimeValue};
/// let page = NaiveDate::from_ymd_opt(2025, 4, 9);
/// assert_eq!(resolve_age("33 minutes ago", page), page.map(TimeValue::Day));
/// assert_eq!(resolve_age("3 days ago", page).unwrap().to_string(), "2025-04-06");
/// assert_eq!(resolve_age("33 minutes ago", None), None);
/// ```
pub fn resolve_age(text: &str, reference: Option<NaiveDate>) -> Option<TimeValue> {
    let mut toks = Vec::new();
    recognize::tokenize(text, 0, &mut toks);
    let mut cands = Vec::new();
    recognize::candidates(&toks, text, &mut cands);
    let c = cands.iter().find(|c| resolve::age_meaning(&c.meaning))?;
    resolve::resolve(&c.meaning, reference, None).ok().map(|(v, _)| v)
}

/// For each sentence of `section`, the date its main event is anchored to
/// (for the timeline), given the section's expressions from [`extract`].
///
/// The rule: among the sentence's resolved expressions, one in the main
/// clause ([`Attachment::Main`]) wins over a possessive modifier ("Thursday's
/// talks"), which wins over one inside a subordinate or relative clause;
/// expressions inside phrases that bound another event ("since 2022",
/// "until March", "after the 2022 invasion") never anchor a sentence, since
/// the event they qualify is not the sentence's. Ties go to the first.
pub fn sentence_anchors(section: &Section, times: &[TimeExpr]) -> Vec<Option<TimeValue>> {
    let mut best: Vec<Option<(u8, TimeValue)>> = vec![None; section.sentences.len()];
    for t in times {
        let score = match t.attachment {
            Attachment::Main => 3,
            Attachment::Modifier => 2,
            Attachment::Subordinate => 1,
            Attachment::Bound => continue,
        };
        if let (Some(slot), Some(v)) = (best.get_mut(t.sentence), t.value) {
            if slot.map_or(true, |(s, _)| score > s) {
                *slot = Some((score, v));
            }
        }
    }
    best.into_iter().map(|b| b.map(|(_, v)| v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_round_trip() {
        for s in ["2025-04-10", "2025-02", "2025", "2016/2018", "2025-02/2025-04"] {
            assert_eq!(parse_value(s).unwrap().to_string(), s);
        }
        assert_eq!(parse_value("2025-13"), None);
    }
}
