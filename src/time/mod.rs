//! Time: find temporal expressions in article text and resolve them to
//! dates against the publication date.
//!
//! (Contract placeholder: recognition and resolution land with the time issue.)

use std::fmt;

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
    fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
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
    /// The first day the value covers, for ordering.
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            TimeValue::Day(d) => Point::Day(d).first_day(),
            TimeValue::Month { year, month } => Point::Month(year, month).first_day(),
            TimeValue::Year(y) => Point::Year(y).first_day(),
            TimeValue::Range(a, _) => a.first_day(),
        }
    }
}

impl fmt::Display for TimeValue {
    /// ISO 8601: `2025-04-10`, `2025-02`, `2025`, or an interval `2016/2018`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TimeValue::Day(d) => Point::Day(d).fmt(f),
            TimeValue::Month { year, month } => Point::Month(year, month).fmt(f),
            TimeValue::Year(y) => Point::Year(y).fmt(f),
            TimeValue::Range(a, b) => write!(f, "{a}/{b}"),
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
    Some(match parse_point(s)? {
        Point::Day(d) => TimeValue::Day(d),
        Point::Month(year, month) => TimeValue::Month { year, month },
        Point::Year(y) => TimeValue::Year(y),
    })
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
}

/// Every temporal expression in `section` of `body`, resolved against `reference`.
pub fn extract(body: &str, section: &Section, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let _ = (body, section, reference);
    Vec::new()
}

/// For each sentence of `section`, the date its main event is anchored to
/// (for the timeline), given the section's expressions from [`extract`].
pub fn sentence_anchors(section: &Section, times: &[TimeExpr]) -> Vec<Option<TimeValue>> {
    let mut anchors = vec![None; section.sentences.len()];
    for t in times {
        if let (Some(slot), Some(v)) = (anchors.get_mut(t.sentence), t.value) {
            slot.get_or_insert(v);
        }
    }
    anchors
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
