//! The timeline: one dated, sourced account of the corpus's story.
//!
//! The last stage turns per-document results (sentences anchored to dates by
//! [`time::sentence_anchors`](crate::time::sentence_anchors), entity mentions,
//! claims) into [`Event`]s in date order. It works in three steps, each a
//! documented rule rather than a learned model, so an editor can predict it:
//!
//! 1. **Statements** ([`build::statements`]). Every sentence whose anchor
//!    resolved to a date is a dated statement, with the entities mentioned in
//!    it and its content words. A sentence that also names *other* resolved
//!    dates ("... talks since the invasion in 2022") yields one more statement
//!    per other date, limited to the clause around that expression, so a
//!    happening mentioned in passing gets its own date. A claim whose
//!    statement date the time stage resolved ("Zakharova claimed on June 16")
//!    dates its sentence even when the sentence has no anchor. Anything whose
//!    date did not resolve is left out: no date is ever invented, and a value
//!    known only to the month, year or as a range keeps that precision.
//! 2. **Events** ([`build::build`]). Statements with the *same* date value
//!    (same precision too: "February" and "February 18" stay apart) are
//!    merged, single-link, when they are about the same happening: they share
//!    at least [`MERGE_MIN_SHARED`](build::MERGE_MIN_SHARED) entities or
//!    content words, and the shared items are at least
//!    [`MERGE_MIN_OVERLAP`](build::MERGE_MIN_OVERLAP) of the smaller
//!    statement's items (overlap coefficient). An event lists every source;
//!    syndicated copies (one [`dedup`](crate::dedup) story) count as one
//!    [`Source`] that lists their outlets.
//! 3. **Conflicts**. Two events from disjoint sources conflict when their
//!    dates overlap (equal, or one contains the other), they describe the same
//!    kind of happening (at least [`CONFLICT_MIN_SHARED`](build::CONFLICT_MIN_SHARED)
//!    shared content words other than entity names, e.g. "two rounds of
//!    discussions"), and each places it at a venue (a place mentioned after
//!    "in" or "at") the other does not. Both accounts stay in the timeline,
//!    each listing the other in [`Event::conflicts`].
//!
//! **Focus** ([`focus`]): the corpus's pages are always covered; a related-story
//! blurb appended to a page is covered only when it belongs to the story the
//! pages tell, judged by its overlap with the terms and entities the pages
//! share (see [`focus::Profile`]).
//!
//! Output: [`render::text`] (grouped by date, for a terminal),
//! [`render::json`] (the crate's interchange format) and
//! [`render::timelinejs`] (Knight Lab's TimelineJS JSON).
//!
//! Cost: building events is linear in the number of statements per date plus
//! a pairwise pass inside each date; the whole pipeline's throughput
//! (documents/s and MB/s, dominated by the stages before this one) is
//! measured by `cargo bench --bench timeline`.

use serde::{Deserialize, Serialize};

use crate::data::data_lines;
use crate::hash::FastMap;
use crate::time::{Rule, TimeValue};

mod anaphora;
pub mod build;
mod by_sentence;
mod clause;
mod conflict;
pub mod focus;
pub mod precision;
mod quote;
pub mod render;

/// A dated happening or statement, with everything that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Identifier within its timeline (`e1`, `e2`, ... in timeline order).
    pub id: String,
    /// When, with its precision (`2025-04-10`, `2025-02`, `2025`, `2016/2018`); `None` when unknown.
    pub date: Option<TimeValue>,
    /// How [`date`](Event::date) was found: the time stage's rule for the
    /// date phrase, [`Rule::Publication`] for a lede with no date phrase
    /// (dated by its page's date or dateline), [`Rule::Antecedent`] for "the
    /// same day" and its kin. `None` for events built by hand.
    #[serde(default)]
    pub rule: Option<Rule>,
    /// What happened or was said: the most representative sentence or clause.
    pub text: String,
    /// Gazetteer ids of the entities involved, most mentioned first.
    pub entities: Vec<String>,
    /// One document id per independent source (for syndicated copies, the
    /// story's canonical member), in order of first report.
    pub sources: Vec<String>,
    /// Other events that give an incompatible account (see the module docs).
    pub conflicts: Vec<Conflict>,
    /// For each entry of [`sources`](Event::sources), its outlets and copies.
    pub provenance: Vec<Source>,
    /// Every sentence or clause the event was built from: byte spans into the
    /// body of the corpus document each comes from (blurbs: into their page).
    pub evidence: Vec<Evidence>,
    /// The key quote: a direct (else reported) claim made in the event's text.
    pub quote: Option<Quote>,
}

impl Event {
    /// An event with only an id, a date and a text (no sources yet), for
    /// building or editing timelines by hand before rendering them.
    ///
    /// ```
    /// let e = dateline::timeline::Event::new("e1", dateline::time::parse_value("2025-02"), "Talks began.");
    /// assert!(e.sources.is_empty());
    /// ```
    pub fn new(id: impl Into<String>, date: Option<TimeValue>, text: impl Into<String>) -> Event {
        Event {
            id: id.into(),
            date,
            rule: None,
            text: text.into(),
            entities: Vec::new(),
            sources: Vec::new(),
            conflicts: Vec::new(),
            provenance: Vec::new(),
            evidence: Vec::new(),
            quote: None,
        }
    }
}

/// A pointer from one event to another that contradicts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The other event's [`Event::id`].
    pub event: String,
    /// Why they conflict, as a sentence for an editor.
    pub reason: String,
}

/// One independent source: a document, or a syndicated story counted once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The document id standing for the source (a story's canonical member).
    pub id: String,
    /// The outlets that carried it (front matter `source`, a blurb's outlet),
    /// one per copy that names one.
    pub outlets: Vec<String>,
    /// All copies of the story, the canonical member first (just the
    /// document itself for an unsyndicated one).
    pub copies: Vec<SourceCopy>,
}

impl Source {
    /// A source of one document with no outlet or URL known.
    ///
    /// ```
    /// let s = dateline::timeline::Source::single("a.txt");
    /// assert_eq!(s.copies[0].id, "a.txt");
    /// assert!(!s.is_blurb());
    /// ```
    pub fn single(id: impl Into<String>) -> Source {
        let id = id.into();
        Source { id: id.clone(), outlets: Vec::new(), copies: vec![SourceCopy::new(id)] }
    }

    /// The copy standing for the source (the canonical member), if listed.
    pub fn canonical(&self) -> Option<&SourceCopy> {
        self.copies.iter().find(|c| c.id == self.id).or(self.copies.first())
    }

    /// The URL of the canonical copy, else of the first copy that has one.
    pub fn url(&self) -> Option<&str> {
        self.canonical().and_then(|c| c.url.as_deref()).or_else(|| self.copies.iter().find_map(|c| c.url.as_deref()))
    }

    /// Whether the source is a related-story blurb (id `<page>#<n>`), not a page.
    pub fn is_blurb(&self) -> bool {
        is_blurb_id(&self.id)
    }

    /// How a reader names the source: its outlet, else its URL's host, else its document id.
    pub fn label(&self) -> String {
        let c = self.canonical();
        c.and_then(|c| c.outlet.clone())
            .or_else(|| self.outlets.first().cloned())
            .or_else(|| self.url().and_then(host).map(str::to_string))
            .unwrap_or_else(|| self.id.clone())
    }
}

/// One copy of a source: a corpus page or a related-story blurb, with where it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCopy {
    /// Document id (`<page>` or `<page>#<n>` for a blurb).
    pub id: String,
    /// The outlet (front matter `source`, a blurb's outlet), when known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// The page's address (front matter `url`), when known; a blurb has none of its own.
    #[serde(default)]
    pub url: Option<String>,
}

impl SourceCopy {
    /// A copy with no outlet or URL known.
    pub fn new(id: impl Into<String>) -> SourceCopy {
        SourceCopy { id: id.into(), outlet: None, url: None }
    }

    /// How a reader names the copy: its outlet, else its URL's host, else its document id.
    pub fn label(&self) -> String {
        self.outlet
            .clone()
            .or_else(|| self.url.as_deref().and_then(host).map(str::to_string))
            .unwrap_or_else(|| self.id.clone())
    }
}

/// Whether a document id names a related-story blurb (`<page>#<n>`).
pub fn is_blurb_id(id: &str) -> bool {
    id.rsplit_once('#').is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The host of an `http(s)` URL (`www.` dropped), for naming a source without an outlet.
fn host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// A byte span of a document that an event was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id (`<page>` or `<page>#<n>` for a blurb).
    pub document: String,
    /// Start byte offset into the body of the corpus document.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// The key quote of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's gazetteer id, when there is one.
    pub speaker: Option<String>,
    /// The speaker's name: as written, or a pronoun's resolved antecedent.
    pub speaker_text: String,
    /// What was said.
    pub text: String,
    /// Whether it is quoted words (`true`) or reported speech.
    pub direct: bool,
    /// The document it is quoted from.
    pub document: String,
}

/// The events of a corpus's story in date order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// A headline for the whole story: the headline of its most central page.
    pub title: Option<String>,
    /// Events ordered by the first day they cover, coarser spans first on ties.
    pub events: Vec<Event>,
}

impl Timeline {
    /// Events grouped by date, in timeline order; undated events (if any) come last.
    pub fn by_date(&self) -> Vec<(Option<TimeValue>, Vec<&Event>)> {
        let mut groups: Vec<(Option<TimeValue>, Vec<&Event>)> = Vec::new();
        for e in &self.events {
            match groups.last_mut() {
                Some((d, list)) if *d == e.date => list.push(e),
                _ => groups.push((e.date, vec![e])),
            }
        }
        groups
    }
}

/// Whether `title` can stand as the story's headline: not a video or
/// navigation prompt ("Watch CBS News", "Live updates") and not a bare
/// timestamp or date ("Updated 10:42 AM EDT", "July 4, 2024").
///
/// ```
/// use dateline::timeline::is_headline;
/// assert!(is_headline("Talks on embassies stall in Istanbul"));
/// assert!(!is_headline("Watch CBS News"));
/// assert!(!is_headline("10:42 AM EDT, Thu July 4, 2024"));
/// ```
pub fn is_headline(title: &str) -> bool {
    let t = title.trim();
    let lower = t.to_lowercase();
    const PROMPTS: &[&str] =
        &["watch ", "listen ", "live updates", "live:", "video:", "subscribe", "sign up", "advertisement"];
    if PROMPTS.iter().any(|p| lower.starts_with(p)) || lower.ends_with(" news") && lower.split_whitespace().count() <= 4
    {
        return false;
    }
    // Content words other than weekday, month and time words: a timestamp has none.
    const CLOCK: &[&str] = &[
        "updated",
        "published",
        "posted",
        "am",
        "pm",
        "a.m",
        "p.m",
        "edt",
        "est",
        "gmt",
        "utc",
        "bst",
        "cet",
        "ist",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ];
    let words = word_indices(t).map(|(_, w)| w.to_lowercase()).filter(|w| !w.bytes().all(|b| b.is_ascii_digit()));
    let telling = words
        .filter(|w| {
            let w = w.trim_end_matches('.');
            !CLOCK.contains(&w)
                && !CLOCK.iter().any(|c| c.len() == 3 && w.starts_with(c) && w.len() > 3 && is_calendar_word(w))
        })
        .count();
    telling >= 2
}

fn is_calendar_word(w: &str) -> bool {
    // "may" is left out: as a word of a time stamp it is far more often the verb.
    w != "may" && crate::lexicon::is_month_or_weekday(w)
}

const STOPWORDS: &str = include_str!("stopwords.txt");
const SYNONYMS: &str = include_str!("synonyms.txt");

/// The canonical word of a synonym group (`synonyms.txt`), or `w` itself.
fn canonical(w: &str) -> String {
    use std::sync::OnceLock;
    static MAP: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = FastMap::default();
        for (_, line) in data_lines(SYNONYMS) {
            let mut words = line.split_whitespace();
            if let Some(head) = words.next() {
                for v in words {
                    m.insert(v, head);
                }
            }
        }
        m
    });
    map.get(w).copied().unwrap_or(w).to_string()
}

fn is_stopword(w: &str) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<FastMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| data_lines(STOPWORDS).map(|(_, l)| (l.trim(), ())).collect()).contains_key(w)
}

/// The content words of `text`: lower-cased, possessives and plural `s`
/// stripped, stop words, digits and words under three letters dropped.
/// Used for event clustering and the focus rule; sorted and deduplicated.
///
/// ```
/// let w = dateline::timeline::content_words("Two rounds of talks in Russia\u{2019}s consulate, 2025.");
/// assert_eq!(w, ["consulate", "round", "russia", "talk", "two"]);
/// ```
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = word_indices(text).filter_map(|(_, w)| content_word(w)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Words of `text` with their byte offsets: maximal runs of letters and
/// digits, with an apostrophe inside a word kept ("Russia's"). Cheaper than
/// full Unicode word segmentation and enough for content words.
pub(crate) fn word_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric();
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word(c) {
                chars.next();
                continue;
            }
            // An apostrophe between letters stays inside the word.
            if c == '\'' || c == '\u{2019}' {
                let mut look = chars.clone();
                look.next();
                if look.peek().is_some_and(|&(_, n)| is_word(n)) {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        text.get(start..end).map(|w| (start, w))
    })
}

/// One word's content form, or `None` for a stop word.
pub(crate) fn content_word(w: &str) -> Option<String> {
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
    if w.len() < 3 || w.bytes().any(|b| b.is_ascii_digit()) || w.chars().nth(2).is_none() {
        return None;
    }
    // Lower-case ASCII words on the stack: most words of news text are
    // ASCII and most are stop words, so this skips an allocation per word.
    let mut buf = [0u8; 24];
    let lower: std::borrow::Cow<'_, str> = match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::borrow::Cow::Borrowed(std::str::from_utf8(b).ok()?)
        }
        _ => std::borrow::Cow::Owned(w.to_lowercase()),
    };
    if is_stopword(&lower) {
        return None;
    }
    // Crude plural folding: "rounds" ~ "round", but not "process" or "us".
    let stem = match lower.strip_suffix('s') {
        Some(s) if s.len() >= 3 && !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i') => s,
        _ => &lower,
    };
    (!is_stopword(stem)).then(|| canonical(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_fold_plurals_and_drop_function_words() {
        assert_eq!(content_words("The talks were held in Istanbul"), ["held", "istanbul", "talk"]);
        assert_eq!(content_words("discussions, negotiations"), ["talk"]);
        assert_eq!(content_words("process status"), ["process", "status"]);
        assert_eq!(content_words(""), Vec::<String>::new());
        assert_eq!(
            content_words("Russia\u{2019}s full-scale ’quoted’ invasion"),
            ["full", "invade", "quoted", "russia", "scale"]
        );
    }

    #[test]
    fn by_date_groups_adjacent_events_with_equal_dates() {
        let ev = |id: &str, d: &str| Event::new(id, crate::time::parse_value(d), "");
        let t =
            Timeline { title: None, events: vec![ev("e1", "2025-02"), ev("e2", "2025-02"), ev("e3", "2025-04-10")] };
        let g = t.by_date();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].1.len(), 2);
        assert_eq!(g[1].0.map(|d| d.to_string()).as_deref(), Some("2025-04-10"));
    }
}
