//! Who a speaker is: the name and role written in the frame, a gazetteer
//! entity when a mention covers the head or an earlier linked speaker shares
//! the surname, and for a pronoun ("he said", "who said") the most recent
//! compatible earlier speaker, mention or sentence subject; and when it was
//! said, from the sentence's time expressions.

use super::attribution::{trim, Run};
use super::lexicon::{NounKind, PronounKind};
use super::para::Para;
use super::speaker::{self, Category, Np};
use super::Claim;
use crate::gazetteer::{Kind, Mention};
use crate::Span;

/// How many earlier claims, mentions or sentence subjects a speaker is looked up
/// among: a document's recent discourse, and a bound that keeps a page of
/// thousands of claims linear.
const LOOKBACK: usize = 48;

impl Run<'_> {
    pub(super) fn category_of(&self, t: &Claim) -> Category {
        self.claims
            .iter()
            .position(|c| c.speaker_span == t.speaker_span && c.speaker_text == t.speaker_text)
            .and_then(|i| self.cats.get(i).copied())
            .unwrap_or(Category::Unknown)
    }

    /// Fill the speaker fields from a noun phrase; returns its category.
    pub(super) fn fill_speaker(&self, p: &Para, np: Np, appos: Option<Np>, claim: &mut Claim) -> Category {
        let cat = p.category(np);
        if let Category::Pronoun(kind) = cat {
            let span = p.span_of(np);
            claim.speaker_text = span.slice(self.body).to_string();
            claim.speaker_span = Some(span);
            if kind == PronounKind::Author {
                return cat;
            }
            claim.by_pronoun = true;
            let who = p.lower(np.start) == "who";
            // `Yuri Ushakov, who said`, `critics who say`: the phrase before "who".
            let local = if !who || np.start == 0 {
                None
            } else if p.punct(np.start - 1) == Some(',') {
                p.np_core(np.start - 1, 0)
            } else {
                p.np_core(np.start, 0)
            };
            let local = local.filter(|a| !matches!(p.category(*a), Category::Pronoun(_)));
            if let Some(a) = local {
                let (_, name) = p.role_split(a);
                let s = p.span_of(name);
                claim.antecedent = Some(s.slice(self.body).to_string());
                claim.antecedent_span = Some(s);
                claim.speaker = p.head_span(a).and_then(|h| speaker::link(self.body, h, self.mentions)).map(|(e, _)| e);
                return p.category(a);
            }
            if let Some((text, span, entity, c)) = self.resolve(kind, span.start, &claim.content_parts) {
                claim.antecedent = Some(text);
                claim.antecedent_span = span;
                claim.speaker = entity;
                return c;
            }
            return cat;
        }
        if let Some((text, span, entity, c)) = self.resolve_role(p, np) {
            let s = p.span_of(np);
            claim.speaker_text = s.slice(self.body).to_string();
            claim.speaker_span = Some(s);
            claim.role = appos.map(|r| trim(self.body, p.span_of(r)).slice(self.body).to_string());
            claim.by_role = true;
            claim.antecedent = Some(text);
            claim.antecedent_span = Some(span);
            claim.speaker = entity;
            return c;
        }
        let (role, name) = p.role_split(np);
        let name_span = p.span_of(name);
        claim.speaker_text = name_span.slice(self.body).to_string();
        claim.speaker_span = Some(name_span);
        claim.role = role.or(appos).map(|r| trim(self.body, p.span_of(r)).slice(self.body).to_string());
        let linked = p
            .head_span(np)
            .and_then(|h| speaker::link(self.body, h, self.mentions).or_else(|| self.link_by_earlier_speaker(h)));
        // "the State Department spokesperson" after "State Department Spokesperson Tammy Bruce".
        let linked = linked.or_else(|| {
            let text = claim.speaker_text.to_lowercase();
            let bare = text.strip_prefix("the ")?;
            self.claims.iter().zip(&self.cats).rev().take(LOOKBACK).find_map(|(c, cat)| {
                let e = c.speaker.as_ref()?;
                c.role.as_ref().filter(|r| r.to_lowercase() == bare).map(|_| (e.clone(), *cat))
            })
        });
        match linked {
            Some((e, c)) => {
                claim.speaker = Some(e);
                if c == Category::Unknown {
                    cat
                } else {
                    c
                }
            }
            None => cat,
        }
    }

    /// A surname (the head word) that repeats the last word of an earlier linked speaker.
    pub(super) fn link_by_earlier_speaker(&self, head: Span) -> Option<(String, Category)> {
        let text = head.slice(self.body);
        self.claims.iter().zip(&self.cats).rev().take(LOOKBACK).find_map(|(c, cat)| {
            let e = c.speaker.as_ref()?;
            (!c.by_pronoun && c.speaker_text.rsplit(' ').next() == Some(text)).then(|| (e.clone(), *cat))
        })
    }

    /// The most recent compatible earlier speaker or mention before `at`.
    pub(super) fn resolve(
        &self,
        kind: PronounKind,
        at: usize,
        own: &[Span],
    ) -> Option<(String, Option<Span>, Option<String>, Category)> {
        let from_claims = self.claims.iter().zip(&self.cats).rev().take(LOOKBACK).find_map(|(c, cat)| {
            let s = c.speaker_span?;
            (s.start < at && cat.fits(kind)).then(|| {
                let (text, span) = match (&c.antecedent, c.by_pronoun || c.by_role) {
                    (Some(a), true) => (a.clone(), c.antecedent_span),
                    _ => (c.speaker_text.clone(), Some(s)),
                };
                (text, span, c.speaker.clone(), *cat, span.map_or(s.start, |x| x.start))
            })
        });
        let k = self.mentions.partition_point(|m| m.span.end <= at);
        // A person named inside what someone said ("…President Trump…," she continued) is
        // not who is speaking.
        let quoted = |m: &Mention| {
            own.iter().any(|p| p.contains(m.span))
                || self.claims.iter().rev().take(8).any(|c| c.content_parts.iter().any(|p| p.contains(m.span)))
        };
        let from_mentions = self.mentions[..k].iter().rev().take(LOOKBACK).filter(|m| !quoted(m)).find_map(|m| {
            let ok = match kind {
                PronounKind::Person => m.kind == Kind::Person,
                PronounKind::Group => m.kind == Kind::Organization,
                PronounKind::Any => matches!(m.kind, Kind::Person | Kind::Organization),
                _ => false,
            };
            ok.then(|| (m.text.clone(), Some(m.span), Some(m.entity.clone()), Category::of_kind(&m.kind), m.span.start))
        });
        let k = self.subjects.partition_point(|(s, _, _)| s.end <= at);
        let from_subjects =
            self.subjects[..k].iter().rev().take(LOOKBACK).find(|(_, _, c)| c.fits(kind)).map(|&(s, h, c)| {
                let linked = h.and_then(|h| speaker::link(self.body, h, self.mentions)).map(|(e, _)| e);
                (s.slice(self.body).to_string(), Some(s), linked, c, s.start)
            });
        let best = [from_claims, from_mentions, from_subjects].into_iter().flatten().max_by_key(|c| c.4)?;
        Some((best.0, best.1, best.2, best.3))
    }

    /// The sentence's time expression nearest the cue, outside the content.
    pub(super) fn date_for(&self, cue: Span, parts: &[Span]) -> Option<crate::time::TimeValue> {
        let sent = self.section.sentence_at(cue.start)?;
        let span = self.section.sentences[sent].span;
        let k = self.times.partition_point(|t| t.span.end <= span.start);
        self.times[k..]
            .iter()
            .take_while(|t| t.span.start < span.end)
            .filter(|t| t.sentence == sent && t.value.is_some() && !parts.iter().any(|p| p.overlaps(t.span)))
            .min_by_key(|t| {
                if t.span.start >= cue.end {
                    t.span.start - cue.end
                } else {
                    cue.start.saturating_sub(t.span.end)
                }
            })
            .and_then(|t| t.value)
    }

    /// Record the roles paragraph `p` gives a name: `Ambassador Alexander
    /// Darchiev`, `spokeswoman Maria Lopez`, `Alexander Darchiev, Russia's
    /// ambassador, …`, `Russia's ambassador, Alexander Darchiev, …`, and
    /// organisation names ending in a group noun ("Russia's Foreign Ministry").
    pub(super) fn note_roles(&mut self, p: &Para) {
        let n = p.toks.len();
        let name_run = |from: usize| {
            let mut e = from;
            while e < n && p.is_name_word(e) && p.noun(e).is_none() {
                e += 1;
            }
            e
        };
        let role_at = |i: usize| p.outside(i) && p.noun(i) == Some(NounKind::Role);
        let mut i = 0;
        while i < n {
            if !p.outside(i) || !p.toks[i].word {
                i += 1;
                continue;
            }
            // Role noun then name: "Ambassador Alexander Darchiev", "spokeswoman Maria Lopez".
            if role_at(i) {
                let e = name_run(i + 1);
                if e >= i + 3 {
                    self.add_role(p, i, Np::new(i + 1, e), Category::Person);
                    i = e;
                    continue;
                }
                // Role phrase, comma, name, comma: "Russia's ambassador to the U.S., Alexander Darchiev,".
                if let Some(c) = (i + 1..(i + 6).min(n)).find(|&m| p.punct(m) == Some(',')) {
                    let e = name_run(c + 1);
                    if e >= c + 3 && matches!(p.punct(e), Some(',' | '.')) {
                        self.add_role(p, i, Np::new(c + 1, e), Category::Person);
                        i = e;
                        continue;
                    }
                }
            }
            // Name, comma, role phrase: "Alexander Darchiev, Russia's ambassador".
            let e = name_run(i);
            if e >= i + 2 && p.punct(e) == Some(',') {
                if let Some(r) =
                    (e + 1..(e + 6).min(n)).take_while(|&m| p.outside(m) && p.toks[m].word).find(|&m| role_at(m))
                {
                    self.add_role(p, r, Np::new(i, e), Category::Person);
                }
                i = e;
                continue;
            }
            // An organisation name ending in a group noun: "Foreign Ministry", "Tax Policy Center".
            if e > i && p.toks.get(e).is_some_and(|t| t.word && t.cap) && p.noun(e) == Some(NounKind::Group) {
                self.add_role(p, e, Np::new(i, e + 1), Category::Group);
                i = e + 1;
                continue;
            }
            i = e.max(i + 1);
        }
    }

    fn add_role(&mut self, p: &Para, role: usize, name: Np, cat: Category) {
        let word = p.lower(role).trim_end_matches("'s").to_string();
        self.roles.push((word, p.span_of(name), p.toks.get(name.end - 1).map(|t| t.span), cat));
    }

    /// A description speaker ("the ambassador", "the ministry", "the Russian
    /// spokeswoman": a determiner, lower-case modifiers and a role or group noun,
    /// no name) resolved to the latest name introduced with that noun.
    fn resolve_role(&self, p: &Para, np: Np) -> Option<(String, Span, Option<String>, Category)> {
        if p.lower(np.start) != "the" || np.head + 1 != np.end || np.end - np.start > 4 {
            return None;
        }
        if !matches!(p.noun(np.head), Some(NounKind::Role | NounKind::Group)) {
            return None;
        }
        if (np.start + 1..np.end).any(|m| p.is_name_word(m) && p.noun(m).is_none()) {
            return None;
        }
        let word = p.lower(np.head);
        let at = p.toks[np.start].span.start;
        let k = self.roles.partition_point(|r| r.1.start < at);
        let (_, span, head, cat) = self.roles[..k].iter().rev().take(LOOKBACK).find(|r| r.0 == word)?;
        let entity = head.and_then(|h| speaker::link(self.body, h, self.mentions)).map(|(e, _)| e);
        Some((span.slice(self.body).to_string(), *span, entity, *cat))
    }
}
