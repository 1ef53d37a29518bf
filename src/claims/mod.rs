//! Claims: attributed statements — who said what, when, and to whom.
//!
//! [`extract`] (or a configured [`Extractor`]) finds every attributed
//! statement of a [`Section`]: direct quotes in every style news uses
//! (“…”, "…", ‘…’, '…', «…», „…“), with nesting, several sentences, and
//! continuation paragraphs that keep the previous speaker; and reported
//! speech (`X said that …`, `X told TASS …`, `CONTENT, X said.`,
//! `according to X, …`, `…, adding that …`), including partial quotes inside
//! it. Each [`Claim`] carries the speaker (a gazetteer entity when a
//! [`Mention`] covers it, or when its surname repeats an earlier person
//! mention), the speaker as written and its role ("State Department
//! spokesperson"), the cue, the content with byte spans into the body, the
//! addressee or medium ("TASS", "Telegram", "reporters") and the statement
//! date from the sentence's time expressions ("said on Tuesday").
//! [`group`] merges the same statement reported by several documents.
//!
//! # Design
//!
//! Rules over a token stream, not a parser: each paragraph is tokenised
//! once, quotes are paired with a stack ([`quotes`]), and attribution frames
//! are matched around them and around cue words from a data-driven
//! [`Lexicon`] (`data/claims/`: cue verbs with all their forms, speaker
//! nouns, pronouns, closed-class words). The speaker is read from the
//! sentence itself (capitalised name runs, "Russian officials", "a senior
//! official", "the ministry"), so the extractor works without a gazetteer;
//! mentions only add entity ids. The trade-off is the usual one of rules:
//! fast, explainable and predictable, but blind to attributions whose
//! syntax the patterns do not cover (long subjects with relative clauses,
//! cues far from their speaker) and to beliefs stated without "that".
//! Pronoun speakers ("he said") are resolved to the most recent compatible
//! speaker or mention and marked [`Claim::by_pronoun`]; a quote is a claim
//! only when it is attributed or continues an attributed quote, so scare
//! quotes ('dacha'), titles and nicknames are not claims.
//!
//! # Quality
//!
//! On PolNeAR's human attributions of real political news
//! (`python3 ../shared/eval/polnear_claims.py dev`), precision is 0.92 and
//! recall of statements with common speech cues 0.89 (0.90 and 0.84 on the
//! 840-article train split). What is missed: reported content running over
//! several sentences before its attribution, subjects the noun-phrase rules
//! do not reach (long relative clauses, "people briefed on the situation"),
//! cues outside the lexicon or used without a clause ("went on to discuss"),
//! and beliefs without "that".
//!
//! # Cost
//!
//! One tokenising pass over each paragraph with one lexicon look-up per word
//! (short words by a packed `u64` key), then work proportional to the cues and
//! quotes found; buffers are reused across paragraphs. Every rule looks at
//! most a bounded window around its cue or quote, so the cost is linear on
//! any input (a paragraph of 200,000 quotes: 0.3 s). 60 MB/s per CPU-second
//! on one core (79 MB/s on an idle machine before the rules of this release),
//! measured by `cargo bench --bench claims` on a 20 MB generated news corpus.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::gazetteer::Mention;
use crate::text::Section;
use crate::time::{TimeExpr, TimeValue};
use crate::Span;

mod attribution;
mod frame;
mod group;
pub mod lexicon;
mod para;
pub mod quotes;
mod reported;
mod resolve;
mod speaker;

pub use group::{group, group_with_threshold, ClaimGroup, GroupMember};
pub use lexicon::{CueClass, CueForm, Lexicon, NounKind, PronounKind};

/// Whether a claim is a direct quote or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Quoted words.
    Direct,
    /// Reported speech ("X said that ...", "according to X"), possibly with partial quotes.
    Indirect,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The speaker's gazetteer entity id, when there is one (for a pronoun
    /// speaker, the antecedent's).
    pub speaker: Option<String>,
    /// The speaker as written at [`Claim::speaker_span`]: a name without its
    /// role ("Tammy Bruce", "Russian officials"), or the pronoun ("he") when
    /// [`Claim::by_pronoun`]; [`Claim::speaker_name`] gives the resolved name.
    pub speaker_text: String,
    /// Where the speaker is written, when in this document.
    pub speaker_span: Option<Span>,
    /// Title or role written before the name ("State Department spokesperson"),
    /// or an appositive after it ("Russia's newly appointed ambassador").
    pub role: Option<String>,
    /// Whether the speaker was a pronoun resolved to an earlier speaker or mention.
    pub by_pronoun: bool,
    /// Whether the speaker was a role or description ("the ambassador", "the
    /// ministry", "the spokeswoman") resolved to the person or organisation the
    /// document introduced with that role ("Russia's ambassador, Alexander
    /// Darchiev", "Russia's Foreign Ministry"); [`Claim::antecedent`] names it.
    #[serde(default)]
    pub by_role: bool,
    /// For a pronoun speaker (or a role, see [`Claim::by_role`]), the earlier
    /// speaker, mention or named holder of the role it was resolved to.
    pub antecedent: Option<String>,
    /// Where [`Claim::antecedent`] is written.
    pub antecedent_span: Option<Span>,
    /// The cue ("said", "told", "according to").
    pub cue: String,
    /// Where the cue is written (`None` for a quote continued without a new cue).
    pub cue_span: Option<Span>,
    /// Direct or indirect.
    pub kind: ClaimKind,
    /// The statement's content as written (parts joined by a space).
    pub content: String,
    /// Where the content is written: the span covering all its parts.
    pub content_span: Span,
    /// The content's parts when it is split by the attribution (`"We will," he
    /// said, "find out."`) or by an `according to` phrase; one part otherwise.
    pub content_parts: Vec<Span>,
    /// Addressee or medium ("TASS", "reporters", "Telegram"), when stated.
    pub addressee: Option<String>,
    /// When it was said, if the sentence says.
    pub date: Option<TimeValue>,
    /// Index of the sentence the claim starts in.
    pub sentence: usize,
    /// Whether this quote continues an earlier claim's speaker without an attribution of its own.
    pub continued: bool,
}

impl Claim {
    /// The speaker's name: the antecedent for a resolved pronoun or role,
    /// otherwise [`Claim::speaker_text`].
    pub fn speaker_name(&self) -> &str {
        match (&self.antecedent, self.by_pronoun || self.by_role) {
            (Some(a), true) => a,
            _ => &self.speaker_text,
        }
    }
}

/// A configured claims extractor: build once, use for many documents.
///
/// ```
/// use dateline::claims::{ClaimKind, CueClass, Extractor, Lexicon};
/// let mut lexicon = Lexicon::default();
/// lexicon.add_cue("opine", "opined", CueClass::Speech);
/// let extractor = Extractor::new().with_lexicon(lexicon);
/// assert!(extractor.lexicon().cue("opined").is_some());
/// let body = "The senator opined that the talks had failed.\n";
/// let section = dateline::text::analyze(body, None).main;
/// let claims = extractor.extract(body, &section, &[], &[]);
/// assert_eq!(claims[0].speaker_text, "The senator");
/// assert_eq!(claims[0].content, "the talks had failed");
/// assert_eq!(claims[0].kind, ClaimKind::Indirect);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    continuation: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor { lexicon: Lexicon::default(), continuation: true }
    }
}

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Use `lexicon` instead of the built-in one (moves it in, so the
    /// extractor is consumed and returned).
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Extractor {
        self.lexicon = lexicon;
        self
    }

    /// Whether an unattributed quote that opens a sentence continues the
    /// previous quote's speaker (default `true`).
    pub fn continuation(mut self, yes: bool) -> Extractor {
        self.continuation = yes;
        self
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every claim in `section` of `body`, in body order, given the
    /// section's mentions and times (both may be empty). Never fails or panics.
    pub fn extract(&self, body: &str, section: &Section, mentions: &[Mention], times: &[TimeExpr]) -> Vec<Claim> {
        attribution::Run::new(body, &self.lexicon, section, mentions, times, self.continuation).run()
    }
}

/// Every claim in `section` of `body`, given the section's mentions and
/// times, with the default [`Extractor`].
///
/// ```
/// let body = "«I hope the talks will proceed,» Ushakov said. «We will find out.»\n";
/// let section = dateline::text::analyze(body, None).main;
/// let claims = dateline::claims::extract(body, &section, &[], &[]);
/// assert_eq!(claims.len(), 1);
/// assert_eq!(claims[0].speaker_text, "Ushakov");
/// assert_eq!(claims[0].content, "I hope the talks will proceed We will find out.");
/// assert_eq!(claims[0].content_parts.len(), 2);
/// ```
pub fn extract(body: &str, section: &Section, mentions: &[Mention], times: &[TimeExpr]) -> Vec<Claim> {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(Extractor::default).extract(body, section, mentions, times)
}

/// Claims of a whole text with no gazetteer and no dates: analyse its
/// structure and extract from the main article. Handy for quick looks and tests.
///
/// ```
/// let claims = dateline::claims::extract_text("Russian officials said the talks were cancelled.\n");
/// assert_eq!(claims[0].speaker_text, "Russian officials");
/// ```
pub fn extract_text(body: &str) -> Vec<Claim> {
    let s = crate::text::analyze(body, None);
    extract(body, &s.main, &[], &[])
}
