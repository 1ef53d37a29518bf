//! Clause context: the tense cue that governs an expression and how the
//! expression attaches to its sentence (main clause, modifier, subordinate,
//! bounding phrase).

use super::tokenizer::{Case, Kind, Tok, Toks};
use crate::time::lexicon::{Cue, Keyword, Opener};

/// The tense of the clause around tokens `first..last`: the nearest tense cue in the
/// clause, else in the sentence (see the module docs of `time`).
///
/// The flag says the cue is firm: a verb within two words of the expression.
pub(crate) fn tense(toks: &[Tok], body: &str, first: usize, last: usize) -> Option<(Cue, bool)> {
    let t = Toks::new(toks, body);
    if as_soon_as(&t, first) {
        return Some((Cue::Future, true));
    }
    // "since January": the start of a state that holds now, so it lies in the past.
    if first > 0 && t.is_kw(first - 1, Keyword::Since) {
        return Some((Cue::Past, true));
    }
    let (ss, se) = bounds(&t, first, last, |i| t.ends_sentence(i));
    let (cs, ce) = bounds(&t, first, last, |i| t.ends_sentence(i) || t.ends_clause(i));
    find_cue(&t, body, first, last, cs.max(ss), ce.min(se)).or_else(|| find_cue(&t, body, first, last, ss, se))
}

/// Whether the sentence around tokens `first..last` has any past cue (a
/// lexicon past word or a generic "-ed" form). A weekday in a sentence
/// with none ("Rain Tuesday and Wednesday", "Tuesday: the committee
/// meets", "if talks resume on Monday") is read forward, not by the news
/// convention for past reports.
pub(crate) fn sentence_has_past(toks: &[Tok], body: &str, first: usize, last: usize) -> bool {
    let t = Toks::new(toks, body);
    let (ss, se) = bounds(&t, first, last, |i| t.ends_sentence(i));
    (ss..se).filter(|i| !(first..last).contains(i)).any(|i| matches!(cue_at(&t, body, i), Some((Cue::Past, _))))
}

impl Toks<'_> {
    /// Token `i` ends a sentence: "?", "!", or a full stop before a capitalised word
    /// (sections not yet split into sentences still get sentence-sized tense scopes).
    pub(super) fn ends_sentence(&self, i: usize) -> bool {
        match self.punct(i) {
            Some('?' | '!') => true,
            // Not after an initial or a short title ("Daniel P. Davison", "Mr. Davison").
            Some('.') => {
                self.0.get(i + 1).is_some_and(|n| n.space_before)
                    && matches!(self.case(i + 1), Some(Case::Title | Case::Upper))
                    && !self.entry(i.wrapping_sub(1)).is_some_and(|e| e.abbr)
                    && !(i > 0
                        && self.case(i - 1).is_some_and(|c| c != Case::Lower)
                        && self.0[i - 1].end - self.0[i - 1].start <= 3)
            }
            _ => false,
        }
    }
    /// Token `i` ends a clause: commas, semicolons, colons, brackets and quotes
    /// (including the `` and '' of old newswire).
    pub(super) fn ends_clause(&self, i: usize) -> bool {
        match self.punct(i) {
            Some(',' | ';' | ':' | '"' | '(' | ')') => true,
            Some('\'') => self.is_punct(i + 1, '\'') || i > 0 && self.is_punct(i - 1, '\''),
            _ => false,
        }
    }
}

/// How many tokens on each side of an expression its clause and sentence
/// extend at most. Sentences of news text are far shorter; a page that lost
/// its full stops (one "sentence" of a megabyte) must not make every
/// expression scan all of it, which made recognition quadratic.
const SCOPE: usize = 128;

/// The tokens around `first..last` up to the nearest boundary on each side,
/// at most [`SCOPE`] tokens away.
fn bounds(t: &Toks, first: usize, last: usize, boundary: impl Fn(usize) -> bool) -> (usize, usize) {
    let (lo, hi) = (first.saturating_sub(SCOPE), last.saturating_add(SCOPE).min(t.0.len()));
    let mut s = first;
    while s > lo && !boundary(s - 1) {
        s -= 1;
    }
    let mut e = last;
    while e < hi && !boundary(e) {
        e += 1;
    }
    (s, e)
}

/// The clause around `first..last` (for attachment).
fn clause_bounds(t: &Toks, first: usize, last: usize) -> (usize, usize) {
    bounds(t, first, last, |i| t.ends_sentence(i) || t.ends_clause(i))
}

/// The cue of token `i` and its strength (2; `find_cue` raises it to 3 when firm):
/// a lexicon cue or a generic past "-ed" form.
fn cue_at(t: &Toks, body: &str, i: usize) -> Option<(Cue, u8)> {
    let tok = t.0.get(i)?;
    let Kind::Word { entry, case } = tok.kind else { return None };
    if let Some(e) = entry {
        let to_follows = matches!(t.kw(i + 1), Some(Keyword::To | Keyword::For));
        // "her plan to", "the plans for": a noun after a determiner, not a verb of the clause.
        let noun = i > 0
            && t.0.get(i - 1).and_then(|p| body.get(p.start..p.end)).is_some_and(|p| {
                matches!(
                    p.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "her" | "his" | "its" | "their" | "our" | "my" | "your" | "this" | "that"
                )
            });
        if noun && (e.cue_plan.is_some() || e.cue_to.is_some()) {
            return None;
        }
        let plan = e.cue_plan.or(e.cue_to.filter(|_| to_follows));
        if let Some(c) = plan {
            // "was scheduled to", "had been due to": a plan that lies in the past.
            let past_aux = (i.saturating_sub(2)..i).any(|j| t.entry(j).is_some_and(|p| p.cue == Some(Cue::Past)));
            return Some((if past_aux { Cue::Past } else { c }, 2));
        }
        if e.cue_to.is_some() {
            // "agreed Friday to hold talks": without its "to" the verb is a past form.
            let w = body.get(tok.start..tok.end)?;
            return (case == Case::Lower && w.len() >= 5 && w.ends_with("ed")).then_some((Cue::Past, 2));
        }
        // "is to resume trading", "are to meet": a scheduled future.
        if e.cue == Some(Cue::Present) && t.is_kw(i + 1, Keyword::To) {
            return Some((Cue::Future, 2));
        }
        return e.cue.map(|c| (c, 2));
    }
    let w = body.get(tok.start..tok.end)?;
    (case == Case::Lower && w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")).then_some((Cue::Past, 2))
}

/// "as soon as" / "as early as" right before token `first`: a future bound.
fn as_soon_as(t: &Toks, first: usize) -> bool {
    first >= 3
        && t.entry(first - 2).is_some_and(|e| e.soon)
        && t.is_kw(first - 1, Keyword::As)
        && t.is_kw(first - 3, Keyword::As)
}

fn find_cue(t: &Toks, body: &str, first: usize, last: usize, cs: usize, ce: usize) -> Option<(Cue, bool)> {
    let mut best: Option<(u8, usize, Cue, usize)> = None;
    let mut consider = |i: usize, dist: usize| {
        if let Some((cue, mut strength)) = cue_at(t, body, i) {
            if cue == Cue::Present {
                return;
            }
            // The verb right next to the expression ("predicted Wednesday",
            // "met on Thursday") governs it, whatever its form.
            if dist <= 1
                || dist == 2 && i < first && matches!(t.kw(i + 1), Some(Keyword::On | Keyword::In | Keyword::At))
            {
                strength = 3;
            }
            let better = match best {
                None => true,
                Some((s, d, _, _)) => strength > s || strength == s && dist < d,
            };
            if better {
                best = Some((strength, dist, cue, i));
            }
        }
    };
    for i in (cs..first).rev() {
        consider(i, first - i);
    }
    for i in last..ce {
        consider(i, i + 1 - last);
    }
    // A future auxiliary before a past form in the clause makes it a participle of a
    // future verb group ("will be held on Thursday").
    if let Some((_, _, Cue::Past, at)) = best {
        // A plan word counts only as a verb before "to" ("scheduled to be held"), not as a
        // noun ("the budget plan was approved Tuesday").
        let future_aux = |i: usize| {
            matches!(cue_at(t, body, i), Some((Cue::Future, 2)))
                && (t.entry(i).is_some_and(|e| e.cue == Some(Cue::Future)) || t.is_kw(i + 1, Keyword::To))
        };
        if (cs..at.min(first)).any(future_aux) {
            return Some((Cue::Future, false));
        }
    }
    best.map(|(s, _, c, _)| (c, s == 3))
}

/// How the expression at tokens `first..last` attaches to its sentence.
pub(crate) fn attachment(toks: &[Tok], first: usize, last: usize) -> crate::time::Attachment {
    let t = Toks::new(toks, "");
    if t.is_punct(last, '\'') && t.is_kw(last + 1, Keyword::S) {
        return crate::time::Attachment::Modifier;
    }
    let (cs, _) = clause_bounds(&t, first, last);
    for i in (cs..first + 1).rev() {
        if let Some(o) = t.entry(i).and_then(|e| e.opener) {
            // The expression's own first word ("since" in "since 2022" is not part of it,
            // but "between" is, and "after" opens only a phrase).
            return match o {
                Opener::Bound => crate::time::Attachment::Bound,
                Opener::Sub => crate::time::Attachment::Subordinate,
            };
        }
    }
    crate::time::Attachment::Main
}
