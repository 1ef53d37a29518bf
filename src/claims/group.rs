//! Cross-document grouping: the same statement carried by several outlets.
//!
//! Two claims are the same statement when their speakers agree (the same
//! gazetteer entity, or the same surname when either is unlinked) and their
//! contents are near-identical: word-set Jaccard similarity of at least the
//! threshold (0.7 by default), or one content contained in the other (at
//! least 90% of the shorter one's words, for a trimmed quote) when the
//! shorter has six words or more. Words are compared after typographic
//! folding ([`crate::text::normalize::fold_char`]) and lower-casing, so
//! curly and straight quotes or dashes do not matter. Claims are blocked by
//! speaker surname, so the cost is quadratic only in the claims of one
//! speaker.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Claim, ClaimKind};
use crate::text::normalize::fold_char;
use crate::union_find::UnionFind;

/// One claim of a group: which document carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    /// The document's id.
    pub doc: String,
    /// The document's outlet, when known.
    pub source: Option<String>,
    /// Index of the claim in that document's claims.
    pub claim: usize,
    /// Similarity of its content to the group's representative (1.0 for the representative).
    pub similarity: f64,
}

/// The same statement as reported by one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimGroup {
    /// The speaker's entity id, when any member has one.
    pub speaker: Option<String>,
    /// The speaker as the representative writes it.
    pub speaker_text: String,
    /// The representative's content (the longest member's).
    pub content: String,
    /// The representative's kind.
    pub kind: ClaimKind,
    /// Every document carrying the statement, representative first.
    pub members: Vec<GroupMember>,
}

/// Group `docs` (`(document id, outlet, claims)`) into statements, with the
/// default similarity threshold 0.7. Every claim is in exactly one group;
/// groups with more members come first.
///
/// ```
/// use dateline::claims::{extract_text, group};
/// let a = extract_text("\u{201c}We will find out,\u{201d} Ushakov said.\n");
/// let b = extract_text("\"We will find out,\" said Yuri Ushakov.\n");
/// let groups = group(&[("a", Some("TASS"), &a[..]), ("b", None, &b[..])]);
/// assert_eq!(groups.len(), 1);
/// assert_eq!(groups[0].members.len(), 2);
/// ```
pub fn group(docs: &[(&str, Option<&str>, &[Claim])]) -> Vec<ClaimGroup> {
    group_with_threshold(docs, 0.7)
}

/// [`group`] with a chosen Jaccard threshold (0–1).
pub fn group_with_threshold(docs: &[(&str, Option<&str>, &[Claim])], threshold: f64) -> Vec<ClaimGroup> {
    let items: Vec<(usize, usize, &Claim)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, (_, _, cs))| cs.iter().enumerate().map(move |(i, c)| (d, i, c)))
        .collect();
    let words: Vec<HashSet<String>> = items.iter().map(|(_, _, c)| word_set(&c.content)).collect();
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, (_, _, c)) in items.iter().enumerate() {
        blocks.entry(surname(c)).or_default().push(k);
    }
    let mut sets = UnionFind::new(items.len());
    for members in blocks.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (ca, cb) = (items[a].2, items[b].2);
                let speakers_agree = match (&ca.speaker, &cb.speaker) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                };
                if speakers_agree && same_content(&words[a], &words[b], threshold) {
                    sets.union(a, b);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for k in 0..items.len() {
        let r = sets.find(k);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(k);
    }
    let mut out: Vec<ClaimGroup> = groups
        .into_iter()
        .map(|mut ms| {
            // The representative: the longest content, first in corpus order on ties.
            ms.sort_by_key(|&k| std::cmp::Reverse(items[k].2.content.len()));
            let rep = ms[0];
            let c = items[rep].2;
            let members = ms
                .iter()
                .map(|&k| {
                    let (d, i, _) = items[k];
                    GroupMember {
                        doc: docs[d].0.to_string(),
                        source: docs[d].1.map(str::to_string),
                        claim: i,
                        similarity: jaccard(&words[rep], &words[k]),
                    }
                })
                .collect();
            ClaimGroup {
                speaker: ms.iter().find_map(|&k| items[k].2.speaker.clone()),
                speaker_text: c.speaker_name().to_string(),
                content: c.content.clone(),
                kind: c.kind,
                members,
            }
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    out
}

/// The blocking key: the speaker's last word, lower case.
fn surname(c: &Claim) -> String {
    c.speaker_name().rsplit(' ').next().unwrap_or("").to_lowercase()
}

fn word_set(text: &str) -> HashSet<String> {
    let folded: String = text.chars().filter_map(fold_char).flat_map(char::to_lowercase).collect();
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

fn same_content(a: &HashSet<String>, b: &HashSet<String>, threshold: f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let inter = a.intersection(b).count();
    let small = a.len().min(b.len());
    jaccard(a, b) >= threshold || (small >= 6 && inter as f64 >= 0.9 * small as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_speakers_do_not_group() {
        let a = super::super::extract_text("\"We will find out soon,\" Ushakov said.\n");
        let b = super::super::extract_text("\"We will find out soon,\" Lavrov said.\n");
        let g = group(&[("a", None, &a[..]), ("b", None, &b[..])]);
        assert_eq!(g.len(), 2);
    }

    #[test]
    fn a_trimmed_quote_joins_the_full_one() {
        let a = super::super::extract_text(
            "\"The recovery of relations is still a long way off, and the deep state is to blame,\" Darchiev said.\n",
        );
        let b = super::super::extract_text("\"The recovery of relations is still a long way off,\" Darchiev said.\n");
        let g = group(&[("a", None, &a[..]), ("b", Some("Reuters"), &b[..])]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].members[0].doc, "a");
        assert_eq!(g[0].members[1].source.as_deref(), Some("Reuters"));
    }
}
