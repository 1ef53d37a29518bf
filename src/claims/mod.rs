//! Claims: attributed statements — who said what, when, and to whom.
//!
//! (Contract placeholder: the extractor lands with the claims issue.)

use serde::{Deserialize, Serialize};

use crate::gazetteer::Mention;
use crate::text::Section;
use crate::time::{TimeExpr, TimeValue};
use crate::Span;

/// Whether a claim is a direct quote or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Quoted words.
    Direct,
    /// Reported speech ("X said that ...", "according to X").
    Indirect,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The speaker's gazetteer entity id, when there is one.
    pub speaker: Option<String>,
    /// The speaker as written ("Ushakov", "Russian officials"), or the
    /// resolved antecedent's text for pronoun speakers.
    pub speaker_text: String,
    /// Where the speaker is written, when in this document.
    pub speaker_span: Option<Span>,
    /// Title or role written before the name ("State Department spokesperson").
    pub role: Option<String>,
    /// Whether the speaker was a pronoun resolved to an earlier speaker or mention.
    pub by_pronoun: bool,
    /// The cue ("said", "told", "according to").
    pub cue: String,
    /// Where the cue is written.
    pub cue_span: Option<Span>,
    /// Direct or indirect.
    pub kind: ClaimKind,
    /// The statement's content as written.
    pub content: String,
    /// Where the content is written.
    pub content_span: Span,
    /// Addressee or medium ("TASS", "reporters", "Telegram"), when stated.
    pub addressee: Option<String>,
    /// When it was said, if the sentence says.
    pub date: Option<TimeValue>,
    /// Index of the sentence the claim starts in.
    pub sentence: usize,
}

/// Every claim in `section` of `body`, given the section's mentions and times.
pub fn extract(body: &str, section: &Section, mentions: &[Mention], times: &[TimeExpr]) -> Vec<Claim> {
    let _ = (body, section, mentions, times);
    Vec::new()
}
