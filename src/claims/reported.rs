//! Reported speech: a cue outside quotes with its subject before it
//! (`X said that …`, `X, Russia's ambassador, said …`, `…, adding that …`) or
//! after it (`CONTENT, said X.`), and the content to the end of the reported
//! clause: the rest of the sentence up to a second attribution, or the
//! sentence before the speaker for `CONTENT, X said.`; `according to X` takes
//! the sentence around it.

use super::attribution::{all_quoted, trim, Run};
use super::frame::{appositive, medium, Frame, Source};
use super::lexicon::{CueClass, CueForm, NounKind, WordClass};
use super::para::Para;
use super::speaker::Np;
use crate::Span;

impl Run<'_> {
    /// Reported speech with the cue at token `i`: the frame and the content parts.
    pub(super) fn reported(&self, p: &Para, i: usize, form: &CueForm) -> Option<(Frame, Vec<Span>)> {
        let ce = i + form.words.len();
        let (lo, hi) = p.sentence_range(i);
        if form.class == CueClass::According {
            // `according to an analysis by X`, `according to data from X`: the source is X.
            let d = if p.has(ce, WordClass::Det) { ce + 1 } else { ce };
            let mut k = d;
            while k < hi && k < d + 3 && p.plain_lower(k) {
                k += 1;
            }
            let by = (k > d && matches!(p.lower(k), "by" | "from" | "of")).then(|| p.np_after(k + 1, hi)).flatten();
            let (np, mut end) = match by {
                Some(np) => (np, np.end),
                None => {
                    let np = p.np_after(ce, hi)?;
                    // `according to an AFP tally`: the owner of the tally speaks.
                    let mut e = np.end;
                    while e < hi && e < np.end + 2 && p.plain_lower(e) {
                        e += 1;
                    }
                    if e > np.end && (e >= hi || matches!(p.punct(e), Some(',' | '.' | ';'))) {
                        let start = if p.has(np.start, WordClass::Det) && np.end > np.start + 1 {
                            np.start + 1
                        } else {
                            np.start
                        };
                        (Np { start, end: np.end, head: np.head }, e)
                    } else {
                        (np, np.end)
                    }
                }
            };
            end = p.skip_paren(end);
            let from = if i > lo && p.punct(i - 1) == Some(',') { i - 1 } else { i };
            let mut to = if p.punct(end) == Some(',') { end + 1 } else { end };
            let mut role = None;
            // `according to X, a former tax aide.`: an appositive to the end of the sentence.
            if to > end {
                if let Some(r) =
                    p.np_after(to, hi).filter(|r| r.end >= hi || (r.end + 1 == hi && p.punct(r.end).is_some()))
                {
                    role = Some(r);
                    to = hi;
                }
            }
            if p.word_at(to, "who") || p.word_at(to, "which") {
                // `according to X, who spoke on Wednesday, …`: the relative clause is about X.
                to = (to..hi).find(|&m| p.punct(m) == Some(',')).map_or(hi, |m| m + 1);
            }
            let mut parts = Vec::new();
            for (a, b) in [(lo, from), (to, hi)] {
                let b = trim_punct(p, a, b);
                if p.words_in(a, b) > 0 {
                    parts.extend(p.content_span(a, b).map(|s| trim(self.body, s)));
                }
            }
            let words = p.words_in(lo, from) + p.words_in(to, hi);
            if words < 3 {
                return None;
            }
            let frame = Frame { source: Source::Np(np, role), cue: (i, ce), addressee: None, used: (from, to) };
            return Some((frame, parts));
        }
        if form.class == CueClass::Quote && !(ce + 1 == p.toks.len() && p.punct(ce) == Some(':')) {
            // Quote-only cues attribute here only as `X continued:` introducing the next paragraph.
            return None;
        }
        // The subject, walking back over auxiliaries, adverbs and times.
        let mut j = i;
        let mut passive = false;
        while j > lo && p.skippable(j - 1) {
            passive |= matches!(p.lower(j - 1), "was" | "were" | "is" | "are" | "been" | "be");
            j -= 1;
        }
        if passive && !form.words.last().is_some_and(|w| w == "saying") {
            return None;
        }
        let before = j.checked_sub(1).filter(|&k| k >= lo);
        let mut inverted = false;
        let mut inverted_role = false;
        // `…, said one GOP source in the room.`: a short prepositional phrase ends the sentence.
        let pp_to_end = |e: usize| {
            p.is_prep(e)
                && hi - e <= 8
                && (e + 1..hi).all(|m| p.outside(m) && p.cue_at(m).is_none() && (p.toks[m].word || m + 1 == hi))
        };
        let coordinated = |k: usize| p.word_at(k, "and") || p.word_at(k, "but");
        let source = match before {
            // `X placed the blame on Washington, suggesting that …`, `X … and said …`: the
            // earlier claim's speaker, or else the sentence's subject.
            Some(k) if coordinated(k) || (p.punct(k) == Some(',') && form.is_participle()) => {
                match self.earlier_in_sentence(p, k) {
                    Some(c) => Source::Of(c),
                    // "pursuing peace and maintaining support" coordinates gerunds, not statements.
                    None if coordinated(k) && form.is_participle() => return None,
                    None => Source::Np(p.sentence_subject(lo, k)?, None),
                }
            }
            Some(k) if p.punct(k) == Some('-') || p.punct(k) == Some('\u{2014}') => appositive(p, k, lo)?,
            Some(k) if p.punct(k) == Some(',') => {
                let tail_ok = |np: Np| {
                    let e = p.skip_paren(np.end);
                    e >= hi || matches!(p.punct(e), Some(',' | '.' | ';')) || p.is_time(e) || pp_to_end(np.end)
                };
                match p.np_after(ce, hi).filter(|&np| j == i && tail_ok(np)) {
                    Some(np) => {
                        inverted = true;
                        // `…, said Anna Berg, the ministry's spokeswoman.`: an appositive role to the end.
                        let role = (p.punct(np.end) == Some(','))
                            .then(|| p.np_after(np.end + 1, hi))
                            .flatten()
                            .filter(|r| r.end >= hi || (r.end + 1 == hi && p.punct(r.end).is_some()));
                        if role.is_some() {
                            inverted_role = true;
                        }
                        Source::Np(np, role)
                    }
                    None => appositive(p, k, lo)?,
                }
            }
            Some(k) => {
                let plural_verb = form.is_base() && j == i;
                Source::Np(
                    p.np_before(k + 1, lo).or_else(|| plural_verb.then(|| p.plural_subject(k, lo)).flatten())?,
                    None,
                )
            }
            None => return None,
        };
        // A bare lemma ("say", "claim", "state") is a verb only after a plural subject or a
        // modal ("officials say", "they claim", "will say"); otherwise it is mostly a noun.
        if form.is_base() && j == i {
            let plural = match source {
                Source::Np(np, _) => {
                    let lc = p.lower(np.head);
                    matches!(lc, "they" | "we" | "i" | "you" | "who")
                        || (np.start..np.end).any(|m| p.word_at(m, "and"))
                        || (lc.ends_with('s') && !lc.ends_with("ss") && !lc.ends_with("'s"))
                        || p.toks[np.head].cap && lc.ends_with('s') && p.noun(np.head).is_some()
                        || (p.noun(np.head) == Some(NounKind::Group) && !p.has(np.start, WordClass::Det))
                }
                Source::Of(_) => true,
            };
            if !plural {
                return None;
            }
        }
        let subject_end = match source {
            Source::Np(np, _) if inverted && (pp_to_end(np.end) || inverted_role) => hi,
            Source::Np(np, _) if inverted => np.end,
            _ => ce,
        };
        // What follows the cue: addressee, medium, time, "that".
        let mut c = subject_end;
        let mut addressee = None;
        let mut that = false;
        let mut comma_after = false;
        if form.takes_addressee() && !inverted {
            // "told" needs its addressee: "it would tell an American story" is not a statement.
            match p.np_after(c, hi) {
                Some(np) => {
                    addressee = Some(p.span_of(np));
                    c = np.end;
                }
                // `told the forum he was …`: a determiner and a common noun before the clause.
                None if p.has(c, WordClass::Det)
                    && p.plain_lower(c + 1)
                    && (p.pron(c + 2).is_some() || p.has(c + 2, WordClass::Det) || p.word_at(c + 2, "that")) =>
                {
                    addressee = Some(p.span_of(Np::new(c, c + 2)));
                    c += 2;
                }
                // `told an invited crowd at the club that …`
                None => {
                    let t = phrase_before_that(p, c, hi, true)?;
                    addressee = Some(trim(self.body, Span::new(p.toks[c].span.start, p.toks[t - 1].span.end)));
                    c = t;
                }
            }
            let next_ok = c >= hi
                || p.punct(c).is_some()
                || !p.outside(c)
                || p.is_time(c)
                || matches!(
                    p.lower(c),
                    "that"
                        | "to"
                        | "how"
                        | "what"
                        | "why"
                        | "when"
                        | "where"
                        | "whether"
                        | "if"
                        | "about"
                        | "in"
                        | "on"
                )
                || p.has(c, WordClass::Det)
                || p.pron(c).is_some()
                || p.toks[c].cap
                || p.lower(c).starts_with(|ch: char| ch.is_ascii_digit());
            if !next_ok {
                // `told an invited crowd at the club that …`: the addressee runs to "that".
                let t = phrase_before_that(p, subject_end, hi, true)?;
                addressee = Some(trim(self.body, Span::new(p.toks[subject_end].span.start, p.toks[t - 1].span.end)));
                c = t;
            }
        }
        loop {
            if c >= hi {
                break;
            }
            if p.skippable_after(c) || matches!(p.punct(c), Some(':' | ',')) {
                comma_after |= p.punct(c) == Some(',');
                c += 1;
            } else if p.punct(c) == Some('(') && inverted {
                c = p.skip_paren(c);
            } else if p.word_at(c, "that") && !that {
                that = true;
                c += 1;
            } else if let Some((m, end)) = medium(p, c, hi) {
                addressee.get_or_insert(m);
                c = end;
            } else if let Some(t) = phrase_before_that(p, c, hi, form.takes_addressee()).filter(|_| !that) {
                // `said at a campaign stop in Toledo, Ohio, that …`, `told a meeting of leaders that …`.
                if form.takes_addressee() || addressee.is_none() {
                    addressee.get_or_insert(trim(self.body, Span::new(p.toks[c].span.start, p.toks[t - 1].span.end)));
                }
                c = t;
            } else {
                break;
            }
        }
        // `CONTENT, experts say, including …`: a participle after the comma is not the content.
        let participle_at = |m: usize| p.toks.get(m).is_some_and(|t| t.word && !t.cap) && p.lower(m).ends_with("ing");
        if comma_after && !that && participle_at(c) {
            c = hi;
        }
        let frame_lo = match source {
            Source::Np(np, role) => role.map_or(np.start, |r| r.start.min(np.start).saturating_sub(0)).min(np.start),
            Source::Of(_) => j.saturating_sub(1).max(lo),
        };
        let content_end = trim_punct(p, c, next_attribution(p, c, hi));
        let frame = |used_hi| Frame { source, cue: (i, ce), addressee, used: (frame_lo.min(i), used_hi) };
        if p.words_in(c, content_end) == 0 {
            // `CONTENT, X said.`: the content is the sentence before the speaker.
            // `X said:` at the end of a paragraph introduces the next paragraph's quote.
            if c >= p.toks.len() && p.punct(c - 1) == Some(':') {
                return Some((frame(c), Vec::new()));
            }
            let Source::Np(np, role) = source else { return None };
            if role.is_some() && !inverted_role {
                return None;
            }
            let start = if inverted { i } else { np.start };
            if start > lo && p.punct(start - 1) == Some(',') {
                let end = trim_punct(p, lo, start - 1);
                if p.words_in(lo, end) < 3 || (lo..end).any(|k| !p.outside(k)) && all_quoted(p, lo, end) {
                    return None;
                }
                return Some((frame(c), vec![trim(self.body, p.content_span(lo, end)?)]));
            }
            return None;
        }
        if !that && p.toks.get(c).is_some_and(|t| t.word && p.has(c, WordClass::Bad)) {
            return None;
        }
        // `conceded defeat`, `declared victory on Tuesday`, `accused Hamas of …`: these cues
        // with a bare noun object have no statement to attribute.
        if !that
            && matches!(form.lemma.as_str(), "concede" | "declare" | "accuse" | "claim" | "admit" | "deny")
            && bare_object(p, c, hi)
        {
            return None;
        }
        // `believes that is his only path`: "that" was the subject, not a complementizer.
        let c = if that && matches!(p.lower(c), "is" | "was" | "are" | "were" | "has" | "will" | "would") {
            c - 1
        } else {
            c
        };
        // `what the senators said was …`: the cue is inside a subject clause (but see the
        // split attribution below: `The latest test, North Korea said, was its biggest`).
        let split = matches!(source, Source::Np(_, None))
            && comma_after
            && !that
            && match source {
                Source::Np(np, _) => {
                    let lead_end = if inverted { i } else { np.start };
                    lead_end > lo + 1 && p.punct(lead_end - 1) == Some(',')
                }
                Source::Of(_) => false,
            };
        if !that && !split && matches!(p.lower(c), "was" | "is" | "were" | "are") {
            return None;
        }
        // `reported having $19 million`: a gerund object, not a statement.
        if !that && p.toks.get(c).is_some_and(|t| t.word && !t.cap) && p.lower(c).ends_with("ing") && !split {
            return None;
        }
        if form.class == CueClass::Belief && !that {
            return None;
        }
        if p.words_in(c, content_end) < 2 {
            return None;
        }
        let span = trim(self.body, p.content_span(c, content_end)?);
        // `Too often, Mr. Clarke said, the debate is …`: the attribution splits the content.
        if let (Source::Np(np, None), true) = (source, split) {
            let lead_end = if inverted { i } else { np.start };
            {
                let end = trim_punct(p, lo, lead_end - 1);
                if p.words_in(lo, end) >= 2 && p.outside(lo) {
                    let lead = trim(self.body, p.content_span(lo, end)?);
                    let participle = p.toks[c].word && !p.toks[c].cap && p.lower(c).ends_with("ing");
                    let parts = if participle { vec![lead] } else { vec![lead, span] };
                    return Some((frame(c), parts));
                }
            }
        }
        Some((frame(c), vec![span]))
    }
}

/// `at a campaign stop in Toledo, Ohio, that`: a prepositional phrase (or, after
/// a cue that takes an addressee, a noun phrase: `told a meeting of leaders that`)
/// of up to twelve tokens between a cue and "that"; returns the index of "that".
/// A phrase with a verb of its own is the content (`said a second device was
/// found and that …`, `says he has fought for initiatives that …`).
pub(super) fn phrase_before_that(p: &Para, c: usize, hi: usize, addressee: bool) -> Option<usize> {
    let first = p.toks.get(c)?;
    if !first.word || first.cap && !p.has(c, WordClass::Det) {
        return None;
    }
    let prep = |m: usize| {
        matches!(
            p.lower(m),
            "at" | "in"
                | "on"
                | "during"
                | "after"
                | "before"
                | "from"
                | "to"
                | "outside"
                | "inside"
                | "with"
                | "following"
                | "since"
                | "over"
                | "through"
                | "earlier"
                | "last"
                | "this"
                | "while"
                | "for"
        )
    };
    if !addressee && !prep(c) {
        return None;
    }
    let end = (c + 12).min(hi);
    let t = (c + 1..end).find(|&m| p.word_at(m, "that"))?;
    let clean = (c..t).all(|m| {
        p.outside(m)
            && p.cue_at(m).is_none()
            && !matches!(p.punct(m), Some('.' | ';' | ':'))
            && !is_auxiliary(p.lower(m))
    }) && !(c..t).any(|m| p.pron(m).is_some() && m > c)
        && !matches!(p.lower(t - 1), "and" | "but" | "or" | "so" | "such" | "now");
    clean.then_some(t)
}

/// Where reported content stops: before a second attribution in the same
/// sentence (`, adding that`, `and said`, `, according to`, `while Moscow says`).
pub(super) fn next_attribution(p: &Para, c: usize, hi: usize) -> usize {
    for m in c + 1..hi {
        let Some(form) = p.cue_at(m) else { continue };
        let joined = p.punct(m - 1) == Some(',') || p.word_at(m - 1, "and") || p.word_at(m - 1, "but");
        let speech = matches!(form.class, CueClass::Speech | CueClass::Report);
        if joined
            && (form.is_participle() && speech
                || form.class == CueClass::According
                || (p.punct(m - 1).is_none() && speech))
        {
            return m - 1;
        }
        // A new clause with its own subject: `…, while Moscow says …`.
        let mut j = m;
        while j > c && p.skippable(j - 1) {
            j -= 1;
        }
        if let Some(np) = p.np_before(j, c + 1) {
            let k = np.start - 1;
            if np.start > c + 1
                && (p.punct(k) == Some(',')
                    || matches!(p.lower(k), "while" | "whereas" | "but" | "and" | "as" | "although"))
            {
                return if p.punct(k - 1) == Some(',') { k - 1 } else { k };
            }
        }
    }
    hi
}

/// Token end `b` moved back over punctuation outside quotes.
pub(super) fn trim_punct(p: &Para, a: usize, mut b: usize) -> usize {
    while b > a && p.outside(b - 1) && p.punct(b - 1).is_some() {
        b -= 1;
    }
    while b > a && (p.word_at(b - 1, "and") || p.word_at(b - 1, "but")) {
        b -= 1;
    }
    b
}

/// Whether tokens from `c` are a short noun phrase object ending the clause or
/// followed by a preposition or a time ("defeat on Tuesday", "Hamas of
/// breaking the truce"), with no verb, pronoun or quote: not a statement.
fn bare_object(p: &Para, c: usize, hi: usize) -> bool {
    let stop = |m: usize| {
        p.is_prep(m) || p.is_time(m) || matches!(p.lower(m), "after" | "over" | "against" | "during" | "on" | "before")
    };
    let start = if p.has(c, WordClass::Det) { c + 1 } else { c };
    let mut k = start;
    while k < hi
        && k < start + 3
        && p.outside(k)
        && p.toks[k].word
        && p.pron(k).is_none()
        && !is_auxiliary(p.lower(k))
        && !stop(k)
    {
        k += 1;
    }
    k > start && (k >= hi || matches!(p.punct(k), Some('.' | ';' | '!' | '?')) || stop(k))
}

/// A form of "be", "have" or "do", or a modal: a clause with one of these has
/// its own verb.
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "be"
            | "been"
            | "being"
    )
}
