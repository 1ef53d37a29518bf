//! The crate's JSON interchange format.
//!
//! One object, [`Interchange`] (the pipeline's
//! `pipeline::Report` is this type), with the analysed
//! `documents` (pages and their blurb sub-documents), the syndicated
//! `stories`, the related-story blurbs left `off_focus` and the timeline's
//! `events`:
//!
//! ```json
//! {
//!   "title": "...",
//!   "documents": [{"id": "...", "parent": null, "date": "2025-06-25", "title": "...",
//!      "mentions": [{"entity": "yuri-ushakov", "kind": "person", "text": "Ushakov", "start": 0, "end": 7}],
//!      "times":    [{"text": "on Wednesday", "start": 0, "end": 12, "value": "2025-06-25"}],
//!      "claims":   [{"speaker": "yuri-ushakov", "speaker_text": "Ushakov", "cue": "stated", "kind": "direct",
//!                    "content": "...", "start": 0, "end": 0, "date": "2025-06-25"}]}],
//!   "stories": [{"id": "...", "canonical": "...", "members": [{"id": "...", "source": "Reuters",
//!                "date": "2025-04-10", "similarity": 0.9, "containment": 0.95, "matched": "...",
//!                "shingles": 812, "paragraphs": 9, "lacks": [], "adds": []}]}],
//!   "off_focus": ["page.txt#2"],
//!   "events":  [{"id": "e1", "date": "2025-04-10", "rule": "explicit", "text": "...", "entities": ["..."],
//!                "sources": ["..."], "conflicts": [], "provenance": [...], "evidence": [...], "quote": null}]
//! }
//! ```
//!
//! - `start`/`end` are byte offsets into the body of the corpus document the
//!   record comes from; a blurb's (`parent` set, id `<page>#<n>`) are offsets
//!   into its page's body.
//! - Dates (`date`, `value`) are ISO 8601 at their precision: `2025-04-10`,
//!   `2025-02`, `2025`, or an interval `2016/2018`; `null` when unknown.
//! - `speaker` is `null` when no gazetteer entity matches; `speaker_text` is always set.
//! - `kind` of a mention is `person`, `organization`, `place` or the gazetteer's own word.
//! - `stories` lists stories with at least two members (syndicated copies),
//!   as [`dedup::Story`](crate::dedup::Story); every other document is a
//!   story of its own.
//! - `rule` of an event says how its date was found
//!   ([`Rule`](crate::time::Rule)), e.g. `publication` for a lede dated by its page's date.
//!
//! All types derive serde's `Serialize` and `Deserialize`; the format
//! round-trips. The `extract` example prints one [`DocumentRecord`] per line.

use serde::{Deserialize, Serialize};

use crate::claims::{Claim, ClaimKind};
use crate::dedup::Story;
use crate::time::TimeValue;
use crate::timeline::Timeline;

/// The whole interchange object: what `pipeline::Session::finish`
/// returns and what the [`text`](super::text::render_report) and
/// [`html`](super::html::render) renderings read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Interchange {
    /// Every analysed document, pages and blurbs, in corpus order (empty
    /// when the session did not keep them).
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
    /// Stories of syndicated copies (two or more members).
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Related-story blurbs left out of the timeline by the focus rule
    /// ([`focus`](crate::timeline::focus)): they are about another story.
    #[serde(default)]
    pub off_focus: Vec<String>,
    /// The timeline (serialized as top-level `title` and `events`).
    #[serde(flatten)]
    pub timeline: Timeline,
}

impl Interchange {
    /// The record of document `id`, when the documents were kept.
    pub fn document(&self, id: &str) -> Option<&DocumentRecord> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// One document: a page or a blurb sub-document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// `<page>` or `<page>#<n>`.
    pub id: String,
    /// The page of a blurb; `null` for a page.
    pub parent: Option<String>,
    /// Publication date (a blurb's from its age, relative to its page's date).
    pub date: Option<TimeValue>,
    /// Headline (a page's `title` front matter wins).
    pub title: Option<String>,
    /// Entity mentions in body order.
    pub mentions: Vec<MentionRecord>,
    /// Temporal expressions in body order.
    pub times: Vec<TimeRecord>,
    /// Attributed statements in body order.
    pub claims: Vec<ClaimRecord>,
    /// What the analysis could not do, as sentences (for example a document
    /// longer than the pipeline's size limit, analysed only up to it); absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Gazetteer id.
    pub entity: String,
    /// `person`, `organization`, `place` or a custom kind.
    pub kind: String,
    /// The text as written.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRecord {
    /// The text as written.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Resolved value, `null` when unresolved.
    pub value: Option<TimeValue>,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// Speaker's gazetteer id, `null` when none matches.
    pub speaker: Option<String>,
    /// The speaker as written (a pronoun or role for resolved speakers).
    pub speaker_text: String,
    /// The speaker's resolved name: the antecedent of a pronoun or role
    /// speaker, otherwise [`ClaimRecord::speaker_text`].
    #[serde(default)]
    pub speaker_name: String,
    /// The speaker's title or role, when written ("State Department spokesperson").
    #[serde(default)]
    pub role: Option<String>,
    /// Addressee or medium ("reporters", "TASS"), when stated.
    #[serde(default)]
    pub addressee: Option<String>,
    /// Whether the speaker was a pronoun resolved to an earlier speaker.
    #[serde(default)]
    pub by_pronoun: bool,
    /// Whether the speaker was a role or description resolved to the name
    /// the document introduced with that role.
    #[serde(default)]
    pub by_role: bool,
    /// The cue ("said", "told", "according to").
    pub cue: String,
    /// `direct` or `indirect`.
    pub kind: ClaimKind,
    /// What was said.
    pub content: String,
    /// Start byte offset of the content.
    pub start: usize,
    /// End byte offset of the content (exclusive).
    pub end: usize,
    /// When it was said, when the text says.
    pub date: Option<TimeValue>,
}

impl From<Claim> for ClaimRecord {
    fn from(c: Claim) -> ClaimRecord {
        ClaimRecord {
            speaker_name: c.speaker_name().to_string(),
            speaker: c.speaker,
            speaker_text: c.speaker_text,
            role: c.role,
            addressee: c.addressee,
            by_pronoun: c.by_pronoun,
            by_role: c.by_role,
            cue: c.cue,
            kind: c.kind,
            content: c.content,
            start: c.content_span.start,
            end: c.content_span.end,
            date: c.date,
        }
    }
}
