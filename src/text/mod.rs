//! The text model every later stage shares: headline, paragraphs,
//! sentences, boilerplate regions and related-story blurbs of a page.
//!
//! [`analyze`] takes a document body and returns its [`Structure`]. Stages
//! after this one (entities, time, claims, dedup) read only [`Section`]s: the
//! page's main article text ([`Structure::main`]) and each blurb's own text
//! ([`Blurb::section`]); boilerplate never reaches them. All spans are byte
//! ranges into the page body.

use serde::{Deserialize, Serialize};

pub mod normalize;

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

/// A classified region of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// What it is.
    pub kind: RegionKind,
    /// Where it is in the body.
    pub span: Span,
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
    /// Its own headline and text.
    pub section: Section,
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

/// Find the structure of a page body. `title` is the `title` front matter, if any.
///
/// ```
/// let s = dateline::text::analyze("Headline here\nFirst paragraph. Second sentence.\n", None);
/// assert_eq!(s.main.paragraphs.len(), 2);
/// ```
pub fn analyze(body: &str, title: Option<&str>) -> Structure {
    let _ = title;
    // Placeholder structure: every non-blank line is a paragraph and a sentence.
    let mut main = Section::default();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            main.sentences.push(Sentence { span, paragraph: main.paragraphs.len() });
            main.paragraphs.push(Paragraph { span });
        }
        pos += line.len();
    }
    let regions = main.paragraphs.iter().map(|p| Region { kind: RegionKind::Body, span: p.span }).collect();
    Structure { main, regions, blurbs: Vec::new() }
}
