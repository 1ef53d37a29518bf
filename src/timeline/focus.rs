//! Focus: does a related-story blurb belong to the story the corpus's pages tell?
//!
//! A page appended with "Related Articles" or "Read next" blurbs carries
//! other stories; a timeline of the corpus's story keeps only the blurbs
//! about it. The rule:
//!
//! - Every page (a corpus document, not a blurb) adds its *terms* — its
//!   content words (see [`content_words`](super::content_words)) and the ids
//!   of the entities it mentions, each once — to a [`Profile`].
//! - A term's weight is the share of pages that contain it, counted only
//!   when at least two pages share it (with a single page, every term of that
//!   page counts): terms that run through the story weigh most, one page's
//!   asides nothing.
//! - A blurb's score is the mean weight of its terms, entities counting
//!   [`ENTITY_WEIGHT`] times: the share of what it talks about that the
//!   story's pages share. It belongs when the score reaches the threshold
//!   ([`DEFAULT_THRESHOLD`] unless configured).
//!
//! A blurb about another story in the same region (an air strike, a
//! fighter jet, a space deal) shares a country or two with the pages but
//! little else and scores low; a blurb about the same negotiations shares
//! the people, places and vocabulary and scores high. Pages are never
//! filtered: the user chose them. Cost: one hash-map update per page term and
//! one lookup per blurb term.

use serde::{Deserialize, Serialize};

use super::{content_word, FastMap};
use crate::gazetteer::Mention;
use crate::text::Section;
use crate::Span;

/// The score a blurb needs to belong to the story, unless configured otherwise.
pub const DEFAULT_THRESHOLD: f64 = 0.25;
/// How many times an entity counts relative to a content word.
pub const ENTITY_WEIGHT: f64 = 2.0;

/// The terms of a section: its content words outside entity mentions and
/// `@`-prefixed ids of the entities it mentions, sorted and unique.
pub fn terms(body: &str, section: &Section, mentions: &[Mention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut ms = mentions.iter().peekable();
    for sentence in &section.sentences {
        let text = sentence.span.slice(body);
        for (i, w) in super::word_indices(text) {
            let s = Span::new(sentence.span.start + i, sentence.span.start + i + w.len());
            while ms.peek().is_some_and(|m| m.span.end <= s.start) {
                ms.next();
            }
            if ms.peek().is_some_and(|m| m.span.overlaps(s)) {
                continue;
            }
            out.extend(content_word(w));
        }
    }
    out.extend(mentions.iter().map(|m| format!("@{}", m.entity)));
    out.sort_unstable();
    out.dedup();
    out
}

/// What the corpus's pages talk about: how many pages contain each term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pages: u32,
    df: FastMap<String, u32>,
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// Count one page's terms (from [`terms`]; each term once per page).
    pub fn add_page(&mut self, terms: &[String]) {
        self.pages += 1;
        for t in terms {
            match self.df.get_mut(t.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.df.insert(t.clone(), 1);
                }
            }
        }
    }

    /// Number of pages counted.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The weight of one term: the share of pages containing it, when shared.
    pub fn weight(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0);
        let min_df = if self.pages >= 2 { 2 } else { 1 };
        if df < min_df {
            0.0
        } else {
            f64::from(df) / f64::from(self.pages)
        }
    }

    /// A blurb's score in `0.0..=1.0`: the weighted mean weight of its terms (0 for no terms).
    pub fn score(&self, terms: &[String]) -> f64 {
        let (mut sum, mut n) = (0.0, 0.0);
        for t in terms {
            let k = if t.starts_with('@') { ENTITY_WEIGHT } else { 1.0 };
            sum += k * self.weight(t);
            n += k;
        }
        if n == 0.0 {
            0.0
        } else {
            sum / n
        }
    }

    /// Whether a blurb with these terms belongs to the story at `threshold`.
    pub fn belongs(&self, terms: &[String], threshold: f64) -> bool {
        self.pages > 0 && self.score(terms) >= threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(words: &str) -> Vec<String> {
        let mut v: Vec<String> = words.split_whitespace().map(String::from).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn terms_shared_by_pages_weigh_by_their_share_and_asides_weigh_nothing() {
        let mut p = Profile::new();
        p.add_page(&t("@russia @istanbul talk embassy weather"));
        p.add_page(&t("@russia @istanbul talk embassy"));
        p.add_page(&t("@russia talk property"));
        assert_eq!(p.weight("@russia"), 1.0);
        assert!((p.weight("embassy") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(p.weight("weather"), 0.0);
    }

    #[test]
    fn blurb_on_the_same_talks_belongs_and_one_sharing_only_a_country_does_not() {
        let mut p = Profile::new();
        p.add_page(&t("@russia @us @istanbul @darchiev talk embassy diplomatic property"));
        p.add_page(&t("@russia @us @istanbul @darchiev talk embassy diplomatic flight"));
        let related = t("@russia @us @darchiev @moscow talk embassy ambassador");
        let other = t("@russia @kharkiv attack drone missile killed injured overnight");
        assert!(p.belongs(&related, DEFAULT_THRESHOLD));
        assert!(!p.belongs(&other, DEFAULT_THRESHOLD));
    }

    #[test]
    fn nothing_belongs_to_an_empty_profile() {
        assert!(!Profile::new().belongs(&t("@russia"), 0.0));
    }
}
