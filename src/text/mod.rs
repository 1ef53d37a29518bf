//! The text model every later stage shares: headline, paragraphs,
//! sentences, boilerplate regions and related-story blurbs of a page.
//!
//! [`analyze`] takes a document body and returns its [`Structure`]. Stages
//! after this one (entities, time, claims, dedup) read only [`Section`]s: the
//! page's main article text ([`Structure::main`]) and each blurb's own text
//! ([`Blurb::section`]); boilerplate never reaches them. All spans are byte
//! ranges into the page body.
//!
//! ## Design
//!
//! - [`segment`]: paragraphs are lines (scraped pages separate paragraphs by
//!   one newline or a blank line; wrapped lines are joined), sentences are
//!   UAX #29 candidates corrected for news abbreviations
//!   (`data/text/abbreviations.txt`).
//! - `structure` (private): each line gets shape features (word count, final
//!   stop, case, timestamp grammar, cue phrases from
//!   `data/text/boilerplate.txt`, caption and policy markers from
//!   `data/text/markers.txt`), then position rules find the related-stories
//!   tail, the headline, boilerplate runs and blurbs. See the `structure`
//!   source for the rule order.
//! - [`normalize`]: typographic folding with an offset map, and
//!   NFC-insensitive comparison keys.
//!
//! Trade-off: rules over line shape and position, not a trained model. They
//! need no training data and explain themselves ([`Structure::render`]), but
//! a page whose furniture looks like prose (a long promotional sentence with
//! no cue word) keeps it as article text; the rules prefer keeping text to
//! dropping it.
//!
//! Cost: about 150 MB/s of page text on one core (`cargo bench --bench
//! structure`, which prints wall-clock and thread-CPU-time figures; they
//! agree when a core is free); memory is a few words per line and sentence
//! of the page. Sentence candidates come from a byte scan that reproduces
//! unicode-segmentation's UAX #29 candidates (a test checks both agree), as
//! the table-driven segmenter alone ran at about 25 MB/s.

use serde::{Deserialize, Serialize};

mod lines;
pub mod normalize;
pub mod segment;
mod stamp;
mod structure;

use crate::Span;

/// A paragraph of article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where the paragraph is in the body (trimmed of surrounding white space).
    pub span: Span,
}

/// A sentence of article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is in the body (trimmed of surrounding white space).
    pub span: Span,
    /// Index into the section's [`Section::paragraphs`].
    pub paragraph: usize,
}

/// The analysable text of a page or of one blurb: an optional headline and
/// the paragraphs and sentences after it.
///
/// When there is a headline it is also the first paragraph (and its first
/// sentence), so stages that walk paragraphs see it too.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Section {
    /// The headline, if one was found (or given by `title` front matter and found in the body).
    pub headline: Option<Span>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order; each names its paragraph.
    pub sentences: Vec<Sentence>,
}

impl Section {
    /// The span covering all paragraphs, or `None` when there are none.
    pub fn extent(&self) -> Option<Span> {
        Some(self.paragraphs.first()?.span.cover(self.paragraphs.last()?.span))
    }

    /// The wire dateline opening the section's first text paragraph (the
    /// first paragraph after the headline), up to and including its dash or
    /// colon: "MOSCOW, June 25 (Reuters) -", "WASHINGTON (AP) —", "ISLAMABAD:".
    ///
    /// The dateline stays in its paragraph and first sentence; stages that
    /// read dates use this to tell the place-and-date line from the events
    /// of the article.
    ///
    /// ```
    /// let body = "Talks resume\nMOSCOW, June 25 (Reuters) - Russia said talks would resume.\n";
    /// let s = dateline::text::analyze(body, None);
    /// assert_eq!(s.main.dateline(body).map(|d| d.slice(body)), Some("MOSCOW, June 25 (Reuters) -"));
    /// ```
    pub fn dateline(&self, body: &str) -> Option<Span> {
        let first = self.paragraphs.iter().find(|p| Some(p.span) != self.headline)?.span;
        let len = structure::dateline(first.slice(body))?;
        Some(Span::new(first.start, first.start + len))
    }

    /// Index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }
}

/// What a region of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RegionKind {
    /// The article's headline.
    Headline,
    /// The first paragraph of the article.
    Lede,
    /// Article body text.
    Body,
    /// Navigation, widgets, timestamps, share and comment text: not article text.
    Boilerplate,
    /// A related-story blurb (see [`Blurb`]).
    Blurb,
}

/// What kind of page furniture a [`RegionKind::Boilerplate`] region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// Menus, tag lists, link lists, app and cookie prompts, runs of short lines.
    Navigation,
    /// "Advertisement", "Sponsored", "Story continues below".
    Advertisement,
    /// Share, print, listen and save buttons.
    Share,
    /// Comment widgets and comment-policy footers.
    Comments,
    /// A related-stories heading ("Related Articles", "Read next") or link.
    Related,
    /// Newsletter and subscription boxes.
    Newsletter,
    /// A "Key Takeaways" / "Key points" box: the outlet's summary of the
    /// article, not article text (its facts are in the body; counting them
    /// twice would double mentions and claims).
    Summary,
    /// Wire footers and notes: "Reporting by ...", "This article was originally published ...".
    Footer,
    /// An author line: "By Jane Doe, Reuters".
    Byline,
    /// A photo caption or credit.
    Caption,
    /// A line that is only a time, date or age: "02:41", "33 minutes ago".
    Timestamp,
    /// A section label or kicker: "World News".
    SectionLabel,
    /// The headline printed a second time.
    DuplicateHeadline,
    /// Short lines after the article that match no cue (app promos, widget text).
    Widget,
    /// An embedded post or player: markup lines (`<tweet ...>`), "pic.twitter.com/...",
    /// "— Name (@handle) June 25, 2025".
    Embed,
}

impl BoilerplateKind {
    /// The kind's name as serialised (`"duplicate_headline"`).
    pub fn name(self) -> &'static str {
        match self {
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Advertisement => "advertisement",
            BoilerplateKind::Share => "share",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Related => "related",
            BoilerplateKind::Newsletter => "newsletter",
            BoilerplateKind::Summary => "summary",
            BoilerplateKind::Footer => "footer",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Timestamp => "timestamp",
            BoilerplateKind::SectionLabel => "section_label",
            BoilerplateKind::DuplicateHeadline => "duplicate_headline",
            BoilerplateKind::Widget => "widget",
            BoilerplateKind::Embed => "embed",
        }
    }
}

/// A classified region of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// What it is.
    pub kind: RegionKind,
    /// Where it is in the body.
    pub span: Span,
    /// For [`RegionKind::Boilerplate`], which kind of furniture it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<BoilerplateKind>,
}

/// A blurb of another story appended to a page ("Related Articles", "Read next").
///
/// Later stages treat it as a document of its own with id `<page id>#<number>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blurb {
    /// 1-based number in order of appearance: the blurb's id is `<page id>#<number>`.
    pub number: usize,
    /// The whole blurb, including its outlet and age lines.
    pub span: Span,
    /// The outlet named with the blurb ("Al Arabiya"), if any.
    pub outlet: Option<Span>,
    /// Its relative age as printed ("33 minutes ago"), if any.
    pub age: Option<Span>,
    /// A clock time or date printed with it ("02:41"), if any: a ticker
    /// stamp, not a date the story is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Span>,
    /// A section label printed with it ("World News"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Span>,
    /// Its own headline and text.
    pub section: Section,
}

impl Blurb {
    /// The blurb's document id: `<page id>#<number>` (its parent is the page).
    ///
    /// ```
    /// let body = "Talks resume\nDiplomats met on Thursday in Istanbul.\nRead next\n2 hours ago\nOil prices rise\nOil rose on Friday as supply fears grew.\n";
    /// let s = dateline::text::analyze(body, None);
    /// assert_eq!(s.blurbs[0].id("002.txt"), "002.txt#1");
    /// ```
    pub fn id(&self, page_id: &str) -> String {
        format!("{page_id}#{}", self.number)
    }
}

/// The structure of one page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Structure {
    /// The article itself.
    pub main: Section,
    /// Every classified region in body order (headline, lede, body, boilerplate, blurbs).
    pub regions: Vec<Region>,
    /// Related-story blurbs in order of appearance.
    pub blurbs: Vec<Blurb>,
}

impl Structure {
    /// The region containing byte offset `at`, if any.
    pub fn region_at(&self, at: usize) -> Option<&Region> {
        let i = self.regions.partition_point(|r| r.span.end <= at);
        self.regions.get(i).filter(|r| r.span.start <= at)
    }

    /// A debug rendering of `body` with every line tagged by its region:
    /// `headline`, `lede`, `body`, `boilerplate:<kind>`, or `blurb#N <part>`
    /// (`outlet`, `age`, `timestamp`, `label`, `headline`, `text`, `meta`).
    /// A dateline is shown as `[dateline: ...]`. Blank lines are kept.
    ///
    /// ```
    /// let body = "Talks resume in Istanbul\n\nMOSCOW (Reuters) - Diplomats met on Monday.\nAdvertisement\n";
    /// let s = dateline::text::analyze(body, None);
    /// let lines: Vec<String> = s.render(body).lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    /// assert_eq!(lines, [
    ///     "headline | Talks resume in Istanbul",
    ///     "|",
    ///     "lede | [dateline: MOSCOW (Reuters) -] Diplomats met on Monday.",
    ///     "boilerplate:advertisement | Advertisement",
    /// ]);
    /// ```
    pub fn render(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() * 2);
        let datelines: Vec<Span> = std::iter::once(&self.main)
            .chain(self.blurbs.iter().map(|b| &b.section))
            .filter_map(|s| s.dateline(body))
            .collect();
        let mut pos = 0;
        for raw in body.split_inclusive('\n') {
            let line = segment::trim(body, Span::new(pos, pos + raw.len()));
            pos += raw.len();
            if line.is_empty() {
                out.push_str(&format!("{:<30}|\n", ""));
                continue;
            }
            let tag = self.tag(line);
            let mut text = line.slice(body).to_string();
            if let Some(d) = datelines.iter().find(|d| line.contains(**d)) {
                let (a, b) = (d.start - line.start, d.end - line.start);
                if let (Some(pre), Some(mid), Some(post)) = (text.get(..a), text.get(a..b), text.get(b..)) {
                    text = format!("{pre}[dateline: {mid}]{post}");
                }
            }
            out.push_str(&format!("{tag:<30}| {text}\n"));
        }
        out
    }

    fn tag(&self, line: Span) -> String {
        let Some(region) = self.region_at(line.start) else { return "?".to_string() };
        match region.kind {
            RegionKind::Headline => "headline".into(),
            RegionKind::Lede => "lede".into(),
            RegionKind::Body => "body".into(),
            RegionKind::Boilerplate => {
                format!("boilerplate:{}", region.boilerplate.map_or("other", BoilerplateKind::name))
            }
            RegionKind::Blurb => {
                let Some(b) = self.blurbs.iter().find(|b| b.span.contains(line)) else { return "blurb".into() };
                let is = |s: Option<Span>| s.is_some_and(|s| line.contains(s));
                let part = if is(b.section.headline) {
                    "headline"
                } else if b.section.paragraphs.iter().any(|p| p.span.contains(line) || line.contains(p.span)) {
                    "text"
                } else if is(b.outlet) && is(b.age) {
                    "outlet+age"
                } else if is(b.outlet) && is(b.timestamp) {
                    "outlet+timestamp"
                } else if is(b.age) {
                    "age"
                } else if is(b.timestamp) {
                    "timestamp"
                } else if is(b.label) {
                    "label"
                } else if is(b.outlet) {
                    "outlet"
                } else {
                    "meta"
                };
                format!("blurb#{} {part}", b.number)
            }
        }
    }
}

/// Find the structure of a page body. `title` is the `title` front matter, if any.
///
/// Never fails and never panics; every span it returns lies on character
/// boundaries inside `body`.
///
/// ```
/// let body = "Talks resume in Istanbul\nDiplomats met on Thursday. Mr. Darchiev led the U.S. talks.\nShare this article\n";
/// let s = dateline::text::analyze(body, None);
/// assert_eq!(s.main.headline.map(|h| h.slice(body)), Some("Talks resume in Istanbul"));
/// assert_eq!(s.main.paragraphs.len(), 2);
/// assert_eq!(s.main.sentences[1].span.slice(body), "Diplomats met on Thursday.");
/// assert_eq!(s.main.sentences[2].span.slice(body), "Mr. Darchiev led the U.S. talks.");
/// assert!(s.regions.iter().any(|r| r.boilerplate == Some(dateline::text::BoilerplateKind::Share)));
/// ```
pub fn analyze(body: &str, title: Option<&str>) -> Structure {
    structure::analyze(body, title)
}

/// [`analyze`] without sentence segmentation: the same headline, paragraphs,
/// boilerplate regions and blurbs, with every [`Section::sentences`] left
/// empty. For stages that only compare paragraphs (dedup), where sentence
/// segmentation would be most of the cost.
///
/// ```
/// let body = "Talks resume in Istanbul\nDiplomats met on Thursday. Mr. Darchiev led the talks.\nShare this article\n";
/// let full = dateline::text::analyze(body, None);
/// let fast = dateline::text::analyze_paragraphs(body, None);
/// assert_eq!(fast.main.paragraphs, full.main.paragraphs);
/// assert_eq!(fast.regions, full.regions);
/// assert!(fast.main.sentences.is_empty());
/// ```
pub fn analyze_paragraphs(body: &str, title: Option<&str>) -> Structure {
    structure::analyze_with(body, title, false)
}
