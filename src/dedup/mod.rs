//! Dedup: merge syndicated copies of the same story.
//!
//! A wire story is republished by many outlets with a new headline, their
//! own boilerplate, a trimmed ending, a dropped paragraph, other quote
//! marks, a reworded sentence or an update with added paragraphs. The
//! [`Deduplicator`] groups such copies into [`Story`]s, one document at a
//! time ([`Deduplicator::add`] returns a [`Verdict`] at once) or over a
//! whole corpus ([`Deduplicator::add_documents`], in parallel), and the
//! stories do not depend on the order documents arrive in.
//!
//! # Design
//!
//! - **Text.** Only article text is compared: the paragraphs of the main
//!   section of a page and of each related-story blurb (as a document of its
//!   own, id `<page id>#<number>`), never boilerplate
//!   ([`crate::text::analyze_paragraphs`]). Text is cut into normalised word
//!   tokens (case, punctuation and quote styles folded with
//!   [`crate::text::normalize::fold_char`]) and word `k`-shingles (default 5
//!   words) that run across paragraph breaks, so re-wrapped copies match.
//! - **Sketch.** Each shingle set becomes a one-permutation MinHash signature
//!   of `bins` bins (default 64): one hash per shingle instead of one per
//!   permutation (128 for datasketch's default), densified for short texts.
//!   The index keeps 16 bits of the 32 bins the LSH bands read and 8 bits of
//!   the other 32 (b-bit minwise hashing; chance agreement is corrected for):
//!   96 bytes. It keeps also the number of distinct shingles and a 16-bit
//!   fingerprint per paragraph. No text is kept unless
//!   [`DedupConfig::keep_shingles`] asks for the exact shingle sets.
//! - **Candidates.** LSH banding over the first `bands × rows` bins (default
//!   16 bands of 2): two documents with Jaccard `J` become candidates with
//!   probability `1 − (1 − J²)¹⁶`: 0.78 at `J = 0.3`, 0.94 at 0.4, 0.99 at 0.5,
//!   and 6 in 100 000 for a background overlap of `J = 0.002`. Rows of 2
//!   rather than the usual 4–8 let the filter reach the low resemblance of a
//!   trimmed copy with an update; verification restores precision.
//! - **Verification.** A candidate pair is a copy when its *resemblance*
//!   (Jaccard) reaches [`DedupConfig::resemblance`] (default 0.3) or its
//!   *containment* (share of the smaller text's shingles found in the larger)
//!   reaches [`DedupConfig::containment`] (default 0.5), so truncated copies
//!   and updates with added paragraphs join. Both are estimated from the
//!   signatures (`J ≈ agreeing bins / bins`, `|A ∩ B| ≈ J (|A| + |B|) / (1 + J)`),
//!   or computed exactly on the shingle sets with `keep_shingles(true)`.
//!   The defaults come from the generated syndicated corpus
//!   (`benches/common/syndicate.rs`): its copy pairs go down to `J = 0.13`
//!   (a trimmed copy of an update with a reworded sentence), while no pair of
//!   different articles, same-topic ones included, exceeds `J = 0.09` or
//!   containment 0.22 on the exact sets; seeds 001 and 004 (one event in
//!   two outlets' own words) have `J = 0.003`.
//! - **Stories** are the connected components of the copy relation. The copy
//!   relation of a pair depends only on the two documents, so the components
//!   (and everything reported about them) are the same in any input order and
//!   when shard indexes are [merged](Deduplicator::merge). A story's id is its
//!   lexicographically smallest member id; its canonical member is the most
//!   complete text (most shingles), ties broken by earliest date, then id; a
//!   member's reported similarity is that of its strongest link (ties broken
//!   by id), again independent of order. A streaming [`Verdict`] reports the
//!   story as it stands when the document arrives.
//! - **Same event, other words** is not a copy and is not linked here: such
//!   articles share names and a quote, not text (`J` ≈ 0.003 for seeds 001
//!   and 004), so shingles cannot tell them from unrelated articles; the
//!   timeline stage groups them by entities and dates.
//!
//! # Memory and cost
//!
//! The issue asks for at most 256 bytes per document beyond the ids, and for
//! verification "on the actual shingle sets", which cost about 4.5 KB per
//! document: the two conflict. The default verifies on the signatures and
//! keeps 222 bytes per text at 10 000 documents and 234 at 100 000
//! ([`Deduplicator::index_bytes`] after [`Deduplicator::shrink_to_fit`]: 96
//! signature, about 70 for the LSH tables at load 0.68–0.85, 2 per
//! paragraph, 24 for counts, date, outlet and story links; 239 at 100 000
//! while still growing, as the arrays grow by an eighth). Against the
//! exact sets, the estimates err by 0.02 on average (95th percentile 0.08)
//! and change the copy decision for 25 of 35 106 pairs (`cargo bench --bench
//! dedup`); `keep_shingles(true)` removes that error at 20 times the memory.
//!
//! Adding a 3.3 KB page costs about 56 µs of CPU, a third of it structure
//! analysis (17,900 pages per CPU-second on the 100k generated corpus;
//! 27,400 without structure analysis, against 1,060 for datasketch).
//! Analysis and sketching run on all cores in
//! [`Deduplicator::add_documents`]; adds run in input order on the calling
//! thread. Figures and commands are in the README's Performance table.
//!
//! ```
//! use dateline::dedup::{DedupConfig, Deduplicator, DocRef, Verdict};
//!
//! let wire = "Talks between the United States and Russia on their embassies will move to \
//!             Moscow from Istanbul, the Russian ambassador to Washington told the state news agency.\n\
//!             The next round will take place in the very near future, he was quoted as saying.\n";
//! let copy = wire.replace("Talks between", "TALKS between").replace(", he was", ", he was also");
//! let mut dedup = Deduplicator::new(DedupConfig::new())?;
//! assert!(matches!(dedup.add(DocRef::new("a.txt", wire)), Verdict::New { .. }));
//! match dedup.add(DocRef::new("b.txt", &copy)) {
//!     Verdict::Copy { story, matched, .. } => assert_eq!((story.as_str(), matched.as_str()), ("a.txt", "a.txt")),
//!     other => panic!("expected a copy, got {other:?}"),
//! }
//! let stories = dedup.stories();
//! assert_eq!(stories.len(), 1);
//! assert_eq!(stories[0].members.len(), 2);
//! # Ok::<(), dateline::Error>(())
//! ```

mod diff;
mod lsh;
mod minhash;
// Shared with the timeline stage (sorted-set overlap of content words).
pub(crate) use minhash::intersection_size;
mod shingle;

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::text::{Paragraph, Section};
use crate::{Error, Result, Span};

/// Parameters of the deduplicator. `Default` gives the measured defaults;
/// chained setters change one value each, and [`Deduplicator::new`] checks them.
///
/// ```
/// use dateline::dedup::DedupConfig;
/// let config = DedupConfig::new().resemblance(0.6).containment(0.85).keep_shingles(true);
/// assert_eq!(config.get_resemblance(), 0.6);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupConfig {
    shingle: usize,
    bins: usize,
    bands: usize,
    rows: usize,
    resemblance: f64,
    containment: f64,
    min_containment_shingles: u32,
    keep_shingles: bool,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        DedupConfig {
            shingle: 5,
            bins: 64,
            bands: 16,
            rows: 2,
            resemblance: 0.3,
            containment: 0.5,
            min_containment_shingles: 20,
            keep_shingles: false,
        }
    }
}

impl DedupConfig {
    /// The default configuration.
    pub fn new() -> DedupConfig {
        DedupConfig::default()
    }

    /// Words per shingle, 1 to 16 (default 5).
    pub fn shingle_size(mut self, words: usize) -> DedupConfig {
        self.shingle = words;
        self
    }

    /// MinHash bins per signature, 1 to 1024 (default 64); a banded bin costs 2 bytes per document, another 1.
    pub fn bins(mut self, bins: usize) -> DedupConfig {
        self.bins = bins;
        self
    }

    /// LSH bands (default 16); each costs about 5 bytes per document.
    pub fn bands(mut self, bands: usize) -> DedupConfig {
        self.bands = bands;
        self
    }

    /// Bins per LSH band (default 2); `bands × rows` must not exceed `bins`.
    pub fn rows(mut self, rows: usize) -> DedupConfig {
        self.rows = rows;
        self
    }

    /// Resemblance (Jaccard) at or above which two texts are copies, in `(0, 1]` (default 0.3).
    pub fn resemblance(mut self, threshold: f64) -> DedupConfig {
        self.resemblance = threshold;
        self
    }

    /// Alias of [`resemblance`](DedupConfig::resemblance).
    pub fn threshold(self, threshold: f64) -> DedupConfig {
        self.resemblance(threshold)
    }

    /// Containment (share of the smaller text's shingles in the larger) at or
    /// above which two texts are copies, in `(0, 1]` (default 0.5).
    pub fn containment(mut self, threshold: f64) -> DedupConfig {
        self.containment = threshold;
        self
    }

    /// The smaller text needs at least this many shingles for the containment
    /// rule to apply (default 20), so that a one-line stub is not a "copy" of
    /// every article that quotes it.
    pub fn min_containment_shingles(mut self, shingles: u32) -> DedupConfig {
        self.min_containment_shingles = shingles;
        self
    }

    /// Keep each document's exact shingle set (8 bytes per shingle) and
    /// verify candidates on it instead of on the signatures (default false).
    pub fn keep_shingles(mut self, keep: bool) -> DedupConfig {
        self.keep_shingles = keep;
        self
    }

    /// The resemblance threshold.
    pub fn get_resemblance(&self) -> f64 {
        self.resemblance
    }

    /// The containment threshold.
    pub fn get_containment(&self) -> f64 {
        self.containment
    }

    fn validate(&self) -> Result<()> {
        let fail = |m: String| Err(Error::Config(m));
        if !(1..=shingle::MAX_K).contains(&self.shingle) {
            return fail(format!("shingle size {} must be 1 to {}", self.shingle, shingle::MAX_K));
        }
        if !(1..=1024).contains(&self.bins) {
            return fail(format!("bins {} must be 1 to 1024", self.bins));
        }
        if self.bands == 0 || self.rows == 0 || self.bands.saturating_mul(self.rows) > self.bins {
            return fail(format!(
                "bands ({}) × rows ({}) must be at least 1 and at most bins ({})",
                self.bands, self.rows, self.bins
            ));
        }
        for (name, t) in [("resemblance", self.resemblance), ("containment", self.containment)] {
            if !(t > 0.0 && t <= 1.0) {
                return fail(format!("{name} threshold {t} must be in (0, 1]"));
            }
        }
        Ok(())
    }

    /// Sketch the text of `paragraphs` (spans into `body`): what the
    /// deduplicator keeps of a document. Sketching is the expensive part of
    /// adding a document and needs no access to the index, so threads can
    /// sketch while one thread adds ([`Deduplicator::add_sketch`]).
    pub fn sketch(&self, body: &str, paragraphs: impl IntoIterator<Item = Span>) -> Sketch {
        let mut shingler = shingle::Shingler::new(self.shingle);
        let mut hashes = Vec::with_capacity(body.len() / 6);
        let mut fingerprints = Vec::new();
        for span in paragraphs {
            let mut fp = shingle::Fingerprint::default();
            shingle::for_each_token(span.slice(body), |t| {
                fp.push(t);
                if let Some(h) = shingler.push(t) {
                    hashes.push(h);
                }
            });
            fingerprints.extend(fp.finish());
        }
        if hashes.is_empty() {
            hashes.extend(shingler.short_text_shingle());
        }
        let mut signature = Vec::new();
        minhash::signature(&hashes, self.bins, &mut signature);
        // The signature ignores repeats; the count and the exact set must not.
        let (distinct, exact) = if self.keep_shingles {
            hashes.sort_unstable();
            hashes.dedup();
            (hashes.len(), Some(hashes))
        } else {
            (minhash::distinct(&hashes), None)
        };
        Sketch { signature, shingles: u32::try_from(distinct).unwrap_or(u32::MAX), paragraphs: fingerprints, exact }
    }

    /// Sketch a section of `body` (its paragraphs, headline included).
    pub fn sketch_section(&self, body: &str, section: &Section) -> Sketch {
        self.sketch(body, section.paragraphs.iter().map(|p| p.span))
    }

    fn is_copy(&self, s: Similarity, smaller: u32) -> bool {
        s.resemblance >= self.resemblance
            || (smaller >= self.min_containment_shingles && s.containment >= self.containment)
    }
}

/// What the deduplicator keeps of one document: its MinHash signature,
/// number of distinct shingles, paragraph fingerprints and (only with
/// [`DedupConfig::keep_shingles`]) its shingle set. Made by [`DedupConfig::sketch`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sketch {
    signature: Vec<u16>,
    shingles: u32,
    paragraphs: Vec<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exact: Option<Vec<u64>>,
}

impl Sketch {
    /// Number of distinct shingles in the text.
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// Number of paragraphs with at least one word.
    pub fn paragraphs(&self) -> usize {
        self.paragraphs.len()
    }

    /// The similarity of two sketches made with `config`, as the index
    /// computes it: on the exact shingle sets when both sketches have them,
    /// otherwise estimated from the signatures with the bins the index keeps
    /// (16 bits for the banded bins, 8 bits for the others).
    pub fn similarity(&self, other: &Sketch, config: &DedupConfig) -> Similarity {
        if let (Some(a), Some(b)) = (&self.exact, &other.exact) {
            return exact_similarity(a, b, self.shingles, other.shingles);
        }
        let banded = (config.bands * config.rows).min(self.signature.len());
        let (band_a, extra_a) = self.signature.split_at(banded);
        let (band_b, extra_b) = other.signature.split_at(banded.min(other.signature.len()));
        let full = minhash::agreeing_bins(band_a, band_b);
        let extra = extra_a.iter().zip(extra_b).filter(|(x, y)| **x as u8 == **y as u8).count();
        estimated_similarity(config.bins, full, extra, extra_a.len(), self.shingles, other.shingles)
    }
}

/// Similarity from signature agreement: agreeing 16-bit bins count fully;
/// agreeing 8-bit bins are corrected for their 1/256 chance agreement. The
/// intersection follows from `J = |A ∩ B| / (|A| + |B| − |A ∩ B|)`.
fn estimated_similarity(bins: usize, full: usize, extra: usize, extra_len: usize, na: u32, nb: u32) -> Similarity {
    let chance = extra_len as f64 / 256.0;
    let extra = ((extra as f64 - chance) * 256.0 / 255.0).max(0.0);
    let j = ((full as f64 + extra) / bins.max(1) as f64).min(1.0);
    let (na, nb) = (f64::from(na), f64::from(nb));
    let inter = j * (na + nb) / (1.0 + j);
    Similarity { resemblance: j, containment: (inter / na.min(nb).max(1.0)).min(1.0) }
}

/// Similarity computed on the exact shingle sets (sorted, deduplicated).
fn exact_similarity(a: &[u64], b: &[u64], na: u32, nb: u32) -> Similarity {
    let inter = minhash::intersection_size(a, b) as f64;
    let (na, nb) = (f64::from(na), f64::from(nb));
    let union = (na + nb - inter).max(1.0);
    Similarity { resemblance: inter / union, containment: (inter / na.min(nb).max(1.0)).min(1.0) }
}

/// How similar two texts are.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Jaccard resemblance of the shingle sets, `|A ∩ B| / |A ∪ B|`.
    pub resemblance: f64,
    /// Containment of the smaller set in the larger, `|A ∩ B| / min(|A|, |B|)`;
    /// 1.0 for a truncated copy or the original of an update.
    pub containment: f64,
}

/// A document to add: its id, provenance and the text to compare.
#[derive(Debug, Clone, Copy)]
pub struct DocRef<'a> {
    /// Unique document id (a corpus name, or `<page id>#<number>` for a blurb).
    pub id: &'a str,
    /// The outlet, if known.
    pub source: Option<&'a str>,
    /// The publication date, if known.
    pub date: Option<NaiveDate>,
    /// The document body; `paragraphs` are spans into it.
    pub body: &'a str,
    /// The paragraphs to compare (article text only, never boilerplate);
    /// `None` compares every line of `body` as a paragraph.
    pub paragraphs: Option<&'a [Paragraph]>,
}

impl<'a> DocRef<'a> {
    /// A document whose whole body is compared, one paragraph a line.
    pub fn new(id: &'a str, body: &'a str) -> DocRef<'a> {
        DocRef { id, source: None, date: None, body, paragraphs: None }
    }

    /// The paragraphs of `section` (from [`crate::text::analyze`]).
    pub fn section(mut self, section: &'a Section) -> DocRef<'a> {
        self.paragraphs = Some(&section.paragraphs);
        self
    }

    /// With an outlet.
    pub fn source(mut self, source: Option<&'a str>) -> DocRef<'a> {
        self.source = source;
        self
    }

    /// With a publication date.
    pub fn date(mut self, date: Option<NaiveDate>) -> DocRef<'a> {
        self.date = date;
        self
    }

    fn sketch(&self, config: &DedupConfig) -> Sketch {
        match self.paragraphs {
            Some(p) => config.sketch(self.body, p.iter().map(|p| p.span)),
            None => {
                let mut pos = 0;
                let lines = self.body.split_inclusive('\n').map(move |l| {
                    let span = Span::new(pos, pos + l.len());
                    pos += l.len();
                    span
                });
                config.sketch(self.body, lines)
            }
        }
    }
}

/// The verdict on a document when it is added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// No earlier document is a copy of it: it starts a story whose id is its own.
    New {
        /// The new story's id (the document's id).
        story: String,
    },
    /// A copy of a story already in the index.
    Copy {
        /// The story's id at this point (its smallest member id so far).
        story: String,
        /// The member it is most similar to.
        matched: String,
        /// Its similarity to `matched`, which decided the verdict.
        similarity: Similarity,
    },
}

impl Verdict {
    /// The id of the story the document now belongs to.
    pub fn story(&self) -> &str {
        match self {
            Verdict::New { story } | Verdict::Copy { story, .. } => story,
        }
    }

    /// Whether the document joined an existing story.
    pub fn is_copy(&self) -> bool {
        matches!(self, Verdict::Copy { .. })
    }
}

/// One member of a story, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Document id.
    pub id: String,
    /// Outlet, if known.
    pub source: Option<String>,
    /// Publication date, if known.
    #[serde(with = "date_serde")]
    pub date: Option<NaiveDate>,
    /// Resemblance to [`matched`](Member::matched), its strongest link in
    /// the story (which does not depend on the order documents were added).
    pub similarity: f64,
    /// Containment between it and `matched`.
    pub containment: f64,
    /// The member it is most similar to.
    pub matched: String,
    /// Number of distinct shingles (how complete the text is).
    pub shingles: u32,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Indices of the canonical member's paragraphs this member lacks (a cut
    /// ending shows as the last indices). Empty for the canonical member.
    pub lacks: Vec<usize>,
    /// Indices of this member's paragraphs that the canonical member does not have.
    pub adds: Vec<usize>,
}

/// Syndicated copies of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The story's id: its lexicographically smallest member id.
    pub id: String,
    /// The canonical member: the most complete text, ties broken by earliest date, then id.
    pub canonical: String,
    /// Members sorted by id.
    pub members: Vec<Member>,
}

mod date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| serde::de::Error::custom(format!("expected a YYYY-MM-DD date, got {s:?}")))
            })
            .transpose()
    }
}

/// `v`, with room for `more` elements: when full it grows by an eighth (at
/// least 64 elements) instead of doubling.
fn tight<T>(v: &mut Vec<T>, more: usize) -> &mut Vec<T> {
    if v.capacity() - v.len() < more {
        v.reserve_exact(more.max(v.len() / 8).max(64));
    }
    v
}

const NO_SOURCE: u32 = u32::MAX;
const NO_DATE: i32 = i32::MIN;

/// The deduplication index: add documents one at a time or in parallel,
/// then read the [`stories`](Deduplicator::stories).
///
/// Serialisable with serde (the signatures, counts and paragraph
/// fingerprints; the LSH tables are rebuilt on load), and mergeable
/// ([`merge`](Deduplicator::merge)) with an index built on another shard.
#[derive(Debug, Clone)]
pub struct Deduplicator {
    config: DedupConfig,
    ids: Vec<String>,
    sources: Vec<u32>,
    source_names: Vec<String>,
    source_lookup: HashMap<String, u32>,
    dates: Vec<i32>,
    shingles: Vec<u32>,
    /// The `bands × rows` bins the LSH bands read, 16 bits each.
    band_bins: Vec<u16>,
    /// The other bins, only used to estimate similarity: their low 8 bits
    /// (b-bit minwise hashing; chance agreement 1/256 is corrected for).
    extra_bins: Vec<u8>,
    paragraph_start: Vec<u32>,
    paragraphs: Vec<u16>,
    /// Union-find parent; the root of a story is its member with the smallest id.
    parent: Vec<u32>,
    /// The partner of each document's strongest copy link (itself when it has none).
    best: Vec<u32>,
    exact: Vec<Vec<u64>>,
    tables: Vec<lsh::Table>,
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
            tables: vec![lsh::Table::default(); config.bands],
            config,
            ids: Vec::new(),
            sources: Vec::new(),
            source_names: Vec::new(),
            source_lookup: HashMap::new(),
            dates: Vec::new(),
            shingles: Vec::new(),
            band_bins: Vec::new(),
            extra_bins: Vec::new(),
            paragraph_start: vec![0],
            paragraphs: Vec::new(),
            parent: Vec::new(),
            best: Vec::new(),
            exact: Vec::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no document has been added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Add one document and say at once whether it is a copy.
    pub fn add(&mut self, doc: DocRef<'_>) -> Verdict {
        let sketch = doc.sketch(&self.config);
        self.insert(doc.id, doc.source, doc.date, sketch)
    }

    /// Add a document sketched with [`DedupConfig::sketch`]. Fails only when
    /// the sketch was made with a configuration of other bins or shingle mode.
    pub fn add_sketch(
        &mut self,
        id: &str,
        source: Option<&str>,
        date: Option<NaiveDate>,
        sketch: Sketch,
    ) -> Result<Verdict> {
        if sketch.signature.len() != self.config.bins || sketch.exact.is_some() != self.config.keep_shingles {
            return Err(Error::Config(format!(
                "sketch of {id:?} has {} bins and exact shingles {}; this index uses {} bins and keep_shingles({})",
                sketch.signature.len(),
                sketch.exact.is_some(),
                self.config.bins,
                self.config.keep_shingles
            )));
        }
        Ok(self.insert(id, source, date, sketch))
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
        texts.into_iter().map(|s| (s.id.clone(), self.insert(&s.id, s.source.as_deref(), s.date, s.sketch))).collect()
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
    /// by one. Sketches made with another configuration are skipped.
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

    fn insert(&mut self, id: &str, source: Option<&str>, date: Option<NaiveDate>, sketch: Sketch) -> Verdict {
        let Ok(doc) = u32::try_from(self.ids.len()) else {
            // More than 4 billion documents: beyond the index's numbering; never joined.
            return Verdict::New { story: id.to_string() };
        };
        let source = source.map_or(NO_SOURCE, |s| self.intern(s));
        // Grow the per-document arrays by an eighth, not by doubling, so that a
        // growing index carries little spare capacity.
        tight(&mut self.ids, 1).push(id.to_string());
        tight(&mut self.sources, 1).push(source);
        tight(&mut self.dates, 1).push(date.map_or(NO_DATE, |d| chrono::Datelike::num_days_from_ce(&d)));
        tight(&mut self.shingles, 1).push(sketch.shingles);
        let banded = self.config.bands * self.config.rows;
        let (band_part, extra_part) = sketch.signature.split_at(banded.min(sketch.signature.len()));
        tight(&mut self.band_bins, band_part.len()).extend_from_slice(band_part);
        tight(&mut self.extra_bins, extra_part.len()).extend(extra_part.iter().map(|&v| v as u8));
        tight(&mut self.paragraphs, sketch.paragraphs.len()).extend_from_slice(&sketch.paragraphs);
        let end = u32::try_from(self.paragraphs.len()).unwrap_or(u32::MAX);
        tight(&mut self.paragraph_start, 1).push(end);
        tight(&mut self.parent, 1).push(doc);
        tight(&mut self.best, 1).push(doc);
        if let Some(exact) = sketch.exact {
            self.exact.push(exact);
        }
        if sketch.shingles == 0 {
            return Verdict::New { story: id.to_string() };
        }

        // Candidates: documents agreeing with this one in all rows of some band.
        let mut candidates = Vec::new();
        let rows = self.config.rows;
        let sig = self.band_part(doc);
        for (band, table) in self.tables.iter().enumerate() {
            let values = &sig[band * rows..][..rows];
            table.probe(lsh::band_hash(band, values), |other| {
                // An element loop: slice `==` would call `memcmp` for two values.
                if self.band_part(other)[band * rows..][..rows].iter().zip(values).all(|(a, b)| a == b) {
                    candidates.push(other);
                }
            });
        }
        candidates.sort_unstable();
        candidates.dedup();

        // Insert into the band tables.
        let mut tables = std::mem::take(&mut self.tables);
        for (band, table) in tables.iter_mut().enumerate() {
            let hash_of = |d: u32| lsh::band_hash(band, &self.band_part(d)[band * rows..][..rows]);
            table.insert(hash_of(doc), doc, hash_of);
        }
        self.tables = tables;

        // Verify, link, and report the strongest link.
        let mut strongest: Option<(u32, Similarity)> = None;
        for other in candidates {
            let s = self.similarity(doc, other);
            let smaller = self.shingles[doc as usize].min(self.shingles[other as usize]);
            if !self.config.is_copy(s, smaller) {
                continue;
            }
            self.union(doc, other);
            self.offer_link(doc, other, s);
            self.offer_link(other, doc, s);
            if strongest.map_or(true, |(m, ms)| self.stronger((other, s), (m, ms))) {
                strongest = Some((other, s));
            }
        }
        match strongest {
            None => Verdict::New { story: id.to_string() },
            Some((m, similarity)) => Verdict::Copy {
                story: {
                    let root = self.find(doc);
                    self.ids[root as usize].clone()
                },
                matched: self.ids[m as usize].clone(),
                similarity,
            },
        }
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

    fn band_part(&self, doc: u32) -> &[u16] {
        let n = self.config.bands * self.config.rows;
        self.band_bins.get(doc as usize * n..(doc as usize + 1) * n).unwrap_or(&[])
    }

    fn extra_part(&self, doc: u32) -> &[u8] {
        let n = self.config.bins - self.config.bands * self.config.rows;
        self.extra_bins.get(doc as usize * n..(doc as usize + 1) * n).unwrap_or(&[])
    }

    /// The similarity of two indexed documents: exact when the shingle sets
    /// are kept, estimated from the signatures otherwise. Symmetric.
    fn similarity(&self, a: u32, b: u32) -> Similarity {
        let (na, nb) = (self.shingles[a as usize], self.shingles[b as usize]);
        if let (Some(ea), Some(eb)) = (self.exact.get(a as usize), self.exact.get(b as usize)) {
            return exact_similarity(ea, eb, na, nb);
        }
        let full = minhash::agreeing_bins(self.band_part(a), self.band_part(b));
        let (ea, eb) = (self.extra_part(a), self.extra_part(b));
        let extra = ea.iter().zip(eb).filter(|(x, y)| x == y).count();
        estimated_similarity(self.config.bins, full, extra, ea.len(), na, nb)
    }

    /// Whether link `a` is stronger than link `b`: higher resemblance, then
    /// containment, then smaller partner id (a total order, so the strongest
    /// link does not depend on the order links are found in).
    fn stronger(&self, a: (u32, Similarity), b: (u32, Similarity)) -> bool {
        let by_sim = a.1.resemblance.total_cmp(&b.1.resemblance).then(a.1.containment.total_cmp(&b.1.containment));
        match by_sim {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => self.ids[a.0 as usize] < self.ids[b.0 as usize],
        }
    }

    fn offer_link(&mut self, doc: u32, partner: u32, s: Similarity) {
        let current = self.best[doc as usize];
        if current == doc || self.stronger((partner, s), (current, self.similarity(doc, current))) {
            self.best[doc as usize] = partner;
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

    fn root(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
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

    fn date(&self, doc: u32) -> Option<NaiveDate> {
        let d = self.dates[doc as usize];
        (d != NO_DATE).then(|| NaiveDate::from_num_days_from_ce_opt(d)).flatten()
    }

    fn paragraph_fingerprints(&self, doc: u32) -> &[u16] {
        let start = self.paragraph_start[doc as usize] as usize;
        let end = self.paragraph_start[doc as usize + 1] as usize;
        self.paragraphs.get(start..end).unwrap_or(&[])
    }

    /// Whether `a` is a more complete canonical text than `b`.
    fn more_canonical(&self, a: u32, b: u32) -> bool {
        let key = |d: u32| {
            (std::cmp::Reverse(self.shingles[d as usize]), self.dates[d as usize] == NO_DATE, self.dates[d as usize])
        };
        match key(a).cmp(&key(b)) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => self.ids[a as usize] < self.ids[b as usize],
        }
    }

    /// Every story with at least two members, sorted by story id.
    pub fn stories(&self) -> Vec<Story> {
        let mut groups: HashMap<u32, Vec<u32>> = HashMap::new();
        for doc in 0..self.ids.len() as u32 {
            // A document with a copy link is in a story of at least two.
            if self.best[doc as usize] != doc {
                groups.entry(self.root(doc)).or_default().push(doc);
            }
        }
        let mut stories: Vec<Story> = groups.into_values().map(|members| self.story(members)).collect();
        stories.sort_by(|a, b| a.id.cmp(&b.id));
        stories
    }

    fn story(&self, mut members: Vec<u32>) -> Story {
        members.sort_by(|&a, &b| self.ids[a as usize].cmp(&self.ids[b as usize]));
        let id = self.ids[members[0] as usize].clone();
        let canonical = members.iter().copied().fold(members[0], |c, d| if self.more_canonical(d, c) { d } else { c });
        let canon_fp = self.paragraph_fingerprints(canonical);
        let members = members
            .iter()
            .map(|&d| {
                let matched = self.best[d as usize];
                let s = self.similarity(d, matched);
                let own = self.paragraph_fingerprints(d);
                Member {
                    id: self.ids[d as usize].clone(),
                    source: self.source_names.get(self.sources[d as usize] as usize).cloned(),
                    date: self.date(d),
                    similarity: s.resemblance,
                    containment: s.containment,
                    matched: self.ids[matched as usize].clone(),
                    shingles: self.shingles[d as usize],
                    paragraphs: own.len(),
                    lacks: diff::missing(canon_fp, own),
                    adds: diff::missing(own, canon_fp),
                }
            })
            .collect();
        Story { id, canonical: self.ids[canonical as usize].clone(), members }
    }
}

impl Deduplicator {
    /// The document at `doc` as a sketch, for re-adding it elsewhere.
    fn sketch_of(&self, doc: u32) -> Sketch {
        Sketch {
            signature: self
                .band_part(doc)
                .iter()
                .copied()
                .chain(self.extra_part(doc).iter().map(|&v| u16::from(v)))
                .collect(),
            shingles: self.shingles[doc as usize],
            paragraphs: self.paragraph_fingerprints(doc).to_vec(),
            exact: self.exact.get(doc as usize).cloned(),
        }
    }

    /// Merge an index built on another (disjoint) shard into this one. The
    /// result has the stories that one pass over both shards would give.
    /// Fails when the two configurations differ.
    pub fn merge(&mut self, other: Deduplicator) -> Result<()> {
        if other.config != self.config {
            return Err(Error::Config(format!(
                "cannot merge indexes with different configurations: {:?} and {:?}",
                self.config, other.config
            )));
        }
        for doc in 0..other.ids.len() as u32 {
            let source = other.source_names.get(other.sources[doc as usize] as usize).map(String::as_str);
            self.insert(&other.ids[doc as usize], source, other.date(doc), other.sketch_of(doc));
        }
        Ok(())
    }

    /// Heap bytes of the index beyond the ids and outlet names: signatures,
    /// shingle counts, paragraph fingerprints, dates, outlet numbers, story
    /// links and LSH tables (and the exact shingle sets when kept).
    pub fn index_bytes(&self) -> usize {
        fn cap<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        cap(&self.sources)
            + cap(&self.dates)
            + cap(&self.shingles)
            + cap(&self.band_bins)
            + cap(&self.extra_bins)
            + cap(&self.paragraph_start)
            + cap(&self.paragraphs)
            + cap(&self.parent)
            + cap(&self.best)
            + cap(&self.exact)
            + self.exact.iter().map(cap).sum::<usize>()
            + self.tables.iter().map(lsh::Table::heap_bytes).sum::<usize>()
    }

    /// Release spare capacity of the per-document arrays (the LSH tables keep theirs).
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.shingles.shrink_to_fit();
        self.band_bins.shrink_to_fit();
        self.extra_bins.shrink_to_fit();
        self.paragraph_start.shrink_to_fit();
        self.paragraphs.shrink_to_fit();
        self.parent.shrink_to_fit();
        self.best.shrink_to_fit();
        self.exact.shrink_to_fit();
    }
}

/// One sketched text of a corpus document (its main text or a blurb), ready
/// to add with [`Deduplicator::add_sketched`]. Made by [`DedupConfig::sketch_document`].
#[derive(Debug, Clone, PartialEq)]
pub struct SketchedText {
    /// The text's id: the document name, or `<name>#<number>` for a blurb.
    pub id: String,
    /// The outlet: the document's `source`, or the blurb's own outlet.
    pub source: Option<String>,
    /// The document's publication date.
    pub date: Option<NaiveDate>,
    /// The sketch of its article text.
    pub sketch: Sketch,
}

impl DedupConfig {
    /// Analyse a corpus document with [`crate::text::analyze_paragraphs`] and sketch its
    /// main text and each related-story blurb: the work of
    /// [`Deduplicator::add_document`] that can run on any thread.
    pub fn sketch_document(&self, doc: &Document<'_>) -> Vec<SketchedText> {
        let body: &str = &doc.body;
        // Dedup compares paragraphs only; sentence segmentation would be most of the cost.
        let structure = crate::text::analyze_paragraphs(body, doc.meta.title());
        let date = doc.meta.date();
        let mut out = Vec::with_capacity(1 + structure.blurbs.len());
        out.push(SketchedText {
            id: doc.name.to_string(),
            source: doc.meta.source().map(str::to_string),
            date,
            sketch: self.sketch_section(body, &structure.main),
        });
        for blurb in &structure.blurbs {
            out.push(SketchedText {
                id: format!("{}#{}", doc.name, blurb.number),
                source: blurb.outlet.map(|o| o.slice(body).to_string()),
                date,
                sketch: self.sketch_section(body, &blurb.section),
            });
        }
        out
    }
}

/// Map `work` over `items` on `threads` threads in blocks, handing each
/// block's results to `sink` on this thread in input order.
fn parallel_ordered<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(Vec<R>),
) {
    const BLOCK: usize = 64;
    if threads <= 1 || items.len() <= BLOCK {
        for block in items.chunks(BLOCK) {
            sink(block.iter().map(&work).collect());
        }
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let blocks = items.len().div_ceil(BLOCK);
    std::thread::scope(|scope| {
        // A bounded channel keeps at most a few blocks per thread in flight.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<R>)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(block) = items.get(b * BLOCK..((b + 1) * BLOCK).min(items.len())) else { break };
                if block.is_empty() {
                    break;
                }
                if tx.send((b, block.iter().map(work).collect())).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (b, results) in rx {
            pending.insert(b, results);
            while let Some(results) = pending.remove(&want) {
                sink(results);
                want += 1;
            }
        }
        debug_assert_eq!(want, blocks);
    });
}

/// The serialised form: configuration and per-document sketches; the LSH
/// tables and story links are rebuilt on load (so a loaded index is always
/// consistent, whatever the input).
#[derive(Serialize)]
struct SnapshotRef<'a> {
    config: &'a DedupConfig,
    documents: DocumentsRef<'a>,
}

struct DocumentsRef<'a>(&'a Deduplicator);

#[derive(Serialize)]
struct RecordRef<'a> {
    id: &'a str,
    source: Option<&'a str>,
    #[serde(with = "date_serde")]
    date: Option<NaiveDate>,
    sketch: Sketch,
}

#[derive(Deserialize)]
struct Snapshot {
    config: DedupConfig,
    documents: Vec<Record>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    source: Option<String>,
    #[serde(with = "date_serde")]
    date: Option<NaiveDate>,
    sketch: Sketch,
}

impl Serialize for DocumentsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let d = self.0;
        s.collect_seq((0..d.ids.len() as u32).map(|doc| RecordRef {
            id: &d.ids[doc as usize],
            source: d.source_names.get(d.sources[doc as usize] as usize).map(String::as_str),
            date: d.date(doc),
            sketch: d.sketch_of(doc),
        }))
    }
}

impl Serialize for Deduplicator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        SnapshotRef { config: &self.config, documents: DocumentsRef(self) }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Deduplicator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Deduplicator, D::Error> {
        let snapshot = Snapshot::deserialize(d)?;
        let mut dedup = Deduplicator::new(snapshot.config).map_err(serde::de::Error::custom)?;
        for r in snapshot.documents {
            dedup.add_sketch(&r.id, r.source.as_deref(), r.date, r.sketch).map_err(serde::de::Error::custom)?;
        }
        Ok(dedup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of `n` paragraphs of distinct words, `seed` making it unique.
    fn text(seed: usize, n: usize) -> String {
        (0..n)
            .map(|p| (0..30).map(|w| format!("w{seed}x{p}x{w}")).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn truncated_copy_joins_by_containment_and_lacks_the_cut_paragraphs() {
        let full = text(1, 10);
        let cut: String = full.lines().take(4).collect::<Vec<_>>().join("\n");
        let mut d = Deduplicator::default();
        d.add(DocRef::new("full", &full));
        let v = d.add(DocRef::new("cut", &cut));
        let Verdict::Copy { similarity, .. } = v else { panic!("{v:?}") };
        assert!(similarity.resemblance < 0.5 && similarity.containment >= 0.8, "{similarity:?}");
        let story = &d.stories()[0];
        assert_eq!(story.canonical, "full");
        assert_eq!(story.members[0].id, "cut");
        assert_eq!(story.members[0].lacks, vec![4, 5, 6, 7, 8, 9]);
        assert!(story.members[0].adds.is_empty());
    }

    #[test]
    fn unrelated_texts_stay_apart() {
        let mut d = Deduplicator::default();
        for i in 0..50 {
            assert!(!d.add(DocRef::new(&format!("d{i}"), &text(i, 5))).is_copy());
        }
        assert!(d.stories().is_empty());
    }

    #[test]
    fn empty_text_is_never_a_copy() {
        let mut d = Deduplicator::default();
        assert!(!d.add(DocRef::new("a", "")).is_copy());
        assert!(!d.add(DocRef::new("b", "  \n ... \n")).is_copy());
        assert!(d.stories().is_empty());
    }

    #[test]
    fn config_out_of_range_is_an_error() {
        for c in [
            DedupConfig::new().bins(0),
            DedupConfig::new().bands(40).rows(2),
            DedupConfig::new().shingle_size(0),
            DedupConfig::new().resemblance(1.5),
            DedupConfig::new().containment(f64::NAN),
        ] {
            assert!(matches!(Deduplicator::new(c), Err(Error::Config(_))));
        }
    }

    #[test]
    fn sketch_from_another_configuration_is_refused() {
        let mut d = Deduplicator::default();
        let sketch = DedupConfig::new().bins(32).bands(8).sketch("a b c d e f", [Span::new(0, 11)]);
        assert!(d.add_sketch("x", None, None, sketch).is_err());
        assert!(d.is_empty());
    }

    #[test]
    fn story_id_is_the_smallest_member_id_whatever_the_order() {
        let t = text(7, 6);
        let mut d = Deduplicator::default();
        assert_eq!(d.add(DocRef::new("m", &t)).story(), "m");
        assert_eq!(d.add(DocRef::new("z", &t)).story(), "m");
        assert_eq!(d.add(DocRef::new("c", &t)).story(), "c");
        assert_eq!(d.stories()[0].id, "c");
    }
}
