//! A plain-text rendering for a terminal: events grouped by date, each with
//! its text, key quote, sources (syndicated copies listed with their outlets)
//! and conflicts.

use std::fmt::Write;

use super::{date_label, shorten};
use crate::timeline::Timeline;

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
    let mut sources: Vec<&str> = timeline.events.iter().flat_map(|e| e.sources.iter().map(String::as_str)).collect();
    sources.sort_unstable();
    sources.dedup();
    let _ = writeln!(out, "{} events from {} sources", timeline.events.len(), sources.len());
    for (date, events) in timeline.by_date() {
        let _ = writeln!(out, "\n{}", date_label(date.as_ref()));
        for e in events {
            wrap(&mut out, "    ", "  \u{2022}", &e.text);
            if let Some(q) = &e.quote {
                let quoted = if q.direct {
                    format!("\u{201c}{}\u{201d} \u{2014} {}", shorten(&q.text, 300), q.speaker_text)
                } else {
                    format!("{} (reported): {}", q.speaker_text, shorten(&q.text, 300))
                };
                wrap(&mut out, "      ", "    >", &quoted);
            }
            let list: Vec<String> = e
                .provenance
                .iter()
                .map(|s| {
                    if s.copies.len() > 1 || !s.outlets.is_empty() {
                        let mut parts = s.outlets.clone();
                        if s.copies.len() > 1 {
                            parts.push(format!("{} copies", s.copies.len()));
                        }
                        format!("{} ({})", s.id, parts.join(", "))
                    } else {
                        s.id.clone()
                    }
                })
                .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Event, Source};

    #[test]
    fn groups_by_date_and_lists_syndicated_outlets() {
        let e = |id: &str, d: &str, src: Source| Event {
            sources: vec![src.id.clone()],
            provenance: vec![src],
            ..Event::new(id, crate::time::parse_value(d), format!("Happening {id}"))
        };
        let a = Source { id: "a".into(), outlets: vec![], copies: vec!["a".into()] };
        let b = Source {
            id: "b#1".into(),
            outlets: vec!["X".into(), "Y".into()],
            copies: vec!["b#1".into(), "b#2".into()],
        };
        let t = Timeline { title: Some("Story".into()), events: vec![e("e1", "2025-02", a), e("e2", "2025-02", b)] };
        let s = render(&t);
        assert_eq!(s.matches("February 2025").count(), 1, "{s}");
        assert!(s.contains("b#1 (X, Y, 2 copies)"), "{s}");
        assert!(s.starts_with("Story\n2 events from 2 sources"), "{s}");
    }
}
