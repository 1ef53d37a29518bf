//! A corpus fed to the pipeline document by document or batch by batch:
//! per-document work (analysis, statements, focus terms, dedup sketch) runs
//! on any thread; this module's [`Session`] merges the results in input
//! order into what the corpus-wide stages need.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

use super::{parallel, DocumentAnalysis, Pipeline, Report};
use crate::corpus::Document;
use crate::dedup::{Deduplicator, Sketch, Story};
use crate::time::TimeValue;
use crate::timeline::build::{self, Statement};
use crate::timeline::focus::{self, Profile};
use crate::timeline::render::json::DocumentRecord;
use crate::timeline::{Source, SourceCopy, Timeline};

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
}

/// What one (sub-)document contributes to the corpus-wide stages, computed
/// on whichever thread analysed it.
struct Prepared {
    analysis: DocumentAnalysis,
    statements: Vec<Statement>,
    terms: Vec<String>,
    sketch: Sketch,
}

impl<'p> Session<'p> {
    pub(super) fn new(pipeline: &'p Pipeline) -> Session<'p> {
        Session {
            pipeline,
            keep_documents: true,
            documents: Vec::new(),
            profile: Profile::new(),
            pending: Vec::new(),
            outlets: HashMap::new(),
            urls: HashMap::new(),
            titles: HashMap::new(),
            // The configuration was validated in `build`.
            dedup: Deduplicator::new(pipeline.dedup.clone()).unwrap_or_default(),
        }
    }

    /// Whether [`Report::documents`] keeps every document's record (default
    /// `true`); turn off for large corpora when only stories and the timeline matter.
    pub fn keep_documents(mut self, keep: bool) -> Self {
        self.keep_documents = keep;
        self
    }

    /// Analyse one corpus document, remember what the corpus-wide stages need
    /// and return its analyses (page, then blurbs), each with its dedup verdict.
    pub fn add(&mut self, doc: &Document<'_>) -> Vec<DocumentAnalysis> {
        let prepared = prepare(self.pipeline, doc);
        let mut out = Vec::with_capacity(prepared.len());
        for p in prepared {
            out.extend(self.merge(p, true));
        }
        out
    }

    /// Analyse many documents on the pipeline's threads
    /// ([`PipelineBuilder::threads`](super::PipelineBuilder::threads)) and
    /// return their analyses in input order, each with its dedup verdict:
    /// the same as calling [`add`](Session::add) on each in turn.
    ///
    /// ```
    /// let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seeds.corpus"))?;
    /// let docs = dateline::corpus::parse(&corpus)?;
    /// let pipeline = dateline::pipeline::Pipeline::builder().threads(2).build()?;
    /// let mut session = pipeline.session();
    /// let analyses = session.add_batch(&docs);
    /// assert_eq!(analyses[0].id, docs[0].name);
    /// assert!(analyses.iter().all(|a| a.verdict.is_some()));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn add_batch<'a, D: Borrow<Document<'a>> + Sync>(&mut self, docs: &[D]) -> Vec<DocumentAnalysis> {
        let mut out = Vec::new();
        let pipeline = self.pipeline;
        parallel::map_ordered(
            docs,
            pipeline.threads,
            |d| prepare(pipeline, d.borrow()),
            |prepared| {
                for p in prepared {
                    out.extend(self.merge(p, true));
                }
            },
        );
        out
    }

    /// [`add_batch`](Session::add_batch) without returning the analyses.
    pub(super) fn add_all<'a, D: Borrow<Document<'a>> + Sync>(&mut self, docs: &[D]) {
        let pipeline = self.pipeline;
        parallel::map_ordered(
            docs,
            pipeline.threads,
            |d| prepare(pipeline, d.borrow()),
            |prepared| {
                for p in prepared {
                    self.merge(p, false);
                }
            },
        );
    }

    /// Feed one prepared (sub-)document to the corpus-wide stages; its
    /// analysis with the verdict when `keep` asks for it.
    fn merge(&mut self, p: Prepared, keep: bool) -> Option<DocumentAnalysis> {
        let Prepared { mut analysis, statements, terms, sketch } = p;
        let a = &analysis;
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
        // The sketch was made with this index's configuration, so adding cannot fail.
        analysis.verdict = self.dedup.add_sketch(&analysis.id, analysis.source.as_deref(), date, sketch).ok();
        if keep {
            if self.keep_documents {
                self.documents.push(analysis.record());
            }
            Some(analysis)
        } else {
            if self.keep_documents {
                self.documents.push(analysis.into_record());
            }
            None
        }
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

/// The per-document work of a session, on any thread: analysis, dated
/// statements, focus terms and the dedup sketch of each (sub-)document.
fn prepare(pipeline: &Pipeline, doc: &Document<'_>) -> Vec<Prepared> {
    let config = &pipeline.dedup;
    let analyses = pipeline.analyze(doc);
    let body: &str = &doc.body;
    analyses
        .into_iter()
        .map(|a| {
            // A page's lede with no date phrase is dated by its publication date.
            let published = if a.is_blurb() { None } else { a.date };
            let statements = build::statements(&a.id, body, &a.section, &a.mentions, &a.times, &a.claims, published);
            let terms = focus::terms(body, &a.section, &a.mentions);
            let sketch = config.sketch_section(body, &a.section);
            Prepared { analysis: a, statements, terms, sketch }
        })
        .collect()
}

/// The headline of the page that is a source of the most events (first on ties).
fn central_title(timeline: &Timeline, titles: &HashMap<String, String>) -> Option<String> {
    // Per page: (order of first appearance, number of evidence entries).
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for e in &timeline.events {
        for ev in &e.evidence {
            if titles.contains_key(&ev.document) {
                let next = counts.len();
                counts.entry(&ev.document).or_insert((next, 0)).1 += 1;
            }
        }
    }
    counts
        .into_iter()
        // "Watch CBS News" or a bare timestamp is no headline for the story.
        .filter(|(d, _)| titles.get(*d).is_some_and(|t| crate::timeline::is_headline(t)))
        .max_by_key(|&(_, (first, n))| (n, std::cmp::Reverse(first)))
        .and_then(|(d, _)| titles.get(d).cloned())
}
