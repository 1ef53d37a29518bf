//! A self-contained HTML page of a timeline, for a journalist to open in a
//! browser.
//!
//! One file with inline CSS and no scripts, fonts or images from anywhere
//! (a Content-Security-Policy `<meta>` forbids them, so the page makes no
//! network request when opened). Dates run down the left side; each event
//! shows its text, how its date was found when it is not a date phrase, its
//! key quote, its sources linked by URL (syndicated copies collapsed under
//! their story in a `<details>`), and its conflicts, highlighted and linked
//! to the other account. Related-story blurbs left out as other stories are
//! listed apart at the end.
//!
//! Every piece of text from the corpus is HTML-escaped, and only `http`/`https`
//! URLs become links (a `javascript:` URL in front matter stays plain text).
//!
//! For tests and tools the page carries its structure in attributes: each
//! event is an `<article class="event" id="e1" data-date="2025-04-10">` whose
//! `data-date` is the first day it covers.

use std::fmt::Write;

use super::json::Interchange;
use super::{date_label, shorten, Counts};
use crate::time::Rule;
use crate::timeline::build::bounds;
use crate::timeline::{Event, Source, SourceCopy};

const CSS: &str = include_str!("html.css");

/// `s` with `&`, `<`, `>`, `"` and `'` escaped, safe in text and in quoted attributes.
///
/// ```
/// use dateline::timeline::render::html::escape;
/// assert_eq!(escape("<a href=\"x\">Tom & 'Jerry'</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The URL when it is an absolute `http`/`https` address with no white space
/// or control characters; links are made only from these.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    (scheme_ok && u.len() > 8 && !u.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(u)
}

fn link(out: &mut String, label: &str, url: Option<&str>) {
    match url.and_then(safe_url) {
        Some(u) => {
            let _ = write!(out, "<a href=\"{}\" rel=\"noreferrer\">{}</a>", escape(u), escape(label));
        }
        None => out.push_str(&escape(label)),
    }
}

fn copy_item(out: &mut String, c: &SourceCopy) {
    out.push_str("<li>");
    link(out, &c.label(), c.url.as_deref());
    if c.outlet.is_some() || c.url.is_some() {
        let _ = write!(out, " <span class=\"doc\">{}</span>", escape(&c.id));
    }
    out.push_str("</li>");
}

fn source_item(out: &mut String, s: &Source) {
    out.push_str("<li>");
    link(out, &s.label(), s.url());
    if s.is_blurb() {
        out.push_str(" <span class=\"tag\">related-story blurb</span>");
    }
    if s.copies.len() > 1 {
        let _ = write!(out, "<details><summary>{} syndicated copies</summary><ul class=\"copies\">", s.copies.len());
        for c in &s.copies {
            copy_item(out, c);
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</li>");
}

fn event_html(out: &mut String, e: &Event, all: &[Event]) {
    let day = e.date.as_ref().and_then(bounds).map(|(s, _)| s.to_string()).unwrap_or_default();
    let class = if e.conflicts.is_empty() { "event" } else { "event conflict" };
    let _ = write!(out, "<article class=\"{class}\" id=\"{}\" data-date=\"{}\">", escape(&e.id), escape(&day));
    let _ = write!(out, "<p class=\"text\">{}</p>", escape(&e.text));
    match e.rule {
        Some(Rule::Publication) => {
            out.push_str("<p class=\"rule\">Dated by its page\u{2019}s publication date: the text gives no date.</p>")
        }
        Some(Rule::Antecedent) => out.push_str(
            "<p class=\"rule\">Dated from the event told just before (\u{201c}the same day\u{201d} and the like).</p>",
        ),
        _ => {}
    }
    if let Some(q) = &e.quote {
        let text = shorten(&q.text, 400);
        let shown = if q.direct { format!("\u{201c}{text}\u{201d}") } else { format!("{text} (reported)") };
        let _ = write!(
            out,
            "<blockquote class=\"quote\"><p>{}</p><footer>\u{2014} {}</footer></blockquote>",
            escape(&shown),
            escape(&q.speaker_text)
        );
    }
    out.push_str("<ul class=\"sources\">");
    for s in &e.provenance {
        source_item(out, s);
    }
    out.push_str("</ul>");
    for c in &e.conflicts {
        let other = all.iter().find(|o| o.id == c.event);
        let when = other.map(|o| date_label(o.date.as_ref())).unwrap_or_default();
        let what = other.map(|o| shorten(&o.text, 140)).unwrap_or_default();
        let _ = write!(
            out,
            "<p class=\"conflict-note\"><strong>Sources disagree.</strong> Compare <a href=\"#{}\">[{}] {}</a>: {}.</p>",
            escape(&c.event),
            escape(&when),
            escape(&what),
            escape(&c.reason)
        );
    }
    out.push_str("</article>");
}

/// The HTML page of a pipeline report: its timeline, sources and the
/// related-story blurbs left out.
///
/// ```
/// use dateline::timeline::{Event, Timeline};
/// let mut report = dateline::timeline::render::json::Interchange::default();
/// report.timeline = Timeline { title: Some("Talks <resume>".into()), events: vec![
///     Event::new("e1", dateline::time::parse_value("2025-04-10"), "Diplomats met & talked."),
/// ]};
/// let page = dateline::timeline::render::html::render(&report);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<h1>Talks &lt;resume&gt;</h1>"));
/// assert!(page.contains("data-date=\"2025-04-10\""));
/// assert!(page.contains("Diplomats met &amp; talked."));
/// ```
pub fn render(report: &Interchange) -> String {
    let t = &report.timeline;
    let title = t.title.clone().unwrap_or_else(|| "Timeline".to_string());
    let mut out = String::with_capacity(4096 + 1024 * t.events.len());
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>\n{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"counts\">{}</p></header>",
        escape(&title),
        escape(&Counts::of(t).sentence())
    );
    out.push_str("<main>\n<ol class=\"timeline\">\n");
    for (date, events) in t.by_date() {
        let iso = date.map(|d| d.to_string()).unwrap_or_default();
        let _ = write!(
            out,
            "<li class=\"day\"><time class=\"date\" datetime=\"{}\">{}</time><div class=\"events\">",
            escape(&iso),
            escape(&date_label(date.as_ref()))
        );
        for e in events {
            event_html(&mut out, e, &t.events);
        }
        out.push_str("</div></li>\n");
    }
    out.push_str("</ol>\n");
    if !report.off_focus.is_empty() {
        out.push_str("<section class=\"off-focus\"><h2>Left out as other stories</h2>");
        out.push_str("<p>Related-story blurbs printed with the pages but about other stories.</p><ul>");
        for id in &report.off_focus {
            out.push_str("<li>");
            match report.document(id).and_then(|d| d.title.as_deref()) {
                Some(title) => {
                    let _ = write!(out, "{} <span class=\"doc\">{}</span>", escape(title), escape(id));
                }
                None => out.push_str(&escape(id)),
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Conflict, Quote, Timeline};

    fn hostile_report() -> Interchange {
        let mut e1 = Event::new("e1", crate::time::parse_value("2025-02"), "<script>alert('x')</script> & \"quoted\"");
        e1.provenance = vec![Source {
            id: "a".into(),
            outlets: vec!["<b>Outlet</b>".into()],
            copies: vec![
                SourceCopy {
                    id: "a".into(),
                    outlet: Some("<b>Outlet</b>".into()),
                    url: Some("javascript:alert(1)".into()),
                },
                SourceCopy { id: "b".into(), outlet: None, url: Some("https://example.org/x?a=1&b=\"2\"".into()) },
            ],
        }];
        e1.quote = Some(Quote {
            speaker: None,
            speaker_text: "<i>Eve</i>".into(),
            text: "</blockquote><img src=x>".into(),
            direct: true,
            document: "a".into(),
        });
        e1.conflicts = vec![Conflict { event: "e2\" onmouseover=\"x".into(), reason: "<u>why</u>".into() }];
        let e2 = Event::new("e2", crate::time::parse_value("2025-04-10"), "Plain.");
        Interchange {
            off_focus: vec!["a#1<".into()],
            timeline: Timeline { title: Some("</title><script>".into()), events: vec![e1, e2] },
            ..Interchange::default()
        }
    }

    #[test]
    fn hostile_text_is_escaped_everywhere_and_unsafe_urls_are_not_links() {
        let page = render(&hostile_report());
        for raw in ["<script", "<img", "<b>", "<i>", "<u>", "</title><", "javascript:", "onmouseover=\"", "a#1<"] {
            assert!(!page.contains(raw), "{raw} unescaped in\n{page}");
        }
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assert!(page.contains("href=\"https://example.org/x?a=1&amp;b=&quot;2&quot;\""));
        assert_eq!(page.matches("<script").count(), 0);
        assert!(page.contains("<details><summary>2 syndicated copies</summary>"));
        assert!(page.contains("class=\"event conflict\""));
    }

    #[test]
    fn events_keep_date_order_and_days_label_the_side() {
        let page = render(&hostile_report());
        let feb = page.find("data-date=\"2025-02-01\"").unwrap();
        let apr = page.find("data-date=\"2025-04-10\"").unwrap();
        assert!(feb < apr);
        assert!(page.contains(">February 2025</time>"));
        assert!(page.contains("<section class=\"off-focus\">"));
    }

    #[test]
    fn only_absolute_http_urls_are_safe() {
        assert_eq!(safe_url("https://a.example/x"), Some("https://a.example/x"));
        assert_eq!(safe_url("HTTP://A.EXAMPLE"), Some("HTTP://A.EXAMPLE"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://a.example/x y"), None);
        assert_eq!(safe_url("//a.example"), None);
    }
}
