//! Speakers: the noun phrase that says something, found from the sentence
//! itself (no gazetteer needed), split into role and name, classified as a
//! person or a group for pronoun resolution, and linked to a gazetteer
//! entity when a mention covers its head.
//!
//! A speaker noun phrase is built from capitalised words ("Yuri Ushakov",
//! "Russia's Foreign Ministry"), speaker nouns from the lexicon
//! ("officials", "spokesperson"), determiners that open it ("a", "the") and
//! lower-case modifiers between them ("a senior official", "Kremlin foreign
//! policy advisor"). Walking away from the cue stops at anything else.

use super::lexicon::{NounKind, PronounKind, WordClass};
use super::para::Para;
use crate::gazetteer::{Kind, Mention};
use crate::Span;

/// A noun phrase as a token range `start..end` of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Np {
    pub start: usize,
    pub end: usize,
    /// The head word: the last word, or the noun before a post-modifier
    /// ("ambassador" in "Russia's ambassador to Washington").
    pub head: usize,
}

impl Np {
    /// A phrase `start..end` headed by its last word.
    pub fn new(start: usize, end: usize) -> Np {
        Np { start, end, head: end.saturating_sub(1) }
    }
}

/// What a speaker refers to, for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Person,
    Group,
    /// A single capitalised word: a surname, a capital standing for its government, an outlet.
    Unknown,
    Pronoun(PronounKind),
}

impl Category {
    /// Whether an earlier speaker of this category can be what `pronoun` refers to.
    pub fn fits(self, pronoun: PronounKind) -> bool {
        match (pronoun, self) {
            (_, Category::Pronoun(_)) => false,
            (PronounKind::Person, Category::Person | Category::Unknown) => true,
            (PronounKind::Group, Category::Group | Category::Unknown) => true,
            (PronounKind::Any, _) => true,
            _ => false,
        }
    }

    /// The category of a gazetteer kind.
    pub fn of_kind(kind: &Kind) -> Category {
        match kind {
            Kind::Person => Category::Person,
            Kind::Organization => Category::Group,
            _ => Category::Unknown,
        }
    }
}

impl Para<'_> {
    fn is_det(&self, i: usize) -> bool {
        self.has(i, WordClass::Det)
    }

    /// A capitalised word that can be part of a name.
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        t.word
            && t.cap
            && !self.is_det(i)
            && self.pron(i).is_none()
            && !self.is_time(i)
            && !self.has(i, WordClass::Skip)
            && !self.has(i, WordClass::Bad)
            && !self.has(i, WordClass::Stop)
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let t = self.text(i);
        t.ends_with("'s") || t.ends_with("\u{2019}s")
    }

    fn head_ok(&self, i: usize) -> bool {
        self.is_name_word(i) || matches!(self.noun(i), Some(NounKind::Role | NounKind::Group))
    }

    pub(crate) fn plain_lower(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let lc = self.lower(i);
        t.word
            && !t.cap
            && lc.chars().all(|c| c.is_alphabetic() || c == '-')
            && self.pron(i).is_none()
            && !self.has(i, WordClass::Skip)
            && !self.has(i, WordClass::Bad)
            && !self.has(i, WordClass::Det)
            && !self.has(i, WordClass::Stop)
            && !self.starts_cue(i)
    }

    pub(crate) fn is_prep(&self, i: usize) -> bool {
        self.outside(i) && matches!(self.lower(i), "in" | "from" | "at" | "of" | "to" | "for" | "with")
    }

    fn not_pronoun(&self, np: Np) -> bool {
        np.end > np.start + 1 || self.pron(np.start).is_none()
    }

    /// The speaker noun phrase ending at token `end - 1`, not reaching before
    /// `lo`, with one prepositional post-modifier after a speaker noun
    /// ("diplomats in both Moscow and Washington", "officials from both nations").
    pub(crate) fn np_before(&self, end: usize, lo: usize) -> Option<Np> {
        // `Rep. Gwen Moore (D-Wis.) said`: step over a parenthesis after the name.
        if end > lo + 1 && self.punct(end - 1) == Some(')') {
            let open = (end.saturating_sub(10).max(lo)..end - 1).rev().find(|&m| self.punct(m) == Some('('))?;
            return self.np_before(open, lo);
        }
        let noun_head = |o: &Np| matches!(self.noun(o.head), Some(NounKind::Role | NounKind::Group));
        if let Some(np) = self.np_core(end, lo) {
            // "Many of her Republican supporters", "one of those advisers", "47% of voters".
            if np.start > lo + 1 && self.lower(np.start - 1) == "of" && self.not_pronoun(np) {
                let q = np.start - 2;
                let quantifier = self.has(q, WordClass::Det)
                    || self.lower(q).starts_with(|c: char| c.is_ascii_digit())
                    || matches!(self.lower(q), "one" | "none" | "half" | "majority" | "percent" | "%")
                    || self.lower(q).ends_with("thirds");
                if quantifier && self.toks[q].word {
                    return Some(Np { start: q, end: np.end, head: np.head });
                }
            }
            if np.start > lo && self.is_prep(np.start - 1) && self.not_pronoun(np) {
                // "Mr. Morgan of the Sierra Club": a name takes "of", "from" and "at" phrases too.
                let name_prep = matches!(self.lower(np.start - 1), "of" | "from" | "at");
                let outer = self.np_core(np.start - 1, lo).filter(|o| {
                    noun_head(o) || (name_prep && self.is_name_word(o.head) && self.pron(o.head).is_none())
                });
                if let Some(o) = outer {
                    return Some(Np { start: o.start, end: np.end, head: o.head });
                }
                // `In an interview Trump said`: the phrase was the object of the preposition;
                // the name run that ends it is the speaker.
                if !self.is_name_word(np.head) || np.head + 1 != np.end {
                    return None;
                }
                let mut s = np.head;
                while s > np.start && self.is_name_word(s - 1) {
                    s -= 1;
                }
                return (s > np.start).then_some(Np { start: s, end: np.end, head: np.head });
            }
            return Some(np);
        }
        let h = end.checked_sub(1)?;
        let from = h.saturating_sub(4).max(lo);
        for p in (from..h).rev() {
            if self.is_prep(p) {
                let outer = self.np_core(p, lo).filter(|o| noun_head(o))?;
                return Some(Np { start: outer.start, end, head: outer.head });
            }
            let t = self.toks.get(p)?;
            if !t.word || t.quote.is_some() || self.has(p, WordClass::Stop) || self.cue_at(p).is_some() {
                return None;
            }
        }
        None
    }

    pub(crate) fn np_core(&self, end: usize, lo: usize) -> Option<Np> {
        let h = end.checked_sub(1)?;
        if h < lo || !self.outside(h) || !self.toks.get(h)?.word {
            return None;
        }
        if self.pron(h).is_some() {
            return Some(Np::new(h, end));
        }
        if self.is_possessive(h) {
            return None;
        }
        if !self.head_ok(h) {
            return self.agent_np(h, end, lo);
        }
        let mut start = h;
        // Lower-case modifiers are kept only when something that opens a noun phrase precedes them.
        let mut pending = 0;
        let mut k = h;
        while k > lo {
            k -= 1;
            if !self.outside(k) || !self.toks[k].word {
                // `…, federal officials said`: modifiers that open the clause belong to the phrase.
                if pending > 0 && matches!(self.punct(k), Some(',' | ';' | ':')) {
                    start = k + 1;
                }
                pending = 0;
                break;
            }
            if self.is_det(k) {
                start = k;
                break;
            }
            if self.has(k, WordClass::Join)
                && pending == 0
                && k > lo
                && self.is_name_word(k + 1)
                && (self.is_name_word(k - 1) || self.noun(k - 1).is_some())
            {
                continue;
            }
            if self.is_name_word(k) || self.noun(k).is_some() {
                start = k;
                pending = 0;
                continue;
            }
            // "Obama rebuked critics": an -ed word right after a name is its verb, not a modifier.
            let verb_after_name = self.lower(k).ends_with("ed") && k > lo && self.is_name_word(k - 1);
            if self.plain_lower(k) && pending < 2 && !verb_after_name {
                pending += 1;
                continue;
            }
            pending = 0;
            break;
        }
        if pending > 0 && k == lo && self.plain_lower(lo) {
            start = lo;
        }
        // Joins and modifiers count only when a kept word precedes them: `start` moved past them then.
        Some(Np::new(start, end))
    }

    /// An agent noun ("announcer", "narrator", "questioner", "commissioner",
    /// "defenders") not in the lexicon, heading a phrase that opens with a
    /// determiner or a possessive name: "the announcer", "Connecticut's tax
    /// commissioner", "its defenders".
    fn agent_np(&self, h: usize, end: usize, lo: usize) -> Option<Np> {
        if !self.is_agent(h) {
            return None;
        }
        let mut k = h;
        let mut steps = 0;
        while k > lo && steps < 3 {
            k -= 1;
            steps += 1;
            if self.is_det(k) || (self.is_possessive(k) && self.is_name_word(k)) {
                return Some(Np { start: k, end, head: h });
            }
            // "the GOP front-runner": names may modify the agent noun too.
            if !self.plain_lower(k) && !self.is_name_word(k) {
                return None;
            }
        }
        None
    }

    /// A lower-case agent noun the lexicon does not know: "announcer",
    /// "narrator", "businessman", "congresswoman", "economists".
    pub(crate) fn is_agent(&self, h: usize) -> bool {
        let lc = self.lower(h).trim_end_matches('s');
        self.plain_lower(h)
            && lc.len() > 4
            && ["er", "or", "ist", "ian", "ant", "ent", "man", "men", "person"].iter().any(|suf| lc.ends_with(suf))
    }

    /// The subject of a plural verb ("forecasters say", "Iowa biofuels advocates
    /// say") whose head the lexicon does not know: a lower-case plural at `k`
    /// with up to two modifiers before it.
    pub(crate) fn plural_subject(&self, k: usize, lo: usize) -> Option<Np> {
        let lc = self.lower(k);
        if !self.plain_lower(k) || lc.len() < 4 || !lc.ends_with('s') || lc.ends_with("ss") {
            return None;
        }
        let mut start = k;
        while start > lo && k - start < 3 {
            let m = start - 1;
            if self.is_det(m) {
                start = m;
                break;
            }
            if self.plain_lower(m) || self.is_name_word(m) {
                start = m;
                continue;
            }
            break;
        }
        Some(Np { start, end: k + 1, head: k })
    }

    /// The speaker noun phrase starting at token `start`, not reaching `hi`.
    pub(crate) fn np_after(&self, start: usize, hi: usize) -> Option<Np> {
        if start >= hi || !self.outside(start) || !self.toks.get(start)?.word {
            return None;
        }
        if self.pron(start).is_some() {
            return Some(Np::new(start, start + 1));
        }
        let mut k = start;
        if self.is_det(k) {
            k += 1;
        }
        let mut last_head = None;
        while k < hi && self.outside(k) && self.toks[k].word {
            let lc = self.lower(k);
            // `the New York businessman said`, `the ad's narrator says`: an agent noun right
            // before a cue heads the phrase.
            let heads = |m: usize| self.head_ok(m) || (self.is_agent(m) && self.cue_at(m + 1).is_some());
            if heads(k) || self.noun(k) == Some(NounKind::Title) {
                last_head = Some(k);
            } else {
                let join =
                    self.has(k, WordClass::Join) && last_head == Some(k.wrapping_sub(1)) && self.is_name_word(k + 1);
                // Forward, a lower-case cue word can be a modifier: "the state TASS news agency".
                let lower_word = self.toks[k].word && !self.toks[k].cap && !self.is_det(k);
                let modifier = (self.plain_lower(k)
                    || (lower_word && self.is_possessive(k))
                    || lc.chars().all(|c| c.is_ascii_digit())
                    || (lower_word && last_head.is_none() && self.starts_cue(k)))
                    && (k + 1..(k + 4).min(hi)).any(heads);
                if !join && !modifier {
                    break;
                }
            }
            k += 1;
        }
        let last = last_head?;
        Some(Np::new(start, last + 1))
    }

    /// Split a noun phrase into its role ("State Department spokesperson") and
    /// name ("Tammy Bruce"). The name is the trailing run of capitalised words
    /// that are not speaker nouns; when a role stands before it, the name keeps
    /// its last two words (plus an initial or a title), since "Secretary of
    /// State Sonata Coulter" cannot be split better without a gazetteer.
    pub(crate) fn role_split(&self, np: Np) -> (Option<Np>, Np) {
        if np.head + 1 != np.end {
            return (None, np);
        }
        let name_like = |i: usize| {
            (self.is_name_word(i) && !matches!(self.noun(i), Some(NounKind::Role | NounKind::Group)))
                || self.noun(i) == Some(NounKind::Title)
        };
        let mut s = np.end;
        while s > np.start {
            let join = s - 1 > np.start && s < np.end && self.has(s - 1, WordClass::Join) && name_like(s - 2);
            if !name_like(s - 1) && !join {
                break;
            }
            s -= 1;
        }
        if s == np.end {
            return (None, np);
        }
        // A role has a role noun or a lower-case word ("Kremlin aide", "Fox News host"); capitalised
        // words before the name are the name's own ("The White House", "The New York Times").
        let role_like = (np.start..s).any(|i| {
            matches!(self.noun(i), Some(NounKind::Role | NounKind::Title))
                || (self.toks[i].word && !self.toks[i].cap && !self.is_det(i))
        });
        if !role_like {
            return (None, np);
        }
        // Keep the last two name words, and an initial or title before them.
        let mut n = np.end;
        let mut words = 0;
        while n > s && words < 2 {
            n -= 1;
            if self.is_name_word(n) && self.noun(n).is_none() {
                words += 1;
            }
        }
        while n > s
            && (self.noun(n - 1) == Some(NounKind::Title)
                || self.text(n - 1).len() == 2 && self.text(n - 1).ends_with('.'))
        {
            n -= 1;
        }
        (Some(Np::new(np.start, n)), Np::new(n, np.end))
    }

    /// What the noun phrase refers to.
    pub(crate) fn category(&self, np: Np) -> Category {
        if np.end == np.start + 1 {
            if let Some(p) = self.pron(np.start) {
                return Category::Pronoun(p);
            }
        }
        let (role, name) = self.role_split(np);
        let head = np.head;
        if role.is_none() && !self.is_name_word(head) {
            return match self.noun(head) {
                Some(NounKind::Group) => Category::Group,
                _ if self.lower(head).ends_with('s') => Category::Group,
                _ => Category::Person,
            };
        }
        let names = (name.start..name.end).filter(|&i| self.noun(i).is_none()).count();
        let titled = (name.start..name.end).any(|i| self.noun(i) == Some(NounKind::Title));
        if titled || names >= 2 || role.is_some_and(|r| self.noun(r.end - 1) == Some(NounKind::Role)) {
            Category::Person
        } else {
            Category::Unknown
        }
    }

    /// The span of the phrase's head word, or `None` for a coordination
    /// ("Moscow and Washington"), which names no single entity.
    pub(crate) fn head_span(&self, np: Np) -> Option<Span> {
        if (np.start..np.end).any(|m| self.lower(m) == "and") {
            return None;
        }
        self.toks.get(np.head).map(|t| t.span)
    }

    /// The body span of a token range.
    pub(crate) fn span_of(&self, np: Np) -> Span {
        match (self.toks.get(np.start), self.toks.get(np.end.wrapping_sub(1))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
}

/// The entity a speaker refers to: the mention that covers its head word
/// (`head`, "Ushakov" in "Kremlin aide Yuri Ushakov", "ambassador" in
/// "Russia's ambassador to Washington"), or an earlier person mention whose
/// last word is the head (a surname after a full mention).
pub(crate) fn link(body: &str, head: Span, mentions: &[Mention]) -> Option<(String, Category)> {
    let i = mentions.partition_point(|m| m.span.end <= head.start);
    if let Some(m) = mentions.get(i).filter(|m| m.span.overlaps(head)) {
        return Some((m.entity.clone(), Category::of_kind(&m.kind)));
    }
    let surname = head.slice(body);
    mentions[..i.min(mentions.len())]
        .iter()
        .rev()
        .find(|m| m.kind == Kind::Person && m.text.rsplit(' ').next() == Some(surname))
        .map(|m| (m.entity.clone(), Category::Person))
}
