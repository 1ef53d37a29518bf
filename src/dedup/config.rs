//! The deduplicator's parameters, the copy rule, and sketching: what the
//! index keeps of a text.

use serde::{Deserialize, Serialize};

use super::evidence::{self, Evidence};
use super::shingle;
use super::winnow::{Fingerprint, Winnower};
use crate::corpus::Document;
use crate::text::Section;
use crate::{Error, Result, Span};

/// Parameters of the deduplicator. `Default` gives the measured defaults;
/// chained setters change one value each, and [`Deduplicator::new`](super::Deduplicator::new) checks them.
///
/// Two texts are copies when the narrative passages they share verbatim
/// (runs of at least `shingle_size` words, found through winnowed
/// fingerprints; quotes and the dateline left out) cover
///
/// - at least [`containment`](DedupConfig::containment) of the smaller text
///   (an excerpt, a trimmed copy, a gallery's lede), or
/// - at least [`partial_containment`](DedupConfig::partial_containment) of it
///   in two or more runs of [`min_run`](DedupConfig::min_run) words, or in one
///   run of [`long_run`](DedupConfig::long_run) words (versions of a story
///   rewritten through the day),
///
/// and at least [`min_shared_words`](DedupConfig::min_shared_words) words in
/// all. A fingerprint found in more than [`common_limit`](DedupConfig::common_limit)
/// texts is not evidence.
///
/// ```
/// use dateline::dedup::DedupConfig;
/// let config = DedupConfig::new().containment(0.6).common_limit(200);
/// assert_eq!(config.containment_threshold(), 0.6);
/// assert_eq!(config.guaranteed_run(), 25);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupConfig {
    pub(crate) shingle: usize,
    pub(crate) window: usize,
    pub(crate) containment: f64,
    pub(crate) partial: f64,
    pub(crate) min_run: u32,
    pub(crate) long_run: u32,
    pub(crate) min_shared: u32,
    pub(crate) common: u32,
    pub(crate) relaxed: f64,
    pub(crate) relaxed_run: u32,
    pub(crate) cross_stories: u32,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        DedupConfig {
            shingle: 5,
            window: 21,
            containment: 0.5,
            partial: 0.25,
            min_run: 15,
            long_run: 100,
            min_shared: 25,
            common: 64,
            relaxed: 0.2,
            relaxed_run: 60,
            cross_stories: 3,
        }
    }
}

impl DedupConfig {
    /// The default configuration.
    pub fn new() -> DedupConfig {
        DedupConfig::default()
    }

    /// Words per hashed `k`-gram, 1 to 16 (default 5).
    pub fn shingle_size(mut self, words: usize) -> DedupConfig {
        self.shingle = words;
        self
    }

    /// Winnowing window in `k`-grams, 1 to 255 (default 21): a shared run of
    /// `window + shingle_size − 1` words (25) is always found; the index keeps
    /// about `2 / (window + 1)` fingerprints a word.
    pub fn window(mut self, grams: usize) -> DedupConfig {
        self.window = grams;
        self
    }

    /// Share of the smaller text's narrative words in shared runs at or above
    /// which two texts are copies, in `(0, 1]` (default 0.5).
    pub fn containment(mut self, threshold: f64) -> DedupConfig {
        self.containment = threshold;
        self
    }

    /// Lower share, in `(0, 1]`, that makes a copy when it comes in two runs
    /// of [`min_run`](DedupConfig::min_run) words or one run of
    /// [`long_run`](DedupConfig::long_run) words (default 0.25).
    pub fn partial_containment(mut self, threshold: f64) -> DedupConfig {
        self.partial = threshold;
        self
    }

    /// Words a run needs to count towards the two runs of a partial copy (default 15).
    pub fn min_run(mut self, words: u32) -> DedupConfig {
        self.min_run = words;
        self
    }

    /// Words of one run that make a partial copy alone (default 100: longer
    /// than the background paragraph two different stories may share).
    pub fn long_run(mut self, words: u32) -> DedupConfig {
        self.long_run = words;
        self
    }

    /// Shared words two copies need at least (default 25).
    pub fn min_shared_words(mut self, words: u32) -> DedupConfig {
        self.min_shared = words;
        self
    }

    /// A fingerprint found in more texts than this, at least 2, is common
    /// (outlet furniture, a background paragraph) and not evidence (default 64).
    pub fn common_limit(mut self, texts: u32) -> DedupConfig {
        self.common = texts;
        self
    }

    /// Share of the smaller page in shared runs that makes two pages copies
    /// under the relaxed rule (default 0.2; half of it with a run of
    /// [`relaxed_run`](DedupConfig::relaxed_run) words). The relaxed rule is
    /// judged by [`Deduplicator::stories`](super::Deduplicator::stories)
    /// only, without the fingerprints that pages of
    /// [`cross_stories`](DedupConfig::cross_stories) or more stories hold
    /// (a background or press-release paragraph); blurbs never use it.
    pub fn relaxed(mut self, threshold: f64) -> DedupConfig {
        self.relaxed = threshold;
        self
    }

    /// Words of one run that, with half the [`relaxed`](DedupConfig::relaxed)
    /// share, make a copy under the relaxed rule (default 60).
    pub fn relaxed_run(mut self, words: u32) -> DedupConfig {
        self.relaxed_run = words;
        self
    }

    /// A fingerprint held by pages of this many stories (formed by the strict
    /// rule) or more is not evidence for the relaxed rule (default 3, at least 2).
    pub fn cross_stories(mut self, stories: u32) -> DedupConfig {
        self.cross_stories = stories;
        self
    }

    /// Alias of [`containment`](DedupConfig::containment), the main threshold.
    pub fn threshold(self, threshold: f64) -> DedupConfig {
        self.containment(threshold)
    }

    /// The containment threshold.
    pub fn containment_threshold(&self) -> f64 {
        self.containment
    }

    /// The partial containment threshold.
    pub fn partial_containment_threshold(&self) -> f64 {
        self.partial
    }

    /// The length in words of a shared run that is always found: `window + shingle_size − 1`.
    pub fn guaranteed_run(&self) -> usize {
        self.window + self.shingle - 1
    }

    /// The common-fingerprint limit.
    pub fn common_limit_texts(&self) -> u32 {
        self.common
    }

    pub(crate) fn validate(&self) -> Result<()> {
        let fail = |m: String| Err(Error::Config(m));
        if !(1..=shingle::MAX_K).contains(&self.shingle) {
            return fail(format!("shingle size {} must be 1 to {}", self.shingle, shingle::MAX_K));
        }
        if !(1..=255).contains(&self.window) {
            return fail(format!("window {} must be 1 to 255", self.window));
        }
        for (name, t) in [("containment", self.containment), ("partial containment", self.partial)] {
            if !(t > 0.0 && t <= 1.0) {
                return fail(format!("{name} threshold {t} must be in (0, 1]"));
            }
        }
        if !(self.relaxed > 0.0 && self.relaxed <= 1.0) {
            return fail(format!("relaxed threshold {} must be in (0, 1]", self.relaxed));
        }
        if self.cross_stories < 2 {
            return fail(format!("cross-story limit {} must be at least 2", self.cross_stories));
        }
        if self.common < 2 {
            return fail(format!("common limit {} must be at least 2", self.common));
        }
        Ok(())
    }

    /// Whether evidence between texts of `words_a` and `words_b` narrative words makes them copies.
    pub(crate) fn is_copy(&self, ev: &Evidence, words_a: u32, words_b: u32) -> bool {
        let smaller = words_a.min(words_b).max(1);
        let covered = ev.seen;
        if ev.fingerprints == 0 || covered < self.min_shared {
            return false;
        }
        let share = f64::from(covered) / f64::from(smaller);
        share >= self.containment
            || (share >= self.partial && (ev.longest >= self.long_run || ev.runs_of(self.min_run) >= 2))
    }

    /// A bound implied by both rules and monotone (less evidence never
    /// passes it where more failed): a pair that fails it when the later
    /// text arrives fails both rules for good, whatever arrives later.
    pub(crate) fn may_be_copy(&self, ev: &Evidence, words_a: u32, words_b: u32) -> bool {
        let smaller = words_a.min(words_b).max(1);
        let covered = ev.seen;
        let share = f64::from(covered) / f64::from(smaller);
        ev.fingerprints > 0
            && covered >= self.min_shared.min(20)
            && share >= self.containment.min(self.partial).min(self.relaxed / 2.0)
    }

    /// The relaxed rule (judged at `stories()` time on pages).
    pub(crate) fn is_relaxed_copy(&self, ev: &Evidence, words_a: u32, words_b: u32) -> bool {
        let smaller = words_a.min(words_b).max(1);
        let covered = ev.seen;
        if ev.fingerprints == 0 || covered < self.min_shared.min(20) {
            return false;
        }
        let share = f64::from(covered) / f64::from(smaller);
        share >= self.relaxed || (share >= self.relaxed / 2.0 && ev.longest >= self.relaxed_run)
    }

    pub(crate) fn k_w(&self) -> (u32, u32) {
        (self.shingle as u32, self.window as u32)
    }

    /// Sketch the text of `paragraphs` (spans into `body`): what the
    /// deduplicator keeps of a document. Quoted words are left out of the
    /// evidence. Sketching is the expensive part of adding a document and
    /// needs no access to the index, so threads can sketch while one thread
    /// adds ([`Deduplicator::add_sketch`](super::Deduplicator::add_sketch)).
    pub fn sketch(&self, body: &str, paragraphs: impl IntoIterator<Item = Span>) -> Sketch {
        self.sketch_skipping(body, paragraphs, None)
    }

    /// Sketch a section of `body` (its paragraphs, headline included; its
    /// wire dateline left out).
    pub fn sketch_section(&self, body: &str, section: &Section) -> Sketch {
        self.sketch_skipping(body, section.paragraphs.iter().map(|p| p.span), section.dateline(body))
    }

    pub(crate) fn sketch_skipping(
        &self,
        body: &str,
        paragraphs: impl IntoIterator<Item = Span>,
        skip: Option<Span>,
    ) -> Sketch {
        let mut winnower = Winnower::new(self.shingle, self.window);
        let mut fingerprints = Vec::new();
        for_each_narrative_word(body, paragraphs, skip, |event| match event {
            WordEvent::Word { hash, narrative: true, .. } => winnower.push(hash),
            WordEvent::Paragraph(fp) => fingerprints.push(fp),
            WordEvent::Word { .. } => {}
        });
        let words = winnower.tokens();
        let mut fps = winnower.finish();
        fps.sort_unstable();
        let (fps, contexts) = fps.into_iter().unzip();
        Sketch {
            k: self.shingle as u8,
            w: self.window as u8,
            words,
            fingerprints: fps,
            contexts,
            paragraphs: fingerprints,
        }
    }

    /// Analyse a corpus document with [`crate::text::analyze_paragraphs`] and sketch its
    /// main text and each related-story blurb: the work of
    /// [`Deduplicator::add_document`](super::Deduplicator::add_document) that can run on any thread.
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
                id: blurb.id(&doc.name),
                source: blurb.outlet.map(|o| o.slice(body).to_string()),
                date,
                sketch: self.sketch_section(body, &blurb.section),
            });
        }
        out
    }
}

pub(crate) enum WordEvent {
    /// A word token: its hash, byte span in the body, and whether it is narrative
    /// (outside quotes and the dateline).
    Word { hash: u64, span: Span, narrative: bool },
    /// A paragraph ended, with this 16-bit fingerprint of all its words.
    Paragraph(u16),
}

/// Walk the words of `paragraphs`, marking the narrative ones: not inside a
/// quotation (as [`crate::claims::quotes::find`] finds them) nor in `skip`.
pub(crate) fn for_each_narrative_word(
    body: &str,
    paragraphs: impl IntoIterator<Item = Span>,
    skip: Option<Span>,
    mut f: impl FnMut(WordEvent),
) {
    for span in paragraphs {
        let Some(text) = body.get(span.start..span.end) else { continue };
        let caption = ends_with_photo_credit(text);
        let quotes = if caption { Vec::new() } else { crate::claims::quotes::find(text, 0) };
        let mut q = 0;
        let mut para = shingle::Fingerprint::default();
        shingle::for_each_word(text, |hash, s, e| {
            para.push(hash);
            while quotes.get(q).is_some_and(|quote| quote.outer.end <= s) {
                q += 1;
            }
            let quoted = quotes.get(q).is_some_and(|quote| quote.outer.start <= s);
            let at = Span::new(span.start + s, span.start + e);
            let skipped = skip.is_some_and(|d| d.start <= at.start && at.end <= d.end);
            f(WordEvent::Word { hash, span: at, narrative: !quoted && !skipped && !caption });
        });
        if let Some(fp) = para.finish() {
            f(WordEvent::Paragraph(fp));
        }
    }
}

/// Whether a paragraph ends in a photo credit ("Photo: Jane Roe/AP",
/// "(AP Photo/Jane Roe)", "(Jane Roe/AFP)"): a caption the structure stage
/// left in the text. Captions are shared by independent reports of an event.
fn ends_with_photo_credit(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let mut start = t.len().saturating_sub(60);
    while !t.is_char_boundary(start) {
        start += 1;
    }
    let tail = &t[start..];
    let lower = tail.to_ascii_lowercase();
    if let Some(at) = lower.rfind("photo:") {
        return lower[at..].contains('/') || lower[at..].split_whitespace().count() <= 5;
    }
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let credit = &t[open..];
            return credit.contains('/') && credit.split_whitespace().count() <= 6;
        }
    }
    false
}

/// What the deduplicator keeps of one text: its number of narrative words,
/// its winnowed fingerprints (32-bit hash and word position) and a 16-bit
/// fingerprint per paragraph. Made by [`DedupConfig::sketch`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sketch {
    /// The `k` and window it was made with, checked when it is added.
    pub(crate) k: u8,
    pub(crate) w: u8,
    pub(crate) words: u32,
    /// Sorted by hash, then position.
    pub(crate) fingerprints: Vec<Fingerprint>,
    /// The context hashes of each fingerprint (see [`super::winnow`]).
    pub(crate) contexts: Vec<u16>,
    pub(crate) paragraphs: Vec<u16>,
}

impl Sketch {
    /// Number of narrative words (outside quotes and the dateline).
    pub fn words(&self) -> u32 {
        self.words
    }

    /// Number of winnowed fingerprints kept.
    pub fn fingerprints(&self) -> usize {
        self.fingerprints.len()
    }

    /// Number of paragraphs with at least one word.
    pub fn paragraphs(&self) -> usize {
        self.paragraphs.len()
    }

    /// The similarity of two sketches made with `config`, with no fingerprint
    /// counted as common (the index also leaves out fingerprints of more than
    /// [`DedupConfig::common_limit`] texts).
    pub fn similarity(&self, other: &Sketch, config: &DedupConfig) -> Similarity {
        let ev = evidence::between(self.text(), other.text(), config.k_w(), |_| false);
        Similarity::of(&ev, self, other)
    }

    pub(crate) fn text(&self) -> evidence::Text<'_> {
        evidence::Text { fps: &self.fingerprints, ctx: &self.contexts, words: self.words }
    }

    /// Whether the sketches are well formed: fingerprints sorted, positions within the text.
    pub(crate) fn is_valid(&self) -> bool {
        self.contexts.len() == self.fingerprints.len()
            && self.fingerprints.windows(2).all(|p| p[0] < p[1])
            && self.fingerprints.iter().all(|f| f.1 < self.words.max(1))
    }
}

/// How similar two texts are, from the narrative passages they share.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Resemblance of the fingerprint sets, `|A ∩ B| / |A ∪ B|` (an estimate
    /// of the Jaccard resemblance of their `k`-gram sets).
    pub resemblance: f64,
    /// Share of the smaller text's narrative words in runs shared with the
    /// other; 1.0 for an excerpt or the original of an update.
    pub containment: f64,
    /// Words of the smaller text in shared runs.
    #[serde(default)]
    pub shared_words: u32,
    /// The longest shared run, in words.
    #[serde(default)]
    pub longest_run: u32,
}

impl Similarity {
    pub(crate) fn of(ev: &Evidence, a: &Sketch, b: &Sketch) -> Similarity {
        Similarity::from_counts(ev, (a.fingerprints.len(), b.fingerprints.len()), (a.words, b.words))
    }

    pub(crate) fn from_counts(ev: &Evidence, (fa, fb): (usize, usize), (wa, wb): (u32, u32)) -> Similarity {
        let shared = f64::from(ev.fingerprints);
        let union = (fa + fb) as f64 - shared;
        let covered = if wa <= wb { ev.covered_a } else { ev.covered_b };
        // Four decimals: as precise as the estimates are, and exact through JSON.
        let round = |x: f64| (x.min(1.0) * 10_000.0).round() / 10_000.0;
        Similarity {
            resemblance: if union > 0.0 { round(shared / union) } else { 0.0 },
            containment: round(f64::from(covered) / f64::from(wa.min(wb).max(1))),
            shared_words: covered,
            longest_run: ev.longest,
        }
    }
}

/// One sketched text of a corpus document (its main text or a blurb), ready
/// to add with [`Deduplicator::add_sketched`](super::Deduplicator::add_sketched).
/// Made by [`DedupConfig::sketch_document`].
#[derive(Debug, Clone, PartialEq)]
pub struct SketchedText {
    /// The text's id: the document name, or `<name>#<number>` for a blurb.
    pub id: String,
    /// The outlet: the document's `source`, or the blurb's own outlet.
    pub source: Option<String>,
    /// The document's publication date.
    pub date: Option<chrono::NaiveDate>,
    /// The sketch of its article text.
    pub sketch: Sketch,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_and_the_dateline_are_not_narrative() {
        let body = "MOSCOW (Reuters) - The minister said \"we will never agree to this\" on Monday.";
        let skip = Some(Span::new(0, 17));
        let mut narrative = Vec::new();
        for_each_narrative_word(body, [Span::new(0, body.len())], skip, |e| {
            if let WordEvent::Word { span, narrative: true, .. } = e {
                narrative.push(span.slice(body));
            }
        });
        assert_eq!(narrative, ["The", "minister", "said", "on", "Monday"]);
    }

    #[test]
    fn paragraphs_ending_in_a_photo_credit_are_captions() {
        for caption in [
            "Trucks unload rock at the dam. Photo: Luca Bruno/AP",
            "Residents wait at a shelter, Tuesday, Oct. 14, 2025. (AP Photo/Sara Conti)",
            "A flooded field below the dam. (Sara Conti/AFP)",
        ] {
            assert!(ends_with_photo_credit(caption), "{caption}");
        }
        for text in [
            "The agency said the dam (built in 1952) was safe.",
            "Officials met on Monday (local time).",
            "He said the 24/7 service would resume (according to the operator).",
        ] {
            assert!(!ends_with_photo_credit(text), "{text}");
        }
    }

    #[test]
    fn all_quote_text_has_no_fingerprints() {
        let body = "\"Nothing here is narrative, everything is a quote from the minister today and more words.\"";
        let s = DedupConfig::new().sketch(body, [Span::new(0, body.len())]);
        assert_eq!((s.words(), s.fingerprints(), s.paragraphs()), (0, 0, 1));
    }
}
