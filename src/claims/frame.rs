//! Attribution frames around a direct quote: `"…," said X`, `"…," X said`,
//! `"…," he told TASS`, `X said: "…"`, `According to X, "…"`, with an
//! appositive role (`X, Russia's ambassador, said`), an addressee ("told
//! reporters") or a medium ("on Telegram", "in a statement") after the cue.

use super::attribution::Run;
use super::lexicon::{CueClass, CueForm, WordClass};
use super::para::Para;
use super::speaker::{Category, Np};
use crate::Span;

/// Where a claim's speaker comes from.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    /// A noun phrase, with an appositive role when one was written (`X, Russia's ambassador, said`).
    Np(Np, Option<Np>),
    /// The speaker of an earlier claim (`and said`, `, adding`, a continued quote).
    Of(usize),
}

/// A found attribution frame.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub(super) source: Source,
    /// Cue token range.
    pub(super) cue: (usize, usize),
    pub(super) addressee: Option<Span>,
    /// Tokens `lo..hi` the frame used.
    pub(super) used: (usize, usize),
}

/// An attribution frame right after quote `qi` (whose last token is `b`).
pub(super) fn after_frame(p: &Para, qi: usize, b: usize) -> Option<Frame> {
    let q = p.quotes[qi];
    if !q.closed {
        return None;
    }
    let mut k = b + 1;
    while matches!(p.punct(k), Some(',' | '-' | '\u{2014}' | '\u{2013}')) {
        k += 1;
    }
    let start = k;
    let hi = (start..p.toks.len())
        .find(|&m| !p.outside(m) || matches!(p.punct(m), Some('.' | '!' | '?' | ';')))
        .unwrap_or(p.toks.len());
    let ends_sentence = q.inner.slice(p.body).trim_end().ends_with(['.', '!', '?']);
    let (source, cue, after) = if let Some(form) = p.cue_at(start) {
        let ce = start + form.words.len();
        let np = p.np_after(ce, hi)?;
        (Source::Np(np, None), (start, ce), np.end)
    } else {
        let np = p.np_after(start, hi)?;
        let skip = |mut c: usize| {
            while c < hi && p.skippable(c) {
                c += 1;
            }
            c
        };
        let mut c = skip(p.skip_paren(np.end));
        // `"…," Mr. Morgan of the Sierra Club said`: a prepositional phrase after the name.
        if p.cue_at(c).is_none() && p.is_prep(c) {
            if let Some(pp) = p.np_after(c + 1, hi).filter(|pp| p.cue_at(skip(pp.end)).is_some()) {
                c = skip(pp.end);
            }
        }
        let mut role = None;
        if p.cue_at(c).is_none() && p.punct(c) == Some(',') {
            // `"…," Scott Pruitt, the attorney general of Oklahoma, said`: an appositive role.
            let close =
                (c + 1..(c + 25).min(hi)).find(|&m| p.punct(m) == Some(',') && p.cue_at(skip(m + 1)).is_some())?;
            role = Some(Np::new(c + 1, close));
            c = skip(close + 1);
        }
        let form = p.cue_at(c)?;
        let ce = c + form.words.len();
        (Source::Np(np, role), (c, ce), ce)
    };
    let form = p.cue_at(cue.0)?;
    if form.class == CueClass::According {
        return None;
    }
    let (mut c, addressee) = after_cue(p, form, after, hi);
    // `Gowdy said sarcastically.`, `Graham told The New York Times then.`
    while c < hi && p.skippable_after(c) {
        c += 1;
    }
    // A quote that ends its own sentence is followed by a new sentence, not a frame,
    // unless nothing but the attribution follows (`"We will." Ushakov said.`).
    let tail_clear = c >= hi || matches!(p.punct(c), Some(',' | ':' | '-' | '\u{2014}' | '\u{2013}' | '('));
    // After a clause-ending quote (`"…," X said`) the frame may go on with a prepositional
    // phrase ("in response to a question"), but not with a clause of its own
    // (`"Face the Nation," Ryan said the recent spate …` is reported speech).
    let tail_adjunct = p.has(c, WordClass::Stop) || p.is_time(c);
    if !tail_clear && (ends_sentence || !tail_adjunct) {
        return None;
    }
    Some(Frame { source, cue, addressee, used: (b + 1, c) })
}

impl Run<'_> {
    /// An attribution frame right before quote `qi` (whose first token is `a`):
    /// `X said: "…"`, `X told TASS, "…"`, `According to X, "…"`.
    pub(super) fn before_frame(&self, p: &Para, qi: usize, a: usize) -> Option<Frame> {
        let prev_end = p.toks[..a].iter().rposition(|t| t.quote.is_some() && t.quote != Some(qi)).map_or(0, |k| k + 1);
        let last = a.checked_sub(1).filter(|&k| k >= prev_end)?;
        let same_sentence = p.toks[last].clause == p.toks[a].clause;
        if !same_sentence && p.punct(last) != Some(':') {
            return None;
        }
        let (lo, _) = p.sentence_range(last);
        let lo = lo.max(prev_end);
        // The cue: the last one within six tokens of the quote.
        let mut end = last + 1;
        while end > lo && matches!(p.punct(end - 1), Some(':' | ',')) {
            end -= 1;
        }
        if end > lo && p.word_at(end - 1, "that") {
            end -= 1;
        }
        let from = end.saturating_sub(6).max(lo);
        let (ci, form) = (from..end).rev().find_map(|k| p.cue_at(k).map(|f| (k, f)))?;
        let ce = ci + form.words.len();
        let colon = p.punct(last) == Some(':');
        if form.class == CueClass::Belief && !colon {
            return None;
        }
        // The quote must be the whole complement: it ends its sentence (or a clause, with a comma),
        // not a partial quote inside reported speech (`she hoped 'something like that' could be`).
        let q = p.quotes[qi];
        let inner = q.inner.slice(p.body).trim_end();
        let b = p.last_tok_of(qi)?;
        let complete = inner.ends_with(['.', '!', '?', ',', '\u{2026}'])
            || b + 1 >= p.toks.len()
            || !p.outside(b + 1)
            || matches!(p.punct(b + 1), Some('.' | '!' | '?' | ';' | ','));
        if !complete {
            return None;
        }
        if form.class == CueClass::According {
            let np = p.np_after(ce, end)?;
            return (np.end == end).then_some(Frame {
                source: Source::Np(np, None),
                cue: (ci, ce),
                addressee: None,
                used: (ci, a),
            });
        }
        // After the cue only an addressee, a medium or a time may stand.
        let (c, addressee) = after_cue(p, form, ce, end);
        let mut subject_end = ci;
        while subject_end > lo && p.skippable(subject_end - 1) {
            subject_end -= 1;
        }
        let source = if c < end {
            // `said X: "…"`: the speaker after the cue (with a colon or comma before the quote;
            // `saying the group "must be destroyed"` is reported speech).
            if !matches!(p.punct(last), Some(':' | ',')) {
                return None;
            }
            let np = p.np_after(c, end)?;
            if p.skip_paren(np.end) != end {
                return None;
            }
            Source::Np(np, None)
        } else {
            let k = subject_end.checked_sub(1).filter(|&k| k >= lo)?;
            if p.word_at(k, "and") || p.word_at(k, "but") || (p.punct(k) == Some(',') && form.is_participle()) {
                match self.earlier_in_sentence(p, k) {
                    Some(c) => Source::Of(c),
                    None => Source::Np(p.sentence_subject(lo, k)?, None),
                }
            } else if p.punct(k) == Some(',') {
                appositive(p, k, lo)?
            } else {
                Source::Np(p.np_before(subject_end, lo)?, None)
            }
        };
        let from = match source {
            Source::Np(np, _) => np.start.min(ci),
            Source::Of(_) => ci,
        };
        Some(Frame { source, cue: (ci, ce), addressee, used: (from, a) })
    }
}

/// `X, Russia's ambassador to the U.S., said`: the speaker before the
/// appositive that ends with the comma at `k`.
pub(super) fn appositive(p: &Para, k: usize, lo: usize) -> Option<Source> {
    let sep = p.punct(k)?;
    // `Michael Seaman, who lives outside the state capital, Sacramento, said`: the
    // appositive may hold commas of its own, so try the separators from nearest to farthest.
    let window = k.saturating_sub(30).max(lo);
    let mut found = None;
    for open in (window..k).rev().filter(|&m| p.punct(m) == Some(sep)).take(3) {
        if let Some(s) = appositive_at(p, open, k, lo, sep) {
            found = Some(s);
            break;
        }
    }
    found
}

pub(super) fn appositive_at(p: &Para, open: usize, k: usize, lo: usize, sep: char) -> Option<Source> {
    // `X -- co-editor of a book -- said`: a doubled dash is one separator.
    let open = if sep == '-' && open > lo && p.punct(open - 1) == Some('-') { open - 1 } else { open };
    let inner_start = if sep == '-' && p.punct(open + 1) == Some('-') { open + 1 } else { open };
    let (open, k) = (open, k);
    if (inner_start + 1..k).any(|m| !p.outside(m) || p.cue_at(m).is_some()) {
        return None;
    }
    let relative = p.word_at(inner_start + 1, "who");
    let np = p.np_before(open, lo)?;
    // `A lawyer for the news outlets, David Schulz, said`: the name is the appositive.
    let k = if sep == '-' && k > inner_start + 1 && p.punct(k - 1) == Some('-') { k - 1 } else { k };
    let inner = Np::new(inner_start + 1, k);
    if relative {
        return matches!(p.category(np), Category::Person | Category::Unknown | Category::Group)
            .then_some(Source::Np(np, None));
    }
    // `Nancy Pelosi, D-Calif., said`: a party and state tag is the name's label, not a name.
    if k == open + 2 && is_party_tag(p.text(open + 1)) {
        return Some(Source::Np(np, Some(inner)));
    }
    if k > open + 1 && (open + 1..k).all(|m| p.is_name_word(m) || p.noun(m) == Some(super::lexicon::NounKind::Title)) {
        return Some(Source::Np(inner, Some(np)));
    }
    if !matches!(p.category(np), Category::Person | Category::Unknown) || !p.is_name_word(np.head) {
        return None;
    }
    // `X, of Springfield, Va., said`: "Springfield" ends a prepositional phrase, not a speaker.
    if np.start > lo && p.is_prep(np.start - 1) {
        return None;
    }
    // `Hillary Clinton, at a later press gaggle, said`, `Johnnie Wilson, of Springfield, Va., said`:
    // a prepositional phrase between speaker and cue is no role.
    if p.is_prep(open + 1) || matches!(p.lower(open + 1), "during" | "after" | "before" | "on") {
        return Some(Source::Np(np, None));
    }
    // An appositive is a noun phrase or an age ("Quina Jones, 25,"), not a prepositional phrase.
    if p.has(open + 1, WordClass::Stop) {
        return None;
    }
    Some(Source::Np(np, Some(inner)))
}

/// What may follow a cue inside an attribution frame: an addressee for "told"
/// ("told TASS"), then times and media ("on Tuesday", "on Telegram"). Returns
/// the token after them and the addressee or medium.
pub(super) fn after_cue(p: &Para, form: &CueForm, mut c: usize, hi: usize) -> (usize, Option<Span>) {
    let mut addressee = None;
    if form.takes_addressee() {
        if let Some(np) = p.np_after(c, hi).filter(|np| np.start == c) {
            addressee = Some(p.span_of(np));
            c = np.end;
        }
    }
    loop {
        if c < hi && p.is_time(c) {
            c += 1;
        } else if let Some((m, end)) = medium(p, c, hi) {
            addressee.get_or_insert(m);
            c = end;
        } else {
            return (c, addressee);
        }
    }
}

/// A medium or addressee phrase at token `c`: "on Telegram", "to the media",
/// "to reporters", "in a statement", "in an interview with CNN".
pub(super) fn medium(p: &Para, c: usize, hi: usize) -> Option<(Span, usize)> {
    let w = p.lower(c);
    if !p.outside(c) || c + 1 >= hi {
        return None;
    }
    match w {
        "on" | "to" | "via" => {
            if p.is_time(c + 1) {
                return None;
            }
            let np = p.np_after(c + 1, hi)?;
            if w == "on" && !p.is_name_word(np.start) {
                return None;
            }
            Some((p.span_of(np), np.end))
        }
        "in" => {
            // in + determiner + noun (+ with/to NP): "in a statement", "in an interview with CNN".
            if !p.has(c + 1, WordClass::Det) || !p.toks.get(c + 2).is_some_and(|t| t.word && !t.cap) {
                return None;
            }
            let noun = c + 2;
            let mut end = noun + 1;
            let mut span = p.span_of(Np::new(c + 1, end));
            if (p.word_at(end, "with") || p.word_at(end, "to")) && end + 1 < hi {
                if let Some(np) = p.np_after(end + 1, hi) {
                    span = p.span_of(np);
                    end = np.end;
                }
            }
            if p.punct(end).is_some() || end >= hi || p.word_at(end, "that") {
                Some((span, end))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A party and state tag written after a US politician's name: "D-Calif.",
/// "R-Ky.", "I-Vt", "D-N.Y.".
pub(super) fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_uppercase()
}
