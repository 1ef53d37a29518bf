//! A plain-text rendering for a terminal: events grouped by date, each with
//! its text, key quote, sources (syndicated copies listed with their outlets)
//! and conflicts.

use std::fmt::Write;

use super::json::Interchange;
use super::{date_label, shorten, Counts};
use crate::timeline::{Source, Timeline};

/// Lines are wrapped to this many characters.
const WIDTH: usize = 100;

fn wrap(out: &mut String, indent: &str, first: &str, text: &str) {
    let mut line = format!("{first} ");
    let mut empty = true;
    for w in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + w.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(w);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Render `timeline` as text.
///
/// ```
/// let t = dateline::timeline::Timeline::default();
/// assert!(dateline::timeline::render::text::render(&t).contains("0 events"));
/// ```
pub fn render(timeline: &Timeline) -> String {
    let mut out = String::new();
    if let Some(title) = &timeline.title {
        let _ = writeln!(out, "{title}");
    }
    let _ = writeln!(out, "{}", Counts::of(timeline).sentence());
    for (date, events) in timeline.by_date() {
        let _ = writeln!(out, "\n{}", date_label(date.as_ref()));
        for e in events {
            wrap(&mut out, "    ", "  \u{2022}", &e.text);
            if e.rule == Some(crate::time::Rule::Publication) {
                wrap(&mut out, "      ", "    (dated by", "its page's publication date: no date in the text)");
            }
            if let Some(q) = &e.quote {
                let quoted = if q.direct {
                    format!("\u{201c}{}\u{201d} \u{2014} {}", shorten(&q.text, 300), q.speaker_text)
                } else {
                    format!("{} (reported): {}", q.speaker_text, shorten(&q.text, 300))
                };
                wrap(&mut out, "      ", "    >", &quoted);
            }
            let list: Vec<String> = e.provenance.iter().map(source_line).collect();
            wrap(&mut out, "             ", "    sources:", &list.join("; "));
            for c in &e.conflicts {
                let other = timeline.events.iter().find(|o| o.id == c.event);
                let when = other.map(|o| date_label(o.date.as_ref())).unwrap_or_default();
                let what = other.map(|o| shorten(&o.text, 120)).unwrap_or_default();
                wrap(&mut out, "      ", "    ! conflicts with", &format!("[{when}] {what} \u{2014} {}", c.reason));
            }
        }
    }
    out
}

/// One source as a reader names it: outlet (else URL host, else document
/// id), its URL, and how many syndicated copies carry it.
fn source_line(s: &Source) -> String {
    let mut line = s.label();
    if s.is_blurb() {
        line.push_str(" (related-story blurb)");
    }
    if let Some(u) = s.url() {
        line.push_str(&format!(" <{u}>"));
    }
    if s.copies.len() > 1 {
        let others: Vec<String> = s.copies.iter().skip(1).map(|c| c.label()).collect();
        line.push_str(&format!(" [{} copies, also: {}]", s.copies.len(), others.join(", ")));
    }
    line
}

/// Render a whole [`Interchange`] (a pipeline report): the timeline, then
/// the related-story blurbs left out as other stories, with their headlines
/// when the documents were kept.
pub fn render_report(report: &Interchange) -> String {
    let mut out = render(&report.timeline);
    if !report.off_focus.is_empty() {
        let list: Vec<String> = report
            .off_focus
            .iter()
            .map(|id| match report.document(id).and_then(|d| d.title.as_deref()) {
                Some(t) => format!("{id} ({})", shorten(t, 80)),
                None => id.clone(),
            })
            .collect();
        out.push('\n');
        wrap(&mut out, "  ", "Left out as other stories (related-story blurbs):", &list.join("; "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Event, Source, SourceCopy};

    #[test]
    fn groups_by_date_and_lists_syndicated_outlets() {
        let e = |id: &str, d: &str, src: Source| Event {
            sources: vec![src.id.clone()],
            provenance: vec![src],
            ..Event::new(id, crate::time::parse_value(d), format!("Happening {id}"))
        };
        let a = Source::single("a");
        let copy = |id: &str, o: &str, u: Option<&str>| SourceCopy {
            id: id.into(),
            outlet: Some(o.into()),
            url: u.map(String::from),
        };
        let b = Source {
            id: "b".into(),
            outlets: vec!["X".into(), "Y".into()],
            copies: vec![copy("b", "X", Some("https://x.example/b")), copy("c", "Y", None)],
        };
        let t = Timeline { title: Some("Story".into()), events: vec![e("e1", "2025-02", a), e("e2", "2025-02", b)] };
        let s = render(&t);
        assert_eq!(s.matches("February 2025").count(), 1, "{s}");
        assert!(s.contains("X <https://x.example/b> [2 copies, also: Y]"), "{s}");
        assert!(s.starts_with("Story\n2 events from 3 pages (2 independent sources)"), "{s}");
    }
}
