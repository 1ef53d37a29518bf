//! Dedup: merge syndicated copies of the same story.
//!
//! A wire story is republished by many outlets: whole, trimmed, as an
//! excerpt of its first paragraphs, in a photo gallery among captions, or in
//! another version of the day (a new top, paragraphs moved, the tail cut, a
//! paragraph added). The [`Deduplicator`] groups such copies into
//! [`Story`]s, one document at a time ([`Deduplicator::add`] returns a
//! [`Verdict`] at once) or over a whole corpus
//! ([`Deduplicator::add_documents`], in parallel), and the stories do not
//! depend on the order documents arrive in.
//!
//! # Design
//!
//! - **Narrative text only.** The paragraphs of the main section of a page
//!   and of each related-story blurb (a document of its own, id
//!   `<page id>#<number>`), never boilerplate (captions, bylines, furniture:
//!   [`crate::text::analyze_paragraphs`]). Words inside quotation marks
//!   ([`crate::claims::quotes::find`]) and the wire dateline are not
//!   evidence: independent reports of one event quote the same statement
//!   word for word, so a shared quote alone never makes a copy. Words are
//!   folded (case, punctuation, quote styles).
//! - **Passages, not whole documents.** Every 5-word `k`-gram of the
//!   narrative words is hashed and the text keeps its *winnowed*
//!   fingerprints (Schleimer, Wilkerson & Aiken 2003, the method of MOSS):
//!   the smallest hash of each window of 21 `k`-grams, with its word
//!   position. Any verbatim run of 25 narrative words two texts share is
//!   guaranteed to give them a common fingerprint, whatever their lengths,
//!   at about one fingerprint per 11 words. An inverted table maps each
//!   fingerprint to the texts that hold it.
//! - **The copy rule.** The shared fingerprints of two texts, aligned by
//!   position, rebuild the runs they share verbatim (to within a few words
//!   at each end). Two texts are copies when the runs cover half of the
//!   smaller text (an excerpt, a trimmed copy, a gallery's lede:
//!   [`DedupConfig::containment`]), or a quarter of it in two runs of 15
//!   words or one of 100 (versions: [`DedupConfig::partial_containment`]),
//!   with 25 shared words at least. One shared background paragraph is one
//!   run below 100 words and rarely half a story: not a copy.
//! - **What is not evidence.** A fingerprint held by more than 64 texts
//!   ([`DedupConfig::common_limit`]: furniture, boilerplate the structure
//!   stage missed), by 4 or more pages of one outlet (its furniture), or (for
//!   the relaxed rule below) by pages of 3 or more stories (a background or
//!   press-release paragraph of an event); a paragraph ending in a photo
//!   credit (a caption the structure stage left in).
//! - **Verdicts now, stories from the final index.** [`Deduplicator::add`]
//!   judges a text against the index as it stands. The index keeps every
//!   pair whose evidence passes a bound that both rules imply and that only
//!   weakens as evidence is left out; [`Deduplicator::stories`] judges those
//!   pairs again on the final index (the counts above), so the stories are
//!   the same in any input order and after [merging](Deduplicator::merge)
//!   shards, which the property tests check.
//! - **Stories without chaining through weak evidence.** Pages linked by the
//!   strict rule form groups (a chain of versions, A~B~C, is one story).
//!   Pairs of pages that fail it are judged by a relaxed rule (a fifth of
//!   the smaller page, or a tenth with a run of 60 words, without the
//!   fingerprints pages of 3 or more groups hold); a relaxed link lets a lone
//!   page join the group of its strongest such partner, and joins two groups
//!   only when it ties two pages of each, so one page never bridges two
//!   stories. A related-story blurb joins the story of the page it copies
//!   (the story it teases) and never joins two; blurbs that copy no page
//!   group among themselves.
//! - **Explained links.** Each [`Member`] says what it shares with the
//!   story's canonical text (shared words, longest run, the runs as word
//!   ranges: [`DocRef::narrative_words`] maps them to byte spans), which
//!   canonical paragraphs it lacks and which it adds (16-bit paragraph
//!   fingerprints), and its strongest link in the story.
//!
//! # Cost and quality
//!
//! Per text the index keeps 10 bytes per fingerprint (hash, word position,
//! context hashes), about 8 in the inverted table (6-byte slots at load
//! 0.68–0.85), 2 per paragraph, and about 40 for counts, date, outlet and
//! kept pairs: 341 bytes per text, 710 per page with its blurbs, on the
//! 100,000-page generated stream of `benches/common/wire.rs`
//! ([`Deduplicator::index_bytes`] after [`Deduplicator::shrink_to_fit`]).
//! On that stream the pages' copy pairs come out at precision 0.993 and
//! recall 0.926, and one thread handles about 5,300 pages per CPU-second,
//! structure analysis included (measured under load; commands in the
//! README). What it misses: versions that share less than a fifth of the
//! smaller page, galleries and excerpts whose few shared words an edit
//! breaks up, and rewrites that share no run of 25 words; same-event
//! reports in other words are not copies and are left to the timeline.
//!
//! ```
//! use dateline::dedup::{DedupConfig, Deduplicator, DocRef, Verdict};
//!
//! let wire = "Talks between the United States and Russia on the work of their embassies will move to \
//!             Moscow from Istanbul after two rounds, the Russian ambassador to Washington told the state \
//!             news agency on Thursday.\nThe next round will take place in the very near future at a \
//!             venue to be agreed, he was quoted as saying by the agency.\n";
//! let copy = wire.replace("Talks between", "TALKS between").replace("he was quoted", "he was also quoted");
//! let mut dedup = Deduplicator::new(DedupConfig::new())?;
//! assert!(matches!(dedup.add(DocRef::new("a.txt", wire)), Verdict::New { .. }));
//! match dedup.add(DocRef::new("b.txt", &copy)) {
//!     Verdict::Copy { story, matched, similarity } => {
//!         assert_eq!((story.as_str(), matched.as_str()), ("a.txt", "a.txt"));
//!         assert!(similarity.longest_run >= 25);
//!     }
//!     other => panic!("expected a copy, got {other:?}"),
//! }
//! let stories = dedup.stories();
//! assert_eq!(stories.len(), 1);
//! assert_eq!(stories[0].members.len(), 2);
//! # Ok::<(), dateline::Error>(())
//! ```

mod config;
mod diff;
mod evidence;
mod index;
mod parallel;
mod postings;
mod shingle;
mod snapshot;
mod stories;
mod winnow;

pub use config::{DedupConfig, Similarity, Sketch, SketchedText};
pub use evidence::Run;
// Shared with the timeline stage (sorted-set overlap of content words).
pub(crate) use evidence::intersection_size;
pub use index::Deduplicator;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{Paragraph, Section};
use crate::Span;
use snapshot::date_serde;

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
    /// A span of `body` that is never evidence: the wire dateline
    /// ([`Section::dateline`]), set by [`section`](DocRef::section).
    pub dateline: Option<Span>,
}

impl<'a> DocRef<'a> {
    /// A document whose whole body is compared, one paragraph a line.
    pub fn new(id: &'a str, body: &'a str) -> DocRef<'a> {
        DocRef { id, source: None, date: None, body, paragraphs: None, dateline: None }
    }

    /// The paragraphs of `section` (from [`crate::text::analyze`]), its
    /// wire dateline left out.
    pub fn section(mut self, section: &'a Section) -> DocRef<'a> {
        self.paragraphs = Some(&section.paragraphs);
        self.dateline = section.dateline(self.body);
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

    fn spans(&self) -> Vec<Span> {
        match self.paragraphs {
            Some(p) => p.iter().map(|p| p.span).collect(),
            None => {
                let mut pos = 0;
                self.body
                    .split_inclusive('\n')
                    .map(move |l| {
                        let span = Span::new(pos, pos + l.len());
                        pos += l.len();
                        span
                    })
                    .collect()
            }
        }
    }

    fn sketch(&self, config: &DedupConfig) -> Sketch {
        config.sketch_skipping(self.body, self.spans(), self.dateline)
    }

    /// The byte spans of the narrative words compared (outside quotes and
    /// the dateline), in order: word `i` of a [`Run`] is `narrative_words()[i]`.
    ///
    /// ```
    /// use dateline::dedup::DocRef;
    /// let body = "The minister said \"we will not agree\" on Monday.";
    /// let words: Vec<&str> = DocRef::new("a", body).narrative_words().iter().map(|s| s.slice(body)).collect();
    /// assert_eq!(words, ["The", "minister", "said", "on", "Monday"]);
    /// ```
    pub fn narrative_words(&self) -> Vec<Span> {
        let mut out = Vec::new();
        config::for_each_narrative_word(self.body, self.spans(), self.dateline, |e| {
            if let config::WordEvent::Word { span, narrative: true, .. } = e {
                out.push(span);
            }
        });
        out
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
        /// What it shares with `matched`, which decided the verdict.
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
    /// the story (which does not depend on the order documents were added);
    /// 0 when it has no link of its own in the story.
    pub similarity: f64,
    /// Containment between it and `matched`.
    pub containment: f64,
    /// The member it is most similar to.
    pub matched: String,
    /// Number of narrative words (how complete the text is).
    pub words: u32,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Indices of the canonical member's paragraphs this member lacks (a cut
    /// ending shows as the last indices). Empty for the canonical member.
    pub lacks: Vec<usize>,
    /// Indices of this member's paragraphs that the canonical member does not have.
    pub adds: Vec<usize>,
    /// Its narrative words in runs shared verbatim with the canonical text
    /// (all its words for the canonical member itself).
    pub shared_words: u32,
    /// The longest run it shares with the canonical text, in words.
    pub longest_run: u32,
    /// The runs it shares with the canonical text, in its own word order
    /// (empty for the canonical member).
    pub runs: Vec<Run>,
}

/// Syndicated copies of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The story's id: its lexicographically smallest member id.
    pub id: String,
    /// The canonical member: a page before a blurb, then the most complete
    /// text (most narrative words), ties broken by earliest date, then id.
    pub canonical: String,
    /// Members sorted by id.
    pub members: Vec<Member>,
}
