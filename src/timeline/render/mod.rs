//! Renderings of a [`Timeline`]: [`text`] for a terminal,
//! [`html`] for a page to open in a browser, [`json`] for the crate's
//! interchange format, [`timelinejs`] for Knight Lab's TimelineJS.

use chrono::Datelike;

use crate::time::{Point, TimeValue};
use crate::timeline::{is_blurb_id, Timeline};

pub mod html;
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

/// What a timeline rests on: pages (corpus documents), independent sources
/// among them (syndicated copies count once) and related-story blurbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Events.
    pub events: usize,
    /// Distinct pages cited, every syndicated copy counted.
    pub pages: usize,
    /// Distinct sources among the pages: a syndicated story counts once.
    pub independent: usize,
    /// Distinct related-story blurbs cited.
    pub blurbs: usize,
}

impl Counts {
    /// Count what `timeline`'s events cite.
    ///
    /// ```
    /// let t = dateline::timeline::Timeline::default();
    /// assert_eq!(dateline::timeline::render::Counts::of(&t).pages, 0);
    /// ```
    pub fn of(timeline: &Timeline) -> Counts {
        let mut pages: Vec<&str> = Vec::new();
        let mut blurbs: Vec<&str> = Vec::new();
        let mut independent: Vec<&str> = Vec::new();
        for e in &timeline.events {
            for s in &e.provenance {
                if !s.is_blurb() {
                    independent.push(&s.id);
                }
                for c in &s.copies {
                    if is_blurb_id(&c.id) {
                        blurbs.push(&c.id);
                    } else {
                        pages.push(&c.id);
                    }
                }
            }
            for ev in &e.evidence {
                if is_blurb_id(&ev.document) {
                    blurbs.push(&ev.document);
                } else {
                    pages.push(&ev.document);
                }
            }
        }
        for v in [&mut pages, &mut blurbs, &mut independent] {
            v.sort_unstable();
            v.dedup();
        }
        Counts {
            events: timeline.events.len(),
            pages: pages.len(),
            independent: independent.len(),
            blurbs: blurbs.len(),
        }
    }

    /// The header line: `13 events from 5 pages (4 independent sources) and 1 related-story blurb`.
    pub fn sentence(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = format!(
            "{} from {} ({})",
            plural(self.events, "event", "events"),
            plural(self.pages, "page", "pages"),
            plural(self.independent, "independent source", "independent sources")
        );
        if self.blurbs > 0 {
            s.push_str(&format!(" and {}", plural(self.blurbs, "related-story blurb", "related-story blurbs")));
        }
        s
    }
}
