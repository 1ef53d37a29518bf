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
//! stateless and can run on many threads at once.
//!
//! The corpus-wide results need every document: a [`Session`]
//! ([`Pipeline::session`]) takes documents as a feed delivers them
//! ([`Session::add`] returns each document's analyses at once, so a caller
//! can stream them out) and keeps only what the corpus-wide stages need
//! (dedup's index, dated statements, the focus profile); [`Session::finish`]
//! gives the [`Report`]: documents, syndicated stories and the
//! [`Timeline`]. [`Pipeline::analyze_corpus`] does both for a slice.
//!
//! The [`Report`] serializes to the crate's JSON interchange format
//! (see [`timeline::render::json`](crate::timeline::render::json)).
//!
//! Cost: the sum of the stages' costs plus statement extraction; measured
//! end to end (documents/s and MB/s) by `cargo bench --bench timeline`.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claims::Claim;
use crate::corpus::Document;
use crate::dedup::{DedupConfig, Deduplicator, DocRef, Story, Verdict};
use crate::gazetteer::{Gazetteer, Mention};
use crate::text::Section;
use crate::time::{TimeExpr, TimeValue};
use crate::timeline::build::{self, Statement};
use crate::timeline::focus::{self, Profile};
use crate::timeline::render::json::{ClaimRecord, DocumentRecord, MentionRecord, TimeRecord};
use crate::timeline::{Source, SourceCopy, Timeline};
use crate::{Error, Result};

/// Configures a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    gazetteer: Option<Gazetteer>,
    reference_date: Option<NaiveDate>,
    focus_threshold: f64,
    blurbs: bool,
    dedup: DedupConfig,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            gazetteer: None,
            reference_date: None,
            focus_threshold: focus::DEFAULT_THRESHOLD,
            blurbs: true,
            dedup: DedupConfig::default(),
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
        // Validates the dedup parameters once, so sessions cannot fail.
        Deduplicator::new(self.dedup.clone())?;
        Ok(Pipeline {
            gazetteer: self.gazetteer.unwrap_or_else(Gazetteer::builtin),
            reference_date: self.reference_date,
            focus_threshold: self.focus_threshold,
            blurbs: self.blurbs,
            dedup: self.dedup,
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
}

impl DocumentAnalysis {
    /// Whether this is a related-story blurb rather than a page.
    pub fn is_blurb(&self) -> bool {
        self.parent.is_some()
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
            claims: self
                .claims
                .iter()
                .map(|c| ClaimRecord {
                    speaker: c.speaker.clone(),
                    speaker_text: c.speaker_text.clone(),
                    cue: c.cue.clone(),
                    kind: c.kind,
                    content: c.content.clone(),
                    start: c.content_span.start,
                    end: c.content_span.end,
                    date: c.date,
                })
                .collect(),
        }
    }
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
        let body: &str = &doc.body;
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
            });
        }
        out
    }

    /// A session for a corpus, fed one document at a time.
    pub fn session(&self) -> Session<'_> {
        Session {
            pipeline: self,
            keep_documents: true,
            documents: Vec::new(),
            profile: Profile::new(),
            pending: Vec::new(),
            outlets: HashMap::new(),
            urls: HashMap::new(),
            titles: HashMap::new(),
            // The configuration was validated in `build`.
            dedup: Deduplicator::new(self.dedup.clone()).unwrap_or_default(),
            verdicts: Vec::new(),
        }
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
        D: Borrow<Document<'a>>,
        I: IntoIterator<Item = D>,
    {
        let mut session = self.session();
        for d in docs {
            session.add(d.borrow());
        }
        session.finish()
    }

    /// Just the timeline of a corpus.
    pub fn timeline<'a, D, I>(&self, docs: I) -> Timeline
    where
        D: Borrow<Document<'a>>,
        I: IntoIterator<Item = D>,
    {
        let mut session = self.session().keep_documents(false);
        for d in docs {
            session.add(d.borrow());
        }
        session.finish().timeline
    }
}

/// A corpus being analysed document by document (see [`Pipeline::session`]).
#[derive(Debug)]
pub struct Session<'p> {
    pipeline: &'p Pipeline,
    keep_documents: bool,
    documents: Vec<DocumentRecord>,
    profile: Profile,
    /// Dated statements per (sub-)document in corpus order; blurbs carry their focus terms.
    pending: Vec<(String, Option<Vec<String>>, Vec<Statement>)>,
    outlets: HashMap<String, String>,
    urls: HashMap<String, String>,
    titles: HashMap<String, String>,
    dedup: Deduplicator,
    verdicts: Vec<Verdict>,
}

impl<'p> Session<'p> {
    /// Whether [`Report::documents`] keeps every document's record (default
    /// `true`); turn off for large corpora when only stories and the timeline matter.
    pub fn keep_documents(mut self, keep: bool) -> Self {
        self.keep_documents = keep;
        self
    }

    /// Analyse one corpus document and remember what the corpus-wide stages need.
    pub fn add(&mut self, doc: &Document<'_>) -> Vec<DocumentAnalysis> {
        let analyses = self.pipeline.analyze(doc);
        let body: &str = &doc.body;
        self.verdicts.clear();
        for a in &analyses {
            // A page's lede with no date phrase is dated by its publication date.
            let published = if a.is_blurb() { None } else { a.date };
            let statements = build::statements(&a.id, body, &a.section, &a.mentions, &a.times, &a.claims, published);
            let terms = focus::terms(body, &a.section, &a.mentions);
            if a.is_blurb() {
                self.profile.add_blurb(&terms);
                self.pending.push((a.id.clone(), Some(terms), statements));
            } else {
                self.profile.add_page(&terms);
                self.pending.push((a.id.clone(), None, statements));
                if let Some(t) = &a.title {
                    self.titles.insert(a.id.clone(), t.clone());
                }
            }
            if let Some(s) = &a.source {
                self.outlets.insert(a.id.clone(), s.clone());
            }
            if let Some(u) = &a.url {
                self.urls.insert(a.id.clone(), u.clone());
            }
            let date = match a.date {
                Some(TimeValue::Day(d)) => Some(d),
                _ => None,
            };
            let doc_ref = DocRef::new(&a.id, body).section(&a.section).source(a.source.as_deref()).date(date);
            self.verdicts.push(self.dedup.add(doc_ref));
            if self.keep_documents {
                self.documents.push(a.record());
            }
        }
        analyses
    }

    /// The dedup verdicts of the documents added by the last [`add`](Session::add),
    /// in the order of its analyses: whether each is a syndicated copy.
    pub fn last_verdicts(&self) -> &[Verdict] {
        &self.verdicts
    }

    /// The syndicated stories found so far (two or more members each).
    pub fn stories(&self) -> Vec<Story> {
        self.dedup.stories()
    }

    /// Group stories, apply the focus rule and build the timeline.
    pub fn finish(self) -> Report {
        // One shared Source per story: a story of thousands of copies is not
        // copied for each member.
        let mut source_of: HashMap<String, Arc<Source>> = HashMap::new();
        let stories = self.dedup.stories();
        let (outlets, urls) = (&self.outlets, &self.urls);
        let copy =
            |id: &str| SourceCopy { id: id.to_string(), outlet: outlets.get(id).cloned(), url: urls.get(id).cloned() };
        for story in &stories {
            let mut copies: Vec<SourceCopy> = story.members.iter().map(|m| copy(&m.id)).collect();
            copies.sort_by_key(|c| c.id != story.canonical);
            let source = Arc::new(Source {
                id: story.canonical.clone(),
                outlets: story.members.iter().filter_map(|m| m.source.clone()).collect(),
                copies,
            });
            for m in &story.members {
                source_of.insert(m.id.clone(), Arc::clone(&source));
            }
        }
        let lookup = |doc: &str| -> Arc<Source> {
            source_of.get(doc).cloned().unwrap_or_else(|| {
                Arc::new(Source {
                    id: doc.to_string(),
                    outlets: outlets.get(doc).cloned().into_iter().collect(),
                    copies: vec![copy(doc)],
                })
            })
        };
        let threshold = self.pipeline.focus_threshold;
        let profile = &self.profile;
        let median = profile.page_median();
        let mut off_focus = Vec::new();
        let mut statements: Vec<Statement> = Vec::new();
        for (id, terms, s) in self.pending {
            if terms.as_ref().map_or(true, |t| profile.belongs_given_median(t, threshold, median)) {
                statements.extend(s);
            } else {
                off_focus.push(id);
            }
        }
        let mut timeline = build::build(statements, &lookup, None);
        timeline.title = central_title(&timeline, &self.titles);
        Report { documents: self.documents, stories, off_focus, timeline }
    }
}

/// The headline of the page that is a source of the most events (first on ties).
fn central_title(timeline: &Timeline, titles: &HashMap<String, String>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in &timeline.events {
        for ev in &e.evidence {
            if titles.contains_key(&ev.document) {
                match counts.iter_mut().find(|(d, _)| *d == ev.document) {
                    Some(c) => c.1 += 1,
                    None => counts.push((&ev.document, 1)),
                }
            }
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (d, n) in counts {
        // "Watch CBS News" or a bare timestamp is no headline for the story.
        if !titles.get(d).is_some_and(|t| crate::timeline::is_headline(t)) {
            continue;
        }
        if best.map_or(true, |(_, b)| n > b) {
            best = Some((d, n));
        }
    }
    best.and_then(|(d, _)| titles.get(d).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_focus_threshold_is_a_configuration_error() {
        let e = Pipeline::builder().focus_threshold(-0.1).build().unwrap_err();
        assert!(e.to_string().contains("focus threshold"), "{e}");
    }
}
