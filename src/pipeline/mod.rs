//! The facade that wires the stages: configure once, then analyse documents
//! one at a time or a whole corpus.
//!
//! A [`Pipeline`] holds the configuration (gazetteer, reference date, focus
//! threshold). [`Pipeline::analyze`] runs the per-document stages on one
//! corpus document — [`text::analyze`](crate::text::analyze) for structure,
//! [`Gazetteer::mentions`], [`time::extract`](crate::time::extract),
//! [`claims::extract`](crate::claims::extract) — on the page's article text and
//! on each related-story blurb, and returns one [`DocumentAnalysis`] per
//! (sub-)document: the page first (id = its corpus name), then its blurbs
//! (id `<page>#<n>`, [`parent`](DocumentAnalysis::parent) = the page). It is
//! stateless and can run on many threads at once. A document longer than the
//! size limit ([`PipelineBuilder::max_document_bytes`], default 4 MiB) is
//! analysed up to the limit, cut at a paragraph break where one is near, and
//! its analysis says so in [`DocumentAnalysis::warnings`]: nothing is dropped
//! silently, and no document can hold the pipeline for long.
//!
//! The corpus-wide results need every document: a [`Session`]
//! ([`Pipeline::session`]) takes documents as a feed delivers them
//! ([`Session::add`] returns each document's analyses at once, so a caller
//! can stream them out) and keeps only what the corpus-wide stages need
//! (dedup's index, dated statements, the focus profile); [`Session::finish`]
//! gives the [`Report`]: documents, syndicated stories and the
//! [`Timeline`]. [`Pipeline::analyze_corpus`] does both for a slice.
//!
//! Every core: [`Pipeline::analyze_corpus`], [`Pipeline::timeline`] and
//! [`Session::add_batch`] analyse documents on
//! [`threads`](PipelineBuilder::threads) threads (default: every core) while
//! the calling thread feeds the corpus-wide stages in input order, so the
//! result is the one a single thread gives. Each document is analysed once;
//! its dedup [`Verdict`] comes back with its analysis
//! ([`DocumentAnalysis::verdict`]).
//!
//! The [`Report`] serializes to the crate's JSON interchange format
//! (see [`timeline::render::json`](crate::timeline::render::json)).
//!
//! # Builder
//!
//! [`PipelineBuilder`] consumes itself (`fn x(self, ..) -> Self`, `build(self)`),
//! unlike the crate's non-consuming readers' builders: it moves an owned
//! [`Gazetteer`] (often a hundred thousand aliases) into the pipeline, and a
//! `build(&self)` would have to copy it.
//!
//! # Cost
//!
//! The sum of the stages' costs plus statement extraction, linear in the
//! input on any text (`benches/hostile.rs` checks each hostile shape at 1 and
//! 10 MB); measured end to end (documents/s and MB/s, one thread and all) by
//! `cargo bench --bench timeline`.

use std::borrow::Borrow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claims::Claim;
use crate::corpus::Document;
use crate::dedup::{DedupConfig, Deduplicator, Verdict};
use crate::gazetteer::{Gazetteer, Mention};
use crate::text::Section;
use crate::time::{TimeExpr, TimeValue};
use crate::timeline::focus;
use crate::timeline::render::json::{ClaimRecord, DocumentRecord, MentionRecord, TimeRecord};
use crate::timeline::Timeline;
use crate::{Error, Result};

mod parallel;
mod session;

pub use session::Session;

/// The default [`PipelineBuilder::max_document_bytes`]: 4 MiB, far above any
/// article (a long feature is 50 kB) yet small enough that one document
/// analyses in well under a second.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 4 << 20;

/// Configures a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    gazetteer: Option<Gazetteer>,
    reference_date: Option<NaiveDate>,
    focus_threshold: f64,
    blurbs: bool,
    dedup: DedupConfig,
    max_document_bytes: usize,
    threads: Option<usize>,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            gazetteer: None,
            reference_date: None,
            focus_threshold: focus::DEFAULT_THRESHOLD,
            blurbs: true,
            dedup: DedupConfig::default(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            threads: None,
        }
    }
}

impl PipelineBuilder {
    /// The gazetteer to find entities with (default: [`Gazetteer::builtin`]).
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The date relative expressions resolve against for documents without a
    /// `date` in their front matter (default: none; they stay unresolved).
    pub fn reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// The share of the pages' median focus score a related-story blurb needs
    /// to join the timeline, `0.0..=1.0` (default [`focus::DEFAULT_THRESHOLD`]; see [`focus`]).
    pub fn focus_threshold(mut self, threshold: f64) -> Self {
        self.focus_threshold = threshold;
        self
    }

    /// Whether related-story blurbs are analysed as sub-documents (default `true`).
    pub fn blurbs(mut self, yes: bool) -> Self {
        self.blurbs = yes;
        self
    }

    /// How syndicated copies are recognised (default [`DedupConfig::default`]).
    pub fn dedup(mut self, config: DedupConfig) -> Self {
        self.dedup = config;
        self
    }

    /// The size limit of a document body in bytes (default
    /// [`DEFAULT_MAX_DOCUMENT_BYTES`]): a longer body is analysed up to the
    /// limit (cut at the last paragraph break in its second half, else at a
    /// character boundary) and its analysis carries a [`Warning::Truncated`].
    /// Must be at least 1.
    pub fn max_document_bytes(mut self, bytes: usize) -> Self {
        self.max_document_bytes = bytes;
        self
    }

    /// How many threads analyse documents in [`Pipeline::analyze_corpus`],
    /// [`Pipeline::timeline`] and [`Session::add_batch`] (default: the number of
    /// cores). The results do not depend on it. Must be at least 1.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads);
        self
    }

    /// Check the configuration and build the pipeline.
    ///
    /// ```
    /// assert!(dateline::pipeline::Pipeline::builder().focus_threshold(1.5).build().is_err());
    /// ```
    pub fn build(self) -> Result<Pipeline> {
        if !(0.0..=1.0).contains(&self.focus_threshold) {
            return Err(Error::Config(format!(
                "focus threshold {} is out of range; expected a number from 0.0 to 1.0",
                self.focus_threshold
            )));
        }
        if self.max_document_bytes == 0 {
            return Err(Error::Config("document size limit is 0; expected at least 1 byte".to_string()));
        }
        if self.threads == Some(0) {
            return Err(Error::Config("thread count is 0; expected at least 1".to_string()));
        }
        // Validates the dedup parameters once, so sessions cannot fail.
        Deduplicator::new(self.dedup.clone())?;
        Ok(Pipeline {
            gazetteer: self.gazetteer.unwrap_or_else(Gazetteer::builtin),
            reference_date: self.reference_date,
            focus_threshold: self.focus_threshold,
            blurbs: self.blurbs,
            dedup: self.dedup,
            max_document_bytes: self.max_document_bytes,
            threads: self.threads.unwrap_or_else(parallel::default_threads),
        })
    }
}

/// The configured pipeline: corpus documents in, analyses, stories and a timeline out.
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    reference_date: Option<NaiveDate>,
    focus_threshold: f64,
    blurbs: bool,
    dedup: DedupConfig,
    max_document_bytes: usize,
    threads: usize,
}

/// Something the analysis of a document could not do as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The body was longer than [`PipelineBuilder::max_document_bytes`]: only
    /// its first `analyzed` bytes were analysed (blurbs after them are not
    /// sub-documents).
    Truncated {
        /// The configured limit in bytes.
        limit: usize,
        /// The body's length in bytes.
        length: usize,
        /// How many bytes from the start were analysed (at most `limit`).
        analyzed: usize,
    },
    /// The document's `date` front matter is not a date (`2025-4-1`,
    /// `-0001-01-01`): it was not used, and the pipeline's reference date
    /// (if any) dated the document instead. The corpus readers reject such a
    /// date; this catches a document built in code.
    MalformedDate {
        /// The value as given.
        value: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Truncated { limit, length, analyzed } => write!(
                f,
                "the document is {length} bytes, over the limit of {limit}; only its first {analyzed} bytes were \
                 analysed (raise the limit with PipelineBuilder::max_document_bytes)"
            ),
            Warning::MalformedDate { value } => write!(
                f,
                "the date {value:?} is not a date (expected YYYY-MM-DD or an RFC 3339 datetime); it was not used"
            ),
        }
    }
}

/// Where to cut a body of more than `limit` bytes: the last paragraph break
/// (a blank line, else a line break) in the second half of the limit, else
/// the last character boundary at or before it.
fn cut_point(body: &str, limit: usize) -> usize {
    if body.len() <= limit {
        return body.len();
    }
    let mut at = limit;
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    let head = &body.as_bytes()[..at];
    let half = at / 2;
    let para = |pat: &[u8]| head.windows(pat.len()).rposition(|w| w == pat).map(|i| i + pat.len());
    let late = |i: &usize| *i >= half;
    para(b"\n\n").filter(late).or_else(|| para(b"\n").filter(late)).unwrap_or(at)
}

/// Everything the per-document stages found in one page or blurb.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentAnalysis {
    /// `<page>` for a page, `<page>#<n>` for its n-th blurb.
    pub id: String,
    /// The page of a blurb.
    pub parent: Option<String>,
    /// The outlet (front matter `source`, or the outlet printed with a blurb).
    pub source: Option<String>,
    /// The page's address (front matter `url`); `None` for a blurb.
    pub url: Option<String>,
    /// Publication date: front matter `date` (else the configured reference
    /// date); for a blurb, its printed age resolved against its page's date.
    pub date: Option<TimeValue>,
    /// Headline (a page's `title` front matter wins).
    pub title: Option<String>,
    /// The analysed text: paragraphs and sentences (spans into the page body).
    pub section: Section,
    /// Entity mentions.
    pub mentions: Vec<Mention>,
    /// Temporal expressions.
    pub times: Vec<TimeExpr>,
    /// Attributed statements.
    pub claims: Vec<Claim>,
    /// Whether the document is a syndicated copy: set by a [`Session`] (the
    /// verdict when it was added), `None` from [`Pipeline::analyze`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// What the analysis could not do (a page's warnings; blurbs have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl DocumentAnalysis {
    /// Whether this is a related-story blurb rather than a page.
    pub fn is_blurb(&self) -> bool {
        self.parent.is_some()
    }

    /// The interchange-format record (a `documents` entry), moving the
    /// texts instead of copying them.
    pub fn into_record(self) -> DocumentRecord {
        DocumentRecord {
            id: self.id,
            parent: self.parent,
            date: self.date,
            title: self.title,
            mentions: self
                .mentions
                .into_iter()
                .map(|m| MentionRecord {
                    kind: m.kind.as_str().to_string(),
                    entity: m.entity,
                    text: m.text,
                    start: m.span.start,
                    end: m.span.end,
                })
                .collect(),
            times: self
                .times
                .into_iter()
                .map(|t| TimeRecord { text: t.text, start: t.span.start, end: t.span.end, value: t.value })
                .collect(),
            claims: self.claims.into_iter().map(ClaimRecord::from).collect(),
            warnings: self.warnings.iter().map(Warning::to_string).collect(),
        }
    }

    /// The interchange-format record (a `documents` entry).
    pub fn record(&self) -> DocumentRecord {
        DocumentRecord {
            id: self.id.clone(),
            parent: self.parent.clone(),
            date: self.date,
            title: self.title.clone(),
            mentions: self
                .mentions
                .iter()
                .map(|m| MentionRecord {
                    entity: m.entity.clone(),
                    kind: m.kind.as_str().to_string(),
                    text: m.text.clone(),
                    start: m.span.start,
                    end: m.span.end,
                })
                .collect(),
            times: self
                .times
                .iter()
                .map(|t| TimeRecord { text: t.text.clone(), start: t.span.start, end: t.span.end, value: t.value })
                .collect(),
            claims: self.claims.iter().map(|c| ClaimRecord::from(c.clone())).collect(),
            warnings: self.warnings.iter().map(Warning::to_string).collect(),
        }
    }
}

/// What a page's analysis could not do: a cut body, a date that is not one.
fn page_warnings(doc: &Document<'_>, length: usize, cut: usize, limit: usize) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if cut < length {
        warnings.push(Warning::Truncated { limit, length, analyzed: cut });
    }
    if let (Some(value), None) = (doc.meta.get("date"), doc.meta.date()) {
        warnings.push(Warning::MalformedDate { value: value.to_string() });
    }
    warnings
}

/// The corpus-wide result: the crate's JSON interchange object
/// ([`Interchange`](crate::timeline::render::json::Interchange)), which every
/// renderer takes.
pub type Report = crate::timeline::render::json::Interchange;

impl Pipeline {
    /// A builder with the defaults.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    fn section(
        &self,
        body: &str,
        section: &Section,
        reference: Option<NaiveDate>,
    ) -> (Vec<Mention>, Vec<TimeExpr>, Vec<Claim>) {
        let mentions = self.gazetteer.mentions(body, section);
        let times = crate::time::extract(body, section, reference);
        let claims = crate::claims::extract(body, section, &mentions, &times);
        (mentions, times, claims)
    }

    /// Analyse one corpus document: the page, then each related-story blurb.
    ///
    /// ```
    /// let corpus = "==> a.txt <==\n---\ndate: 2025-04-10\n---\nTalks resume\nDiplomats met on Thursday.\n";
    /// let docs = dateline::corpus::parse(corpus)?;
    /// let pipeline = dateline::pipeline::Pipeline::builder().build()?;
    /// let analyses = pipeline.analyze(&docs[0]);
    /// assert_eq!(analyses[0].id, "a.txt");
    /// assert!(analyses.iter().skip(1).all(|a| a.parent.as_deref() == Some("a.txt")));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn analyze(&self, doc: &Document<'_>) -> Vec<DocumentAnalysis> {
        let full: &str = &doc.body;
        let cut = cut_point(full, self.max_document_bytes);
        let body = &full[..cut];
        let reference = doc.meta.date().or(self.reference_date);
        let structure = crate::text::analyze(body, doc.meta.title());
        let mut out = Vec::with_capacity(1 + structure.blurbs.len());
        let (mentions, times, claims) = self.section(body, &structure.main, reference);
        let title =
            doc.meta.title().map(str::to_string).or_else(|| structure.main.headline.map(|h| h.slice(body).to_string()));
        out.push(DocumentAnalysis {
            id: doc.name.to_string(),
            parent: None,
            source: doc.meta.source().map(str::to_string),
            url: doc.meta.url().map(str::to_string),
            date: reference.map(TimeValue::Day),
            title,
            section: structure.main,
            mentions,
            times,
            claims,
            verdict: None,
            warnings: page_warnings(doc, full.len(), cut, self.max_document_bytes),
        });
        if !self.blurbs {
            return out;
        }
        for b in structure.blurbs {
            // A blurb's age ("33 minutes ago") is relative to its page's date.
            let date = b.age.and_then(|age| match crate::time::resolve_age(age.slice(body), reference) {
                Some(TimeValue::Day(d)) => Some(d),
                _ => None,
            });
            let (mentions, times, claims) = self.section(body, &b.section, date);
            out.push(DocumentAnalysis {
                id: format!("{}#{}", doc.name, b.number),
                parent: Some(doc.name.to_string()),
                source: b.outlet.map(|o| o.slice(body).trim().to_string()),
                url: None,
                date: date.map(TimeValue::Day),
                title: b.section.headline.map(|h| h.slice(body).to_string()),
                section: b.section,
                mentions,
                times,
                claims,
                verdict: None,
                warnings: Vec::new(),
            });
        }
        out
    }

    /// The number of threads that analyse documents ([`PipelineBuilder::threads`]).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// The document size limit in bytes ([`PipelineBuilder::max_document_bytes`]).
    pub fn max_document_bytes(&self) -> usize {
        self.max_document_bytes
    }

    /// A session for a corpus, fed one document or one batch at a time.
    pub fn session(&self) -> Session<'_> {
        Session::new(self)
    }

    /// Analyse a whole corpus: documents, stories and the timeline.
    ///
    /// ```
    /// let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seeds.corpus"))?;
    /// let docs = dateline::corpus::parse(&corpus)?;
    /// let report = dateline::pipeline::Pipeline::builder().build()?.analyze_corpus(&docs);
    /// assert!(report.documents.len() >= docs.len());
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn analyze_corpus<'a, D, I>(&self, docs: I) -> Report
    where
        D: Borrow<Document<'a>> + Sync,
        I: IntoIterator<Item = D>,
    {
        let docs: Vec<D> = docs.into_iter().collect();
        let mut session = self.session();
        session.add_all(&docs);
        session.finish()
    }

    /// Just the timeline of a corpus.
    pub fn timeline<'a, D, I>(&self, docs: I) -> Timeline
    where
        D: Borrow<Document<'a>> + Sync,
        I: IntoIterator<Item = D>,
    {
        let docs: Vec<D> = docs.into_iter().collect();
        let mut session = self.session().keep_documents(false);
        session.add_all(&docs);
        session.finish().timeline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_focus_threshold_is_a_configuration_error() {
        let e = Pipeline::builder().focus_threshold(-0.1).build().unwrap_err();
        assert!(e.to_string().contains("focus threshold"), "{e}");
    }

    #[test]
    fn cut_prefers_a_paragraph_break_in_the_second_half_else_a_char_boundary() {
        assert_eq!(cut_point("short", 10), 5);
        assert_eq!(cut_point("aaaa\n\nbbbbbbbbbb", 10), 6);
        assert_eq!(cut_point("aaaaaaa\nbbbbbbbbbb", 10), 8);
        // A break in the first half is too early: cut at the limit.
        assert_eq!(cut_point("a\n\nbbbbbbbbbbbbbb", 10), 10);
        // Never inside a character: "é" is two bytes at 9..11.
        assert_eq!(cut_point("aaaaaaaaaébbbb", 10), 9);
    }
}
