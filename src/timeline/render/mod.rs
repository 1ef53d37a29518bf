//! Renderings of a [`Timeline`](super::Timeline): [`text`] for a terminal,
//! [`json`] for the crate's interchange format, [`timelinejs`] for Knight
//! Lab's TimelineJS.

use chrono::Datelike;

use crate::time::{Point, TimeValue};

pub mod json;
pub mod text;
pub mod timelinejs;

fn month_name(m: u32) -> &'static str {
    u8::try_from(m).ok().and_then(|m| chrono::Month::try_from(m).ok()).map_or("?", |m| m.name())
}

fn point_label(p: Point) -> String {
    match p {
        Point::Day(d) => format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
        Point::Month(y, m) => format!("{} {y}", month_name(m)),
        Point::Year(y) => y.to_string(),
    }
}

/// A date as a reader says it, at its own precision: `18 February 2025`,
/// `February 2025`, `2025`, `2016 – 2018`; `undated` for `None`.
///
/// ```
/// use dateline::timeline::render::date_label;
/// let v = dateline::time::parse_value("2016/2018");
/// assert_eq!(date_label(v.as_ref()), "2016 \u{2013} 2018");
/// assert_eq!(date_label(dateline::time::parse_value("2025-02").as_ref()), "February 2025");
/// ```
pub fn date_label(v: Option<&TimeValue>) -> String {
    match v.map(TimeValue::points) {
        None => "undated".to_string(),
        Some((a, None)) => point_label(a),
        Some((a, Some(b))) => format!("{} \u{2013} {}", point_label(a), point_label(b)),
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for w in text.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('\u{2026}');
    out
}
