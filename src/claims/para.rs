//! The tokenised paragraph the attribution rules look at.
//!
//! Each paragraph is tokenised once: words with their byte spans, whether
//! they are capitalised, which top-level quote they are in, which sentence and
//! clause; quote marks are paired ([`super::quotes`]) and each word is looked up
//! in the [`Lexicon`] once. The accessors here are the vocabulary of the rules
//! in [`super::frame`], [`super::reported`] and [`super::speaker`].

use super::lexicon::{CueForm, Lexicon, NounKind, PronounKind, WordClass, WordInfo};
use super::quotes::{self, Quote};
use super::speaker::Np;
use crate::text::Section;
use crate::time::TimeExpr;
use crate::Span;

/// A token of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub span: Span,
    pub word: bool,
    pub cap: bool,
    /// Index of the top-level quote the token is in.
    pub quote: Option<usize>,
    /// Index of the section sentence the token is in.
    pub sent: usize,
    /// Sentence number within the paragraph: the section's sentences, split
    /// further after `.`, `!` or `?` before a capitalised word (so the rules
    /// stay within a sentence even when the section has coarser sentences).
    pub clause: u32,
}

/// A tokenised paragraph with what the rules need to look at it.
pub(crate) struct Para<'a> {
    pub body: &'a str,
    pub lex: &'a Lexicon,
    pub(super) base: usize,
    /// The paragraph lower-cased in ASCII (same byte offsets as the body).
    pub(super) lc: String,
    pub toks: Vec<Tok>,
    /// What the lexicon knows about each token (looked up once).
    pub(super) info: Vec<WordInfo>,
    pub quotes: Vec<Quote>,
    pub(super) times: &'a [TimeExpr],
    /// Per clause, whether it is written in title case (a headline).
    pub(super) title_case: Vec<bool>,
    /// Per top-level quote, its first and last token (`NONE` for a quote without tokens).
    quote_toks: Vec<(usize, usize)>,
    /// Per clause, its first token; one more entry holds the token count.
    clause_start: Vec<usize>,
}

/// No token.
const NONE: usize = usize::MAX;

/// How far (in tokens) the rules look from a cue or quote within its sentence.
pub(super) const WINDOW: usize = 160;

/// Buffers reused from paragraph to paragraph (allocation was a sixth of the time).
#[derive(Default)]
pub(crate) struct Scratch {
    pub(super) toks: Vec<Tok>,
    pub(super) marks: Vec<quotes::Mark>,
    pub(super) info: Vec<WordInfo>,
    pub(super) lc: String,
    pub(super) title_case: Vec<bool>,
    pub(super) counts: Vec<(u32, u32)>,
    pub(super) used: Vec<bool>,
    quote_toks: Vec<(usize, usize)>,
    clause_start: Vec<usize>,
}

pub(super) fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl<'a> Para<'a> {
    pub(super) fn new(
        body: &'a str,
        span: Span,
        section: &Section,
        lex: &'a Lexicon,
        times: &'a [TimeExpr],
        scratch: &mut Scratch,
    ) -> Para<'a> {
        let text = span.slice(body);
        let base = span.start;
        let bytes = text.as_bytes();
        // Quote marks are collected while tokenising and paired afterwards.
        let mut marks = std::mem::take(&mut scratch.marks);
        marks.clear();
        // ASCII bytes are characters of their own; decode only the rest.
        let char_at = |pos: usize| -> Option<char> {
            match *bytes.get(pos)? {
                b if b < 0x80 => Some(char::from(b)),
                _ => text.get(pos..)?.chars().next(),
            }
        };
        let mut toks = std::mem::take(&mut scratch.toks);
        toks.clear();
        let mut pos = 0;
        // Tokens come in body order, so their sentence and quote are found with moving cursors.
        let mut sent = section.sentences.partition_point(|s| s.span.end <= base);
        while let Some(c) = char_at(pos) {
            let len = c.len_utf8();
            if c.is_whitespace() {
                pos += len;
                continue;
            }
            if c == '`' || quotes::is_quote_char(c) {
                let doubled = matches!(c, '\'' | '`') && bytes.get(pos + 1) == Some(&(c as u8));
                if doubled {
                    marks.push((pos, if c == '`' { '\u{201C}' } else { '"' }, 2));
                    pos += 2;
                } else {
                    if c != '`' {
                        marks.push((pos, c, len));
                    }
                    pos += len;
                }
                continue;
            }
            let start = pos;
            pos += len;
            let word = word_char(c);
            if word {
                let mut letters = 1;
                while let Some(n) = char_at(pos) {
                    if word_char(n) {
                        pos += n.len_utf8();
                        letters += 1;
                        continue;
                    }
                    let after = char_at(pos + n.len_utf8());
                    let inner = match n {
                        '\'' | '\u{2019}' | '-' | '&' => after.is_some_and(word_char),
                        '.' => after.is_some_and(|a| a.is_alphabetic() || (c.is_ascii_digit() && a.is_ascii_digit())),
                        ',' => c.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()),
                        _ => false,
                    };
                    if inner {
                        pos += n.len_utf8() + after.map_or(0, char::len_utf8);
                        continue;
                    }
                    if n == '.' {
                        // Initials and titles keep their dot: "U.S.", "J.", "Mr."; so does an
                        // abbreviation before a comma or parenthesis ("R-Ky.,", "(D-Wis.)").
                        let w = &text[start..pos];
                        let title = lex.noun(&w.to_ascii_lowercase()) == Some(NounKind::Title);
                        let before_comma = matches!(after, Some(',' | ')' | ';'));
                        if w.contains('.') || (letters == 1 && c.is_uppercase()) || title || before_comma {
                            pos += 1;
                        }
                    }
                    break;
                }
            }
            let at = base + start;
            while section.sentences.get(sent).is_some_and(|s| s.span.end <= at) {
                sent += 1;
            }
            let cap = c.is_uppercase();
            let clause = match toks.last() {
                None => 0,
                Some(prev) => {
                    let stop = !prev.word
                        && matches!(text.get(prev.span.start - base..), Some(r) if r.starts_with(['.', '!', '?', '\u{2026}']));
                    prev.clause + u32::from(prev.sent != sent || (stop && cap))
                }
            };
            toks.push(Tok { span: Span::new(at, base + pos), word, cap, quote: None, sent, clause });
        }
        let quotes = if marks.is_empty() { Vec::new() } else { quotes::pair(text, base, &marks) };
        if !quotes.is_empty() {
            let mut qcur = 0;
            for t in &mut toks {
                while qcur < quotes.len() && quotes[qcur].inner.end <= t.span.start {
                    qcur += 1;
                }
                t.quote = quotes.get(qcur).filter(|q| q.inner.start <= t.span.start).map(|_| qcur);
            }
        }
        // Title-case clauses (headlines) capitalise their cues: "Kremlin Advisor Claims".
        let clauses = toks.last().map_or(0, |t| t.clause as usize + 1);
        let counts = &mut scratch.counts;
        counts.clear();
        counts.resize(clauses, (0, 0));
        for t in toks.iter().filter(|t| t.word && t.quote.is_none() && t.span.len() > 3) {
            let c = &mut counts[t.clause as usize];
            c.0 += u32::from(t.cap);
            c.1 += 1;
        }
        let mut title_case = std::mem::take(&mut scratch.title_case);
        title_case.clear();
        title_case.extend(counts.iter().map(|&(cap, all)| all >= 3 && cap * 5 >= all * 4));
        let mut lc = std::mem::take(&mut scratch.lc);
        lc.clear();
        lc.push_str(text);
        lc.make_ascii_lowercase();
        let mut info = std::mem::take(&mut scratch.info);
        info.clear();
        info.extend(toks.iter().map(|t| {
            let w = lc.get(t.span.start - base..t.span.end - base).unwrap_or("");
            if t.word {
                lex.info(w)
            } else {
                WordInfo::default()
            }
        }));
        scratch.marks = marks;
        // Quote and clause bounds, so that the rules look them up instead of scanning the paragraph.
        let mut quote_toks = std::mem::take(&mut scratch.quote_toks);
        quote_toks.clear();
        quote_toks.resize(quotes.len(), (NONE, NONE));
        let mut clause_start = std::mem::take(&mut scratch.clause_start);
        clause_start.clear();
        for (i, t) in toks.iter().enumerate() {
            if let Some(q) = t.quote {
                let b = &mut quote_toks[q];
                if b.0 == NONE {
                    b.0 = i;
                }
                b.1 = i;
            }
            if i == 0 || toks[i - 1].clause != t.clause {
                clause_start.push(i);
            }
        }
        clause_start.push(toks.len());
        Para { body, lex, base, lc, toks, info, quotes, times, title_case, quote_toks, clause_start }
    }

    /// Give the paragraph's buffers back for the next one.
    pub(super) fn recycle(self, scratch: &mut Scratch) {
        scratch.toks = self.toks;
        scratch.info = self.info;
        scratch.lc = self.lc;
        scratch.title_case = self.title_case;
        scratch.quote_toks = self.quote_toks;
        scratch.clause_start = self.clause_start;
    }

    /// The lexicon's speaker-noun kind of token `i`.
    pub fn noun(&self, i: usize) -> Option<NounKind> {
        self.info.get(i)?.noun
    }

    /// The lexicon's pronoun kind of token `i`.
    pub fn pron(&self, i: usize) -> Option<PronounKind> {
        self.info.get(i)?.pronoun
    }

    /// Whether token `i` is in the closed class `class`.
    pub fn has(&self, i: usize, class: WordClass) -> bool {
        self.info.get(i).is_some_and(|w| w.classes & class as u8 != 0)
    }

    /// Whether some cue form starts with token `i`.
    pub fn starts_cue(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|w| w.cue)
    }

    /// The token's text.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.body))
    }

    /// The token's text in ASCII lower case.
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.lc.get(t.span.start - self.base..t.span.end - self.base)).unwrap_or("")
    }

    /// Whether the token exists and is outside quotes.
    pub fn outside(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.quote.is_none())
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        if t.word {
            return None;
        }
        self.text(i).chars().next()
    }

    pub(super) fn word_at(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.word) && self.lower(i) == w
    }

    /// Whether the token is part of a time expression ("on Tuesday").
    pub fn is_time(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let k = self.times.partition_point(|x| x.span.end <= t.span.start);
        if self.times.get(k).is_some_and(|x| x.span.contains(t.span)) {
            return true;
        }
        let lc = self.lower(i);
        // Without the time stage's spans, weekday and month names still read as times;
        // "may" and "march" only when capitalised (the modal and the verb are not).
        t.word && self.has(i, WordClass::Time) && (t.cap || !matches!(lc, "may" | "march"))
    }

    /// The cue form starting at token `i`, if any.
    pub(crate) fn cue_at(&self, i: usize) -> Option<&'a CueForm> {
        // A capitalised cue word is a name ("United States", "State Department") or a headline.
        let t = self.toks.get(i)?;
        if !self.starts_cue(i) {
            return None;
        }
        let clause_start = i == 0 || self.toks[i - 1].clause != t.clause;
        if !t.word || (t.cap && !clause_start && !self.title_case.get(t.clause as usize).copied().unwrap_or(false)) {
            return None;
        }
        let forms = self.lex.cues_starting(self.lower(i));
        forms.iter().find(|f| f.words.iter().enumerate().all(|(k, w)| self.outside(i + k) && self.lower(i + k) == w))
    }

    /// Token range of the sentence of token `i`, within the paragraph.
    ///
    /// The range reaches at most [`WINDOW`] tokens either side of `i`, so that the
    /// rules stay linear on a "sentence" of thousands of quotes or cues (lists,
    /// transcripts, garbage); a real sentence is shorter.
    pub(super) fn sentence_range(&self, i: usize) -> (usize, usize) {
        let s = self.toks[i].clause as usize;
        let lo = self.clause_start.get(s).copied().unwrap_or(0);
        let hi = self.clause_start.get(s + 1).copied().unwrap_or(self.toks.len());
        (lo.max(i.saturating_sub(WINDOW)), hi.min(i + WINDOW))
    }

    /// Tokens that may stand between a speaker and its cue.
    pub(super) fn skippable(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if !t.word || t.quote.is_some() {
            return false;
        }
        let lc = self.lower(i);
        self.is_time(i)
            || self.has(i, WordClass::Skip)
            || (!t.cap && lc.len() > 4 && lc.ends_with("ly"))
            || (matches!(lc, "on" | "last" | "this" | "next" | "earlier" | "in") && self.is_time(i + 1))
    }

    /// Tokens that may stand between a cue and its content: times and adverbs.
    pub(super) fn skippable_after(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let lc = self.lower(i);
        t.word
            && t.quote.is_none()
            && (self.is_time(i)
                || self.has(i, WordClass::Adv)
                || (!t.cap && lc.len() > 4 && lc.ends_with("ly"))
                || (matches!(lc, "on" | "last" | "this" | "next" | "earlier" | "in") && self.is_time(i + 1)))
    }

    /// Token index after a parenthesis opening at `i` ("(D-Wis.)"), or `i`.
    pub(super) fn skip_paren(&self, i: usize) -> usize {
        if self.punct(i) != Some('(') {
            return i;
        }
        (i + 1..(i + 10).min(self.toks.len())).find(|&m| self.punct(m) == Some(')')).map_or(i, |m| m + 1)
    }

    /// The noun phrase opening the sentence `lo..k`, after an introductory phrase
    /// ("During the speech, Trump attacked …, saying"): the subject of a participle
    /// or coordinated cue with no earlier claim in the sentence.
    pub(super) fn sentence_subject(&self, lo: usize, k: usize) -> Option<Np> {
        let mut start = lo;
        let opens = |m: usize| {
            self.toks.get(m).is_some_and(|t| t.word)
                && !self.has(m, WordClass::Stop)
                && !self.has(m, WordClass::Skip)
                && !self.is_time(m)
        };
        if !opens(lo) || self.np_after(lo, k).is_none() {
            start = (lo..k).find(|&m| self.punct(m) == Some(','))? + 1;
        }
        self.np_after(start, k)
            .filter(|np| np.start == start && np.end < k && !matches!(self.pron(np.start), Some(PronounKind::Author)))
    }

    /// The first token of the quote `qi`.
    pub(super) fn first_tok_of(&self, qi: usize) -> Option<usize> {
        self.quote_toks.get(qi).map(|b| b.0).filter(|&i| i != NONE)
    }

    pub(super) fn last_tok_of(&self, qi: usize) -> Option<usize> {
        self.quote_toks.get(qi).map(|b| b.1).filter(|&i| i != NONE)
    }

    /// The body span of tokens `a..b`, widened to whole quotes at its ends.
    pub(super) fn content_span(&self, a: usize, b: usize) -> Option<Span> {
        let (first, last) = (self.toks.get(a)?, self.toks.get(b.checked_sub(1)?)?);
        let mut start = first.span.start;
        let mut end = last.span.end;
        if let Some(q) = first.quote.and_then(|q| self.quotes.get(q)) {
            if self.first_tok_of(first.quote?) == Some(a) {
                start = q.outer.start;
            }
        }
        if let Some(q) = last.quote.and_then(|q| self.quotes.get(q)) {
            if self.last_tok_of(last.quote?) == Some(b - 1) {
                end = q.outer.end;
            }
        }
        Some(Span::new(start, end))
    }

    pub(super) fn words_in(&self, a: usize, b: usize) -> usize {
        self.toks.get(a..b).map_or(0, |ts| ts.iter().filter(|t| t.word).count())
    }
}
