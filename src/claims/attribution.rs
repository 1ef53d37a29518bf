//! Attribution: tie quotes and reported speech to a speaker and a cue.
//!
//! Each paragraph is tokenised once (words with their byte spans, whether
//! they are capitalised, which top-level quote they are in, which sentence).
//! Then two passes run over it:
//!
//! 1. **Direct quotes.** Each top-level quote looks for an attribution frame
//!    right after it (`"…," said X`, `"…," X said`, `"…," he told TASS`) or
//!    right before it (`X said: "…"`, `According to X, "…"`). A quote without
//!    a frame is a claim only when it starts a sentence and continues the
//!    speaker of a quote just before it (`"A," he said. "B."`, or a
//!    paragraph that opens with a quote after a paragraph that ended with
//!    one); otherwise it is a scare quote, a title or a nickname.
//! 2. **Reported speech.** Each cue outside quotes that no frame used looks
//!    for its subject before it (a noun phrase, a pronoun, an appositive
//!    `X, Russia's ambassador, said`, or the earlier speaker for `and said`,
//!    `, adding that`) and takes the rest of the sentence as content, or the
//!    sentence before it for `CONTENT, X said.`; `according to X` takes the
//!    sentence around it.
//!
//! The file holds the run over a section and the direct-quote pass; the
//! frames are in [`super::frame`], reported speech in [`super::reported`],
//! speaker resolution in [`super::resolve`] and the tokenised paragraph in
//! [`super::para`].

use super::frame::{after_frame, Frame, Source};
use super::lexicon::Lexicon;
use super::para::{Para, Scratch};
use super::speaker::Category;
use super::{Claim, ClaimKind};
use crate::gazetteer::Mention;
use crate::text::Section;
use crate::time::TimeExpr;
use crate::Span;

/// The extraction state over one section.
pub(crate) struct Run<'a> {
    pub(super) body: &'a str,
    pub(super) lex: &'a Lexicon,
    pub(super) section: &'a Section,
    pub(super) mentions: &'a [Mention],
    pub(super) times: &'a [TimeExpr],
    pub(super) continuation: bool,
    pub claims: Vec<Claim>,
    pub(super) cats: Vec<Category>,
    /// A claim whose speaker a quote opening the next paragraph continues.
    pub(super) carry: Option<Claim>,
    /// Noun phrases opening a sentence (person or group): antecedents for pronouns
    /// when no gazetteer mention precedes them.
    pub(super) subjects: Vec<(Span, Option<Span>, Category)>,
    /// The wire dateline ("WASHINGTON (AP) —"), never part of a claim's content.
    pub(super) dateline: Option<Span>,
    /// Per quote of the current paragraph, whether a claim holds it.
    pub(super) taken: Vec<bool>,
    /// Roles the document gave a name (lower-case role noun, name, its head
    /// word, category): "ambassador" for "Russia's ambassador, Alexander
    /// Darchiev", "ministry" for "Russia's Foreign Ministry".
    pub(super) roles: Vec<(String, Span, Option<Span>, Category)>,
}

impl<'a> Run<'a> {
    pub fn new(
        body: &'a str,
        lex: &'a Lexicon,
        section: &'a Section,
        mentions: &'a [Mention],
        times: &'a [TimeExpr],
        continuation: bool,
    ) -> Run<'a> {
        Run {
            body,
            lex,
            section,
            mentions,
            times,
            continuation,
            claims: Vec::new(),
            cats: Vec::new(),
            carry: None,
            subjects: Vec::new(),
            dateline: section.dateline(body),
            taken: Vec::new(),
            roles: Vec::new(),
        }
    }

    pub fn run(mut self) -> Vec<Claim> {
        let mut scratch = Scratch::default();
        for par in &self.section.paragraphs {
            if par.span.slice(self.body).is_empty() {
                continue;
            }
            let p = Para::new(self.body, par.span, self.section, self.lex, self.times, &mut scratch);
            if p.toks.is_empty() {
                p.recycle(&mut scratch);
                continue;
            }
            for lo in (0..p.toks.len()).filter(|&i| i == 0 || p.toks[i - 1].clause != p.toks[i].clause) {
                let hi =
                    p.toks[lo..].iter().position(|t| t.clause != p.toks[lo].clause).map_or(p.toks.len(), |k| lo + k);
                if let Some(np) = p.np_after(lo, hi) {
                    let cat = p.category(np);
                    if matches!(cat, Category::Person | Category::Group) {
                        let (_, name) = p.role_split(np);
                        self.subjects.push((p.span_of(name), p.head_span(np), cat));
                    }
                }
            }
            self.note_roles(&p);
            let first = self.claims.len();
            let carry = self.carry.take();
            let mut used = std::mem::take(&mut scratch.used);
            used.clear();
            used.resize(p.toks.len(), false);
            self.taken.clear();
            self.taken.resize(p.quotes.len(), false);
            self.direct(&p, &mut used, carry);
            self.indirect(&p, &mut used);
            scratch.used = used;
            if self.carry.is_none() {
                self.carry = self.claims[first..]
                    .iter()
                    .rev()
                    .find(|c| c.kind == ClaimKind::Direct)
                    .filter(|_| self.claims.last().is_some_and(|c| c.kind == ClaimKind::Direct))
                    .cloned();
            }
            p.recycle(&mut scratch);
        }
        self.claims.sort_by_key(|c| c.content_span.start);
        self.claims
    }

    pub(super) fn direct(&mut self, p: &Para, used: &mut [bool], carry: Option<Claim>) {
        // The claim of the previous attributed quote of this paragraph and the last token its frame used.
        let mut prev: Option<(usize, usize)> = None;
        for qi in 0..p.quotes.len() {
            let q = p.quotes[qi];
            let (Some(a), Some(b)) = (p.first_tok_of(qi), p.last_tok_of(qi)) else { continue };
            let content = trim(self.body, q.inner);
            if content.is_empty() {
                continue;
            }
            let own = after_frame(p, qi, b);
            // `"We will," he said, "find out."`: the second part joins the first.
            if let (None, Some((ci, end))) = (own, prev) {
                let between = (end..a).all(|k| !p.toks[k].word || used[k] || !p.outside(k));
                if between && end <= a {
                    self.extend_claim(ci, content);
                    self.taken[qi] = true;
                    prev = Some((ci, b + 1));
                    continue;
                }
            }
            let frame = own.or_else(|| self.before_frame(p, qi, a));
            if let Some(f) = frame {
                mark(used, f.used);
                // Words of the same sentence before the quote (`The talks were "useful," X said`)
                // are part of what was said.
                let (lo, _) = p.sentence_range(a);
                let lead = (lo..a).rev().take_while(|&k| p.outside(k) && !used[k]).last();
                let mut kind = ClaimKind::Direct;
                let mut span = content;
                if f.used.0 > b {
                    if let Some(l) = lead.filter(|&l| {
                        let from = p.toks[l].span.start;
                        p.words_in(l, a) > 0 && !p.quotes[..qi].last().is_some_and(|x| x.outer.start >= from)
                    }) {
                        span = Span::new(p.toks[l].span.start, content.end);
                        kind = ClaimKind::Indirect;
                    }
                }
                let idx = self.push(p, f, kind, vec![span]);
                self.taken[qi] = true;
                prev = Some((idx, f.used.1));
                continue;
            }
            // Unattributed: a claim only when it continues a speaker: the next part of a quote
            // split by its attribution (`"A," X said, referring to Y, "B."`), a quote opening a
            // sentence after an attributed one in the paragraph, or one opening the paragraph
            // after a paragraph that ended with a quote.
            if !self.continuation {
                continue;
            }
            let (lo, _) = p.sentence_range(a);
            let opens_sentence = (lo..a).all(|k| !p.outside(k) || !p.toks[k].word || used[k]);
            let long = p.words_in(a, b + 1) >= 3 || content.slice(self.body).ends_with(['.', '!', '?']);
            if let Some((ci, end)) = prev {
                let same_clause = end > 0
                    && end <= a
                    && p.toks[end - 1].clause == p.toks[a].clause
                    && (end..a).all(|k| p.cue_at(k).is_none());
                if same_clause || (opens_sentence && long) {
                    self.extend_claim(ci, content);
                    self.taken[qi] = true;
                    prev = Some((ci, b + 1));
                }
                continue;
            }
            let para_initial = a == 0 || (0..a).all(|k| !p.toks[k].word);
            if let (true, true, Some(t)) = (para_initial && opens_sentence, long, carry.as_ref()) {
                let continued = !t.content.is_empty();
                let idx = self.push_copy(t, content, continued);
                self.taken[qi] = true;
                prev = Some((idx, b + 1));
            }
        }
    }

    /// Add `content` as the next part of claim `ci` (a quote split by its attribution).
    pub(super) fn extend_claim(&mut self, ci: usize, content: Span) {
        let c = &mut self.claims[ci];
        c.content_parts.push(content);
        c.content_span = c.content_span.cover(content);
        // Appended, not joined again: a quote may run on for thousands of parts.
        if c.content_parts.len() > 1 {
            c.content.push(' ');
        }
        c.content.push_str(content.slice(self.body));
    }

    pub(super) fn indirect(&mut self, p: &Para, used: &mut [bool]) {
        let mut i = 0;
        while i < p.toks.len() {
            if used[i] || !p.outside(i) {
                i += 1;
                continue;
            }
            let Some(form) = p.cue_at(i) else {
                i += 1;
                continue;
            };
            let n = form.words.len();
            if let Some((f, parts)) = self.reported(p, i, form) {
                mark(used, f.used);
                if parts.is_empty() {
                    // `X said:` closing a paragraph: the next paragraph's quote is X's.
                    let mut t = self.build(p, f, ClaimKind::Direct, Vec::new());
                    t.content.clear();
                    self.carry = Some(t);
                } else {
                    let before = parts.last().is_some_and(|s| s.end <= p.toks[i].span.start);
                    let ci = self.push(p, f, ClaimKind::Indirect, parts);
                    if before {
                        self.continue_after(p, ci, f.used.1);
                    }
                }
            }
            i += n;
        }
    }

    /// `CONTENT, Schiff said. "The other factor …"`: quotes that open the next
    /// sentences with no attribution of their own continue claim `ci`, whose
    /// frame ends at token `k`.
    fn continue_after(&mut self, p: &Para, ci: usize, mut k: usize) {
        if !self.continuation {
            return;
        }
        while matches!(p.punct(k), Some('.' | '!' | '?')) {
            k += 1;
        }
        let Some(mut qi) = p.toks.get(k).and_then(|t| t.quote) else { return };
        while p.first_tok_of(qi) == Some(k) && !self.taken.get(qi).copied().unwrap_or(true) {
            let content = trim(self.body, p.quotes[qi].inner);
            let Some(b) = p.last_tok_of(qi) else { return };
            // A quote with an attribution frame after it is someone's own claim.
            if !content.is_empty() && super::frame::after_frame(p, qi, b).is_none() {
                self.extend_claim(ci, content);
                self.taken[qi] = true;
            } else {
                return;
            }
            k = b + 1;
            while matches!(p.punct(k), Some('.' | '!' | '?' | ',')) {
                k += 1;
            }
            match p.toks.get(k).and_then(|t| t.quote) {
                Some(next) if next != qi => qi = next,
                _ => return,
            }
        }
    }

    /// The latest claim whose cue is in the sentence of token `k` before it.
    pub(super) fn earlier_in_sentence(&self, p: &Para, k: usize) -> Option<usize> {
        let (lo, _) = p.sentence_range(k);
        let from = p.toks[lo].span.start;
        let at = p.toks[k].span.start;
        // The last few claims are enough: a sentence holds a handful of statements.
        self.claims
            .iter()
            .enumerate()
            .rev()
            .take(64)
            .find(|(_, c)| c.cue_span.is_some_and(|s| from <= s.start && s.start < at))
            .map(|(i, _)| i)
    }

    pub(super) fn push(&mut self, p: &Para, f: Frame, kind: ClaimKind, parts: Vec<Span>) -> usize {
        let claim = self.build(p, f, kind, parts);
        self.claims.push(claim);
        self.claims.len() - 1
    }

    /// A claim with the speaker of `t` and new content (a continued quote).
    pub(super) fn push_copy(&mut self, t: &Claim, content: Span, continued: bool) -> usize {
        let mut c = t.clone();
        c.kind = ClaimKind::Direct;
        c.content_parts = vec![content];
        c.content_span = content;
        c.content = join_parts(self.body, &c.content_parts);
        c.continued = continued;
        if continued {
            c.cue_span = None;
        }
        c.sentence = self.section.sentence_at(content.start).unwrap_or(c.sentence);
        let cat = self.category_of(t);
        self.claims.push(c);
        self.cats.push(cat);
        self.claims.len() - 1
    }

    pub(super) fn build(&mut self, p: &Para, f: Frame, kind: ClaimKind, mut parts: Vec<Span>) -> Claim {
        if let Some(d) = self.dateline {
            for part in &mut parts {
                if part.start < d.end && part.end > d.end && part.start >= d.start {
                    *part = trim(self.body, Span::new(d.end, part.end));
                }
            }
            parts.retain(|s| !(s.is_empty() || d.contains(*s)));
        }
        let cue_span = Span::new(p.toks[f.cue.0].span.start, p.toks[f.cue.1 - 1].span.end);
        let mut claim = Claim {
            speaker: None,
            speaker_text: String::new(),
            speaker_span: None,
            role: None,
            by_pronoun: false,
            by_role: false,
            antecedent: None,
            antecedent_span: None,
            cue: cue_span.slice(self.body).to_string(),
            cue_span: Some(cue_span),
            kind,
            content: join_parts(self.body, &parts),
            content_span: parts.iter().fold(parts.first().copied().unwrap_or_default(), |a, b| a.cover(*b)),
            content_parts: parts,
            addressee: f.addressee.map(|s| s.slice(self.body).to_string()),
            date: None,
            sentence: 0,
            continued: false,
        };
        let cat = match f.source {
            Source::Of(ci) => {
                let from = self.claims[ci].clone();
                claim.speaker = from.speaker;
                claim.speaker_text = from.speaker_text;
                claim.speaker_span = from.speaker_span;
                claim.role = from.role;
                claim.by_pronoun = from.by_pronoun;
                claim.by_role = from.by_role;
                claim.antecedent = from.antecedent;
                claim.antecedent_span = from.antecedent_span;
                self.cats.get(ci).copied().unwrap_or(Category::Unknown)
            }
            Source::Np(np, appos) => self.fill_speaker(p, np, appos, &mut claim),
        };
        claim.date = self.date_for(cue_span, &claim.content_parts);
        let start = [Some(claim.content_span.start), Some(cue_span.start), claim.speaker_span.map(|s| s.start)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(cue_span.start);
        claim.sentence = self.section.sentence_at(start).or(self.section.sentence_at(cue_span.start)).unwrap_or(0);
        self.cats.push(cat);
        claim
    }
}

/// Mark tokens `lo..hi` as used by a frame.
pub(super) fn mark(used: &mut [bool], (lo, hi): (usize, usize)) {
    let hi = hi.min(used.len());
    if let Some(us) = used.get_mut(lo.min(hi)..hi) {
        us.iter_mut().for_each(|u| *u = true);
    }
}

pub(super) fn all_quoted(p: &Para, a: usize, b: usize) -> bool {
    (a..b).all(|k| !p.outside(k) || !p.toks[k].word)
}

/// `span` without surrounding white space and trailing commas.
pub(crate) fn trim(body: &str, span: Span) -> Span {
    let s = span.slice(body);
    let t = s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '*')
    });
    let lead = s.len() - t.len();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// The content parts' text joined with a space.
pub(crate) fn join_parts(body: &str, parts: &[Span]) -> String {
    let mut out = String::new();
    for (i, s) in parts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(s.slice(body));
    }
    out
}
