//! Focus: does a related-story blurb belong to the story the corpus's pages tell?
//!
//! A page appended with "Related Articles" or "Read next" blurbs carries
//! other stories; a timeline of the corpus's story keeps only the blurbs
//! about it. The rule, from the *terms* of each text — its content words
//! (see [`content_words`](super::content_words)) and the ids of the
//! entities it mentions, each once:
//!
//! - **Story weight.** A term's weight is the share of pages (corpus
//!   documents, not blurbs) containing it, counted only when at least two
//!   pages share it (with a single page, all its terms count): what runs
//!   through the story weighs most, one page's asides nothing.
//! - **Specificity.** Each term counts by its inverse document frequency
//!   over all texts, pages and blurbs: `ln(texts / texts containing it)`.
//!   "Russia" in a corpus about Russia is in nearly every page *and* nearly
//!   every unrelated blurb, so it tells little; a negotiator's name, a venue
//!   or "embassy" tells a lot.
//! - **Score.** A text's score is the specificity-weighted mean story weight
//!   of its terms (entities count [`ENTITY_WEIGHT`] times): how much of what
//!   it talks about, weighted by how telling each term is, the story shares.
//! - **Threshold, relative.** A blurb belongs when its score reaches a
//!   fraction ([`DEFAULT_THRESHOLD`] unless configured) of the median score
//!   of the pages themselves (a sample of up to [`SAMPLE_PAGES`] pages), so
//!   the rule adapts to how tight the corpus is instead of hard-coding a score.
//!
//! On the sample corpus the two blurbs about the Moscow talks score about
//! two thirds of the pages' median and every other blurb (an air strike, a
//! fighter jet, a space deal, nuclear fuel, Kashmir) less than two fifths.
//! Pages are never filtered: the user chose them. Cost: one hash-map update
//! per term of each text, one lookup per blurb term and sampled page term.

use serde::{Deserialize, Serialize};

use super::content_word;
use crate::gazetteer::Mention;
use crate::hash::FastMap;
use crate::text::Section;
use crate::Span;

/// The fraction of the pages' median score a blurb needs, unless configured otherwise.
pub const DEFAULT_THRESHOLD: f64 = 0.5;
/// How many times an entity counts relative to a content word.
pub const ENTITY_WEIGHT: f64 = 2.0;
/// How many pages' terms are kept to find the pages' median score.
pub const SAMPLE_PAGES: usize = 1000;

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

/// What the corpus's pages talk about, and how common each term is among
/// all texts (pages and blurbs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pages: u32,
    texts: u32,
    /// Pages containing each term.
    df_pages: FastMap<String, u32>,
    /// Texts (pages and blurbs) containing each term.
    df_texts: FastMap<String, u32>,
    /// Terms of the first [`SAMPLE_PAGES`] pages.
    sample: Vec<Vec<String>>,
}

fn bump(map: &mut FastMap<String, u32>, t: &str) {
    match map.get_mut(t) {
        Some(n) => *n += 1,
        None => {
            map.insert(t.to_string(), 1);
        }
    }
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// Count one page's terms (from [`terms`]; each term once per page).
    pub fn add_page(&mut self, terms: &[String]) {
        self.pages += 1;
        self.texts += 1;
        for t in terms {
            bump(&mut self.df_pages, t);
            bump(&mut self.df_texts, t);
        }
        if self.sample.len() < SAMPLE_PAGES {
            self.sample.push(terms.to_vec());
        }
    }

    /// Count one blurb's terms, for specificity only.
    pub fn add_blurb(&mut self, terms: &[String]) {
        self.texts += 1;
        for t in terms {
            bump(&mut self.df_texts, t);
        }
    }

    /// Number of pages counted.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The story weight of one term: the share of pages containing it, when shared.
    pub fn weight(&self, term: &str) -> f64 {
        let df = self.df_pages.get(term).copied().unwrap_or(0);
        let min_df = if self.pages >= 2 { 2 } else { 1 };
        if df < min_df {
            0.0
        } else {
            f64::from(df) / f64::from(self.pages)
        }
    }

    /// The specificity of one term: `ln(texts / texts containing it)`.
    pub fn specificity(&self, term: &str) -> f64 {
        let df = self.df_texts.get(term).copied().unwrap_or(0).max(1);
        (f64::from(self.texts.max(df)) / f64::from(df)).ln()
    }

    /// A text's score in `0.0..=1.0`: the specificity-weighted mean story
    /// weight of its terms (0 when none of its terms is specific).
    pub fn score(&self, terms: &[String]) -> f64 {
        let (mut sum, mut n) = (0.0, 0.0);
        for t in terms {
            let k = if t.starts_with('@') { ENTITY_WEIGHT } else { 1.0 } * self.specificity(t);
            sum += k * self.weight(t);
            n += k;
        }
        if n > 0.0 {
            sum / n
        } else {
            0.0
        }
    }

    /// The median score of the sampled pages.
    pub fn page_median(&self) -> f64 {
        let mut scores: Vec<f64> = self.sample.iter().map(|t| self.score(t)).collect();
        scores.sort_by(f64::total_cmp);
        scores.get(scores.len() / 2).copied().unwrap_or(0.0)
    }

    /// Whether a blurb with these terms belongs to the story: its score
    /// reaches `threshold` times [`page_median`](Profile::page_median).
    /// Call after every page and blurb has been added.
    pub fn belongs(&self, terms: &[String], threshold: f64) -> bool {
        self.belongs_given_median(terms, threshold, self.page_median())
    }

    /// [`belongs`](Profile::belongs) with the median computed once by the caller.
    pub fn belongs_given_median(&self, terms: &[String], threshold: f64, median: f64) -> bool {
        self.pages > 0 && self.score(terms) >= threshold * median && self.score(terms) > 0.0
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

    fn story() -> Profile {
        let mut p = Profile::new();
        p.add_page(&t("@russia @us @istanbul @darchiev talk embassy diplomatic property"));
        p.add_page(&t("@russia @us @istanbul @darchiev talk embassy diplomatic flight"));
        p.add_page(&t("@russia @us @moscow talk embassy ambassador staff"));
        p
    }

    #[test]
    fn terms_shared_by_pages_weigh_by_their_share_and_asides_weigh_nothing() {
        let p = story();
        assert_eq!(p.weight("@russia"), 1.0);
        assert!((p.weight("@istanbul") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(p.weight("flight"), 0.0);
    }

    #[test]
    fn a_term_in_every_text_is_not_specific() {
        let mut p = story();
        p.add_blurb(&t("@russia @kharkiv attack"));
        assert_eq!(p.specificity("@russia"), 0.0);
        assert!(p.specificity("@darchiev") > p.specificity("@us"));
    }

    #[test]
    fn blurb_on_the_same_talks_belongs_and_one_sharing_only_countries_does_not() {
        let mut p = story();
        let related = t("@russia @us @darchiev @istanbul talk embassy diplomatic ambassador");
        let strike = t("@russia @kharkiv attack drone missile killed injured overnight");
        let fuel = t("@russia @us @iaea nuclear fuel plant return");
        for b in [&related, &strike, &fuel] {
            p.add_blurb(b);
        }
        assert!(p.belongs(&related, DEFAULT_THRESHOLD));
        assert!(!p.belongs(&strike, DEFAULT_THRESHOLD));
        assert!(!p.belongs(&fuel, DEFAULT_THRESHOLD));
    }

    #[test]
    fn nothing_belongs_to_an_empty_profile() {
        assert!(!Profile::new().belongs(&t("@russia"), 0.0));
    }
}
