//! Knight Lab's [TimelineJS](https://timeline.knightlab.com/docs/json-format.html) JSON.
//!
//! TimelineJS loads an object with a required `events` list of slides and
//! an optional `title` slide. Every event slide needs a `start_date` with at
//! least a `year` (`month` and `day` optional, so precision shows as it is);
//! a range adds an `end_date`; `text` has a `headline` and an HTML `text`.
//! Undated events have no place on a TimelineJS time axis and are left out.
//! Serialize [`TimelineJs`] with any serde serializer (e.g. `serde_json`).

use serde::{Deserialize, Serialize};

use super::{date_label, shorten};
use crate::time::Point;
use crate::timeline::Timeline;
use chrono::Datelike;

/// The object TimelineJS loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineJs {
    /// The title slide.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<Slide>,
    /// Event slides in date order.
    pub events: Vec<Slide>,
}

/// A slide: an event or the title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    /// When it starts (required for events; absent on the title slide).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start_date: Option<Date>,
    /// When a range ends.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end_date: Option<Date>,
    /// Headline and HTML text.
    pub text: Text,
    /// How the date is shown (keeps month and year precision readable).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub display_date: Option<String>,
    /// A stable id (the event's id).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unique_id: Option<String>,
}

/// A TimelineJS date: `year` required, `month` and `day` only when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<u32>,
    /// Day of month, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub day: Option<u32>,
}

/// A slide's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Short headline.
    pub headline: String,
    /// Body as HTML.
    pub text: String,
}

fn date(p: Point) -> Date {
    match p {
        Point::Day(d) => Date { year: d.year(), month: Some(d.month()), day: Some(d.day()) },
        Point::Month(y, m) => Date { year: y, month: Some(m), day: None },
        Point::Year(y) => Date { year: y, month: None, day: None },
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The TimelineJS object for `timeline`.
///
/// ```
/// let t = dateline::timeline::Timeline::default();
/// let js = dateline::timeline::render::timelinejs::from_timeline(&t);
/// assert!(js.events.is_empty());
/// ```
pub fn from_timeline(timeline: &Timeline) -> TimelineJs {
    let events = timeline
        .events
        .iter()
        .filter_map(|e| {
            let (start, end) = e.date?.points();
            let mut html = format!("<p>{}</p>", escape(&e.text));
            if let Some(q) = &e.quote {
                html.push_str(&format!(
                    "<blockquote>{}{}{}<br>\u{2014} {}</blockquote>",
                    if q.direct { "\u{201c}" } else { "" },
                    escape(&q.text),
                    if q.direct { "\u{201d}" } else { "" },
                    escape(&q.speaker_text)
                ));
            }
            let sources: Vec<String> = e
                .provenance
                .iter()
                .map(|s| {
                    if s.outlets.is_empty() {
                        escape(&s.id)
                    } else {
                        format!("{} ({})", escape(&s.id), escape(&s.outlets.join(", ")))
                    }
                })
                .collect();
            html.push_str(&format!("<p>Sources: {}</p>", sources.join("; ")));
            if !e.conflicts.is_empty() {
                html.push_str("<p><em>Sources disagree on this account.</em></p>");
            }
            Some(Slide {
                start_date: Some(date(start)),
                end_date: end.map(date),
                text: Text { headline: escape(&shorten(&e.text, 90)), text: html },
                display_date: Some(date_label(e.date.as_ref())),
                unique_id: Some(e.id.clone()),
            })
        })
        .collect();
    let title = timeline.title.as_ref().map(|t| Slide {
        start_date: None,
        end_date: None,
        text: Text {
            headline: escape(t),
            text: format!("<p>{} dated events, every one with its sources.</p>", timeline.events.len()),
        },
        display_date: None,
        unique_id: None,
    });
    TimelineJs { title, events }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::Event;

    fn event(id: &str, d: Option<&str>) -> Event {
        Event::new(id, d.and_then(crate::time::parse_value), "A <b> & c")
    }

    #[test]
    fn precision_maps_to_present_date_fields_and_ranges_to_end_dates() {
        let t = Timeline {
            title: None,
            events: vec![event("e1", Some("2016/2018")), event("e2", Some("2025-02")), event("e3", Some("2025-04-10"))],
        };
        let js = from_timeline(&t);
        assert_eq!(js.events[0].start_date, Some(Date { year: 2016, month: None, day: None }));
        assert_eq!(js.events[0].end_date, Some(Date { year: 2018, month: None, day: None }));
        assert_eq!(js.events[1].start_date, Some(Date { year: 2025, month: Some(2), day: None }));
        assert_eq!(js.events[2].start_date, Some(Date { year: 2025, month: Some(4), day: Some(10) }));
    }

    #[test]
    fn undated_events_are_left_out_and_html_is_escaped() {
        let t = Timeline { title: Some("T".into()), events: vec![event("e1", None), event("e2", Some("2025"))] };
        let js = from_timeline(&t);
        assert_eq!(js.events.len(), 1);
        assert_eq!(js.events[0].text.headline, "A &lt;b&gt; &amp; c");
        assert!(js.title.is_some_and(|s| s.start_date.is_none()));
    }
}
