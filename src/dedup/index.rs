//! The index: per-text fingerprints and metadata, the inverted fingerprint
//! table, the copy links found so far; adding texts one by one or in parallel.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use chrono::NaiveDate;

use super::config::{DedupConfig, Similarity, Sketch, SketchedText};
use super::evidence;
use super::parallel::parallel_ordered;
use super::postings::{self, Postings};
use super::winnow::Fingerprint;
use super::{DocRef, Verdict};
use crate::corpus::Document;
use crate::hash::FxHasher;
use crate::{Error, Result};

pub(crate) type FxSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// `v`, with room for `more` elements: when full it grows by an eighth (at
/// least 64 elements) instead of doubling.
fn tight<T>(v: &mut Vec<T>, more: usize) -> &mut Vec<T> {
    if v.capacity() - v.len() < more {
        v.reserve_exact(more.max(v.len() / 8).max(64));
    }
    v
}

pub(crate) const NO_SOURCE: u32 = u32::MAX;
/// Pages of one outlet holding a fingerprint that make it the outlet's furniture.
pub(crate) const FURNITURE: usize = 4;
pub(crate) const NO_DATE: i32 = i32::MIN;

/// The deduplication index: add documents one at a time or in parallel,
/// then read the [`stories`](Deduplicator::stories).
///
/// Serialisable with serde (each text's id, provenance and sketch; the
/// inverted table and the copy links are rebuilt on load), and mergeable
/// ([`merge`](Deduplicator::merge)) with an index built on another shard.
#[derive(Debug, Clone)]
pub struct Deduplicator {
    pub(crate) config: DedupConfig,
    pub(crate) ids: Vec<String>,
    pub(crate) sources: Vec<u32>,
    pub(crate) source_names: Vec<String>,
    source_lookup: HashMap<String, u32>,
    pub(crate) dates: Vec<i32>,
    /// Narrative words per text.
    pub(crate) words: Vec<u32>,
    /// Fingerprints of text `d`: `fingerprints[fp_start[d]..fp_start[d + 1]]`, sorted by hash.
    fp_start: Vec<u64>,
    fingerprints: Vec<Fingerprint>,
    contexts: Vec<u16>,
    paragraph_start: Vec<u64>,
    paragraphs: Vec<u16>,
    /// Union-find parent over the copy links (for verdicts); the root is the smallest id.
    parent: Vec<u32>,
    /// Copy links `(earlier, later)` found when the later text was added.
    pub(crate) links: Vec<(u32, u32)>,
    /// Other pairs whose evidence passes [`DedupConfig::may_be_copy`], judged by `stories`.
    pub(crate) weak: Vec<(u32, u32)>,
    /// Hashes held by more than `common_limit` texts.
    pub(crate) common: FxSet<u32>,
    postings: Postings,
}

impl Default for Deduplicator {
    fn default() -> Deduplicator {
        Deduplicator::with_valid_config(DedupConfig::default())
    }
}

impl Deduplicator {
    /// An empty index; fails when the configuration is out of range.
    pub fn new(config: DedupConfig) -> Result<Deduplicator> {
        config.validate()?;
        Ok(Deduplicator::with_valid_config(config))
    }

    fn with_valid_config(config: DedupConfig) -> Deduplicator {
        Deduplicator {
            config,
            ids: Vec::new(),
            sources: Vec::new(),
            source_names: Vec::new(),
            source_lookup: HashMap::new(),
            dates: Vec::new(),
            words: Vec::new(),
            fp_start: vec![0],
            fingerprints: Vec::new(),
            contexts: Vec::new(),
            paragraph_start: vec![0],
            paragraphs: Vec::new(),
            parent: Vec::new(),
            links: Vec::new(),
            weak: Vec::new(),
            common: FxSet::default(),
            postings: Postings::default(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Number of texts added.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no text has been added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Add one document and say at once whether it is a copy. A document
    /// beyond the index's capacity (4 294 967 294 texts) is not indexed and
    /// gets `New`; [`add_sketch`](Deduplicator::add_sketch) reports that as an error.
    pub fn add(&mut self, doc: DocRef<'_>) -> Verdict {
        let sketch = doc.sketch(&self.config);
        self.insert(doc.id, doc.source, doc.date, sketch).unwrap_or_else(|_| Verdict::New { story: doc.id.to_string() })
    }

    /// Add a text sketched with [`DedupConfig::sketch`]. Fails when the
    /// sketch was made with another `shingle_size` or `window`, is malformed,
    /// or the index is full (4 294 967 294 texts: shard the corpus).
    pub fn add_sketch(
        &mut self,
        id: &str,
        source: Option<&str>,
        date: Option<NaiveDate>,
        sketch: Sketch,
    ) -> Result<Verdict> {
        if usize::from(sketch.k) != self.config.shingle || usize::from(sketch.w) != self.config.window {
            return Err(Error::Config(format!(
                "sketch of {id:?} was made with shingle size {} and window {}; this index uses {} and {}",
                sketch.k, sketch.w, self.config.shingle, self.config.window
            )));
        }
        if !sketch.is_valid() {
            return Err(Error::Config(format!(
                "sketch of {id:?} is malformed: fingerprints must be sorted and inside the text"
            )));
        }
        self.insert(id, source, date, sketch)
    }

    /// Add a text sketched by [`DedupConfig::sketch_document`]; fails as
    /// [`add_sketch`](Deduplicator::add_sketch) does.
    pub fn add_sketched(&mut self, text: SketchedText) -> Result<Verdict> {
        self.add_sketch(&text.id, text.source.as_deref(), text.date, text.sketch)
    }

    /// Add a corpus document: its main text and each related-story blurb
    /// (id `<name>#<number>`, source the blurb's outlet), as found by
    /// [`crate::text::analyze_paragraphs`]. Returns each added id with its verdict.
    pub fn add_document(&mut self, doc: &Document<'_>) -> Vec<(String, Verdict)> {
        let texts = self.config.sketch_document(doc);
        texts.into_iter().filter_map(|s| Some((s.id.clone(), self.add_sketched(s).ok()?))).collect()
    }

    /// Add many corpus documents (as [`add_document`](Deduplicator::add_document)),
    /// analysing and sketching them on `threads` threads while this thread
    /// adds them in input order, so the verdicts are exactly those of adding
    /// them one by one.
    pub fn add_documents(&mut self, docs: &[Document<'_>], threads: usize) -> Vec<(String, Verdict)> {
        self.add_parallel(docs, threads, DedupConfig::sketch_document)
    }

    /// Add many items of any kind: `sketch` turns each into the texts to add
    /// (for example with [`DedupConfig::sketch`] on text you have already
    /// cut into paragraphs) and runs on `threads` threads; this thread adds
    /// the texts in input order, so the verdicts are those of adding them one
    /// by one. Sketches that [`add_sketch`](Deduplicator::add_sketch) refuses are skipped.
    pub fn add_parallel<T: Sync>(
        &mut self,
        items: &[T],
        threads: usize,
        sketch: impl Fn(&DedupConfig, &T) -> Vec<SketchedText> + Sync,
    ) -> Vec<(String, Verdict)> {
        let mut out = Vec::with_capacity(items.len());
        let config = self.config.clone();
        parallel_ordered(
            items,
            threads,
            |item| sketch(&config, item),
            |batch| {
                for text in batch.into_iter().flatten() {
                    let id = text.id.clone();
                    if let Ok(v) = self.add_sketched(text) {
                        out.push((id, v));
                    }
                }
            },
        );
        out
    }

    pub(crate) fn insert(
        &mut self,
        id: &str,
        source: Option<&str>,
        date: Option<NaiveDate>,
        sketch: Sketch,
    ) -> Result<Verdict> {
        let doc = match u32::try_from(self.ids.len()) {
            Ok(d) if d <= postings::MAX_DOC => d,
            _ => {
                return Err(Error::Config(format!(
                    "the index is full ({} texts); cannot add {id:?}: shard the corpus",
                    self.ids.len()
                )))
            }
        };
        let source = source.map_or(NO_SOURCE, |s| self.intern(s));
        // Grow the per-text arrays by an eighth, not by doubling, so that a
        // growing index carries little spare capacity.
        tight(&mut self.ids, 1).push(id.to_string());
        tight(&mut self.sources, 1).push(source);
        tight(&mut self.dates, 1).push(date.map_or(NO_DATE, |d| chrono::Datelike::num_days_from_ce(&d)));
        tight(&mut self.words, 1).push(sketch.words);
        tight(&mut self.fingerprints, sketch.fingerprints.len()).extend_from_slice(&sketch.fingerprints);
        tight(&mut self.contexts, sketch.contexts.len()).extend_from_slice(&sketch.contexts);
        tight(&mut self.fp_start, 1).push(self.fingerprints.len() as u64);
        tight(&mut self.paragraphs, sketch.paragraphs.len()).extend_from_slice(&sketch.paragraphs);
        tight(&mut self.paragraph_start, 1).push(self.paragraphs.len() as u64);
        tight(&mut self.parent, 1).push(doc);

        if self.postings.needs_growth(sketch.fingerprints.len()) {
            self.rebuild_postings(doc, sketch.fingerprints.len());
        }
        let candidates = self.enter(doc);

        // Verify candidates sharing a fingerprint that is not common.
        let mut strongest: Option<(u32, Similarity)> = None;
        let mut i = 0;
        while i < candidates.len() {
            let other = candidates[i];
            let n = candidates[i..].iter().take_while(|&&c| c == other).count();
            i += n;
            let (x, y) = if self.ids[other as usize] <= self.ids[doc as usize] { (other, doc) } else { (doc, other) };
            let ev = self.evidence(x, y);
            let (wx, wy) = (self.words[x as usize], self.words[y as usize]);
            if !self.config.is_copy(&ev, wx, wy) {
                // Kept for `stories`, which judges both rules with the final common hashes.
                if self.config.may_be_copy(&ev, wx, wy) {
                    tight(&mut self.weak, 1).push((other, doc));
                }
                continue;
            }
            let s = Similarity::from_counts(&ev, (self.fps(x).len(), self.fps(y).len()), (wx, wy));
            tight(&mut self.links, 1).push((other, doc));
            self.union(doc, other);
            if strongest.map_or(true, |(m, ms)| self.stronger((other, s), (m, ms))) {
                strongest = Some((other, s));
            }
        }
        Ok(match strongest {
            None => Verdict::New { story: id.to_string() },
            Some((m, similarity)) => Verdict::Copy {
                story: {
                    let root = self.find(doc);
                    self.ids[root as usize].clone()
                },
                matched: self.ids[m as usize].clone(),
                similarity,
            },
        })
    }

    /// Enter the postings of `doc` (each distinct hash, unless more than
    /// `limit` earlier texts hold it), marking hashes that become common
    /// (held by more than `limit` texts), and return the earlier texts that
    /// share a hash that is not common, once per shared hash, sorted.
    fn enter(&mut self, doc: u32) -> Vec<u32> {
        let limit = self.config.common as usize;
        let mut candidates = Vec::new();
        let mut found = Vec::new();
        let (start, end) = self.fp_range(doc);
        let mut k = start;
        while k < end {
            let hash = self.fingerprints[k].0;
            while k < end && self.fingerprints[k].0 == hash {
                k += 1;
            }
            if self.common.contains(&hash) {
                // Its first `limit + 1` texts are entered already.
                continue;
            }
            found.clear();
            // This text's own postings under other hashes can match by tag.
            self.postings.probe(hash, |d| {
                if d != doc {
                    found.push(d)
                }
            });
            if found.len() >= limit {
                // Count exactly: tags can collide.
                found.retain(|&d| self.holds(d, hash));
            }
            self.postings.insert(hash, doc);
            if found.len() + 1 > limit {
                self.common.insert(hash);
            } else {
                candidates.extend_from_slice(&found);
            }
        }
        candidates.sort_unstable();
        candidates
    }

    /// Rebuild the inverted table with room for `more` postings, entering
    /// texts `0..upto` in order: every holder of a hash that is not common,
    /// the first `limit + 1` holders of a common one (what one pass enters).
    fn rebuild_postings(&mut self, upto: u32, more: usize) {
        let limit = self.config.common;
        self.postings = self.postings.with_room(self.postings.len() + more);
        let mut entered: HashMap<u32, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        for d in 0..upto {
            let (start, end) = self.fp_range(d);
            let mut last = None;
            for k in start..end {
                let hash = self.fingerprints[k].0;
                if last == Some(hash) {
                    continue;
                }
                last = Some(hash);
                if self.common.contains(&hash) {
                    let n = entered.entry(hash).or_insert(0);
                    if *n > limit {
                        continue;
                    }
                    *n += 1;
                }
                self.postings.insert(hash, d);
            }
        }
    }

    /// Whether text `doc` holds fingerprint hash `hash`.
    pub(crate) fn holds(&self, doc: u32, hash: u32) -> bool {
        let fps = self.fps(doc);
        fps.get(fps.partition_point(|f| f.0 < hash)).is_some_and(|f| f.0 == hash)
    }

    /// The copy link between two texts, if their evidence (without common
    /// hashes) makes them copies. Symmetric: the evidence is always taken
    /// from the text with the smaller id.
    /// Also leaves out the hashes for which `skip` is true.
    pub(crate) fn copy_link_without(&self, a: u32, b: u32, mut skip: impl FnMut(u32) -> bool) -> Option<Similarity> {
        let (a, b) = if self.ids[a as usize] <= self.ids[b as usize] { (a, b) } else { (b, a) };
        let ev =
            evidence::between(self.text(a), self.text(b), self.config.k_w(), |h| self.common.contains(&h) || skip(h));
        let (wa, wb) = (self.words[a as usize], self.words[b as usize]);
        self.config
            .is_copy(&ev, wa, wb)
            .then(|| Similarity::from_counts(&ev, (self.fps(a).len(), self.fps(b).len()), (wa, wb)))
    }

    /// Whether two pages pass the relaxed rule, leaving out common hashes and
    /// those for which `cross` is true (see [`DedupConfig::relaxed`]).
    pub(crate) fn weak_link(&self, a: u32, b: u32, mut cross: impl FnMut(u32) -> bool) -> bool {
        if super::stories::is_blurb(&self.ids[a as usize]) || super::stories::is_blurb(&self.ids[b as usize]) {
            return false;
        }
        let (a, b) = if self.ids[a as usize] <= self.ids[b as usize] { (a, b) } else { (b, a) };
        let ev =
            evidence::between(self.text(a), self.text(b), self.config.k_w(), |h| self.common.contains(&h) || cross(h));
        self.config.is_relaxed_copy(&ev, self.words[a as usize], self.words[b as usize])
    }

    /// Whether `hash` is outlet furniture: held by [`FURNITURE`] or more pages
    /// (not blurbs) of one outlet.
    pub(crate) fn furniture(&self, hash: u32) -> bool {
        let mut sources: Vec<u32> = Vec::new();
        self.holders(hash, |d| {
            let source = self.sources[d as usize];
            if source != NO_SOURCE && !super::stories::is_blurb(&self.ids[d as usize]) {
                sources.push(source);
            }
        });
        sources.sort_unstable();
        sources.windows(FURNITURE).any(|w| w[0] == w[FURNITURE - 1])
    }

    /// The texts entered under `hash` that hold it (all of them when it is not common).
    pub(crate) fn holders(&self, hash: u32, mut f: impl FnMut(u32)) {
        self.postings.probe(hash, |d| {
            if self.holds(d, hash) {
                f(d)
            }
        });
    }

    pub(crate) fn evidence(&self, a: u32, b: u32) -> evidence::Evidence {
        evidence::between(self.text(a), self.text(b), self.config.k_w(), |h| self.common.contains(&h))
    }

    fn text(&self, doc: u32) -> evidence::Text<'_> {
        let (start, end) = self.fp_range(doc);
        evidence::Text {
            fps: self.fingerprints.get(start..end).unwrap_or(&[]),
            ctx: self.contexts.get(start..end).unwrap_or(&[]),
            words: self.words[doc as usize],
        }
    }

    fn fp_range(&self, doc: u32) -> (usize, usize) {
        let start = self.fp_start[doc as usize] as usize;
        let end = self.fp_start[doc as usize + 1] as usize;
        (start, end)
    }

    pub(crate) fn fps(&self, doc: u32) -> &[Fingerprint] {
        let (start, end) = self.fp_range(doc);
        self.fingerprints.get(start..end).unwrap_or(&[])
    }

    pub(crate) fn paragraph_fingerprints(&self, doc: u32) -> &[u16] {
        let start = self.paragraph_start[doc as usize] as usize;
        let end = self.paragraph_start[doc as usize + 1] as usize;
        self.paragraphs.get(start..end).unwrap_or(&[])
    }

    fn intern(&mut self, source: &str) -> u32 {
        if let Some(&i) = self.source_lookup.get(source) {
            return i;
        }
        let i = u32::try_from(self.source_names.len()).unwrap_or(NO_SOURCE);
        self.source_names.push(source.to_string());
        self.source_lookup.insert(source.to_string(), i);
        i
    }

    /// Whether link `a` is stronger than link `b`: higher resemblance, then
    /// containment, then smaller partner id (a total order, so the strongest
    /// link does not depend on the order links are found in).
    pub(crate) fn stronger(&self, a: (u32, Similarity), b: (u32, Similarity)) -> bool {
        let by_sim = a.1.resemblance.total_cmp(&b.1.resemblance).then(a.1.containment.total_cmp(&b.1.containment));
        match by_sim {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => self.ids[a.0 as usize] < self.ids[b.0 as usize],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        // The member with the smallest id is the root, so it names the story.
        if self.ids[ra as usize] <= self.ids[rb as usize] {
            self.parent[rb as usize] = ra;
        } else {
            self.parent[ra as usize] = rb;
        }
    }

    pub(crate) fn date(&self, doc: u32) -> Option<NaiveDate> {
        let d = self.dates[doc as usize];
        (d != NO_DATE).then(|| NaiveDate::from_num_days_from_ce_opt(d)).flatten()
    }

    pub(crate) fn source(&self, doc: u32) -> Option<&str> {
        self.source_names.get(self.sources[doc as usize] as usize).map(String::as_str)
    }

    /// The text at `doc` as a sketch, for re-adding it elsewhere.
    pub(crate) fn sketch_of(&self, doc: u32) -> Sketch {
        Sketch {
            k: self.config.shingle as u8,
            w: self.config.window as u8,
            words: self.words[doc as usize],
            fingerprints: self.fps(doc).to_vec(),
            contexts: self.text(doc).ctx.to_vec(),
            paragraphs: self.paragraph_fingerprints(doc).to_vec(),
        }
    }

    /// Merge an index built on another (disjoint) shard into this one. The
    /// result has the stories that one pass over both shards would give.
    /// Fails when the two configurations differ or the merged index would be full.
    pub fn merge(&mut self, other: Deduplicator) -> Result<()> {
        if other.config != self.config {
            return Err(Error::Config(format!(
                "cannot merge indexes with different configurations: {:?} and {:?}",
                self.config, other.config
            )));
        }
        for doc in 0..other.ids.len() as u32 {
            self.insert(&other.ids[doc as usize], other.source(doc), other.date(doc), other.sketch_of(doc))?;
        }
        Ok(())
    }

    /// Heap bytes of the index beyond the ids and outlet names: fingerprints,
    /// word and paragraph counts, paragraph fingerprints, dates, outlet
    /// numbers, copy links, common hashes and the inverted table.
    pub fn index_bytes(&self) -> usize {
        fn cap<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        cap(&self.sources)
            + cap(&self.dates)
            + cap(&self.words)
            + cap(&self.fp_start)
            + cap(&self.fingerprints)
            + cap(&self.contexts)
            + cap(&self.paragraph_start)
            + cap(&self.paragraphs)
            + cap(&self.parent)
            + cap(&self.links)
            + cap(&self.weak)
            + self.common.capacity() * 5
            + self.postings.heap_bytes()
    }

    /// Release spare capacity of the per-text arrays (the inverted table keeps its own).
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.words.shrink_to_fit();
        self.fp_start.shrink_to_fit();
        self.fingerprints.shrink_to_fit();
        self.contexts.shrink_to_fit();
        self.paragraph_start.shrink_to_fit();
        self.paragraphs.shrink_to_fit();
        self.parent.shrink_to_fit();
        self.links.shrink_to_fit();
        self.weak.shrink_to_fit();
    }
}
