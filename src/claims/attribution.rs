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

use super::lexicon::{CueClass, CueForm, Lexicon, NounKind, PronounKind, WordClass, WordInfo};
use super::quotes::{self, Quote};
use super::speaker::{self, Category, Np};
use super::{Claim, ClaimKind};
use crate::gazetteer::{Kind, Mention};
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
    base: usize,
    /// The paragraph lower-cased in ASCII (same byte offsets as the body).
    lc: String,
    pub toks: Vec<Tok>,
    /// What the lexicon knows about each token (looked up once).
    info: Vec<WordInfo>,
    pub quotes: Vec<Quote>,
    times: &'a [TimeExpr],
    /// Per clause, whether it is written in title case (a headline).
    title_case: Vec<bool>,
}

/// Buffers reused from paragraph to paragraph (allocation was a sixth of the time).
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok>,
    marks: Vec<quotes::Mark>,
    info: Vec<WordInfo>,
    lc: String,
    title_case: Vec<bool>,
    counts: Vec<(u32, u32)>,
    used: Vec<bool>,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl<'a> Para<'a> {
    fn new(
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
        Para { body, lex, base, lc, toks, info, quotes, times, title_case }
    }

    /// Give the paragraph's buffers back for the next one.
    fn recycle(self, scratch: &mut Scratch) {
        scratch.toks = self.toks;
        scratch.info = self.info;
        scratch.lc = self.lc;
        scratch.title_case = self.title_case;
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

    fn word_at(&self, i: usize, w: &str) -> bool {
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
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        let s = self.toks[i].clause;
        let lo = self.toks[..i].iter().rposition(|t| t.clause != s).map_or(0, |k| k + 1);
        let hi = self.toks[i..].iter().position(|t| t.clause != s).map_or(self.toks.len(), |k| i + k);
        (lo, hi)
    }

    /// Tokens that may stand between a speaker and its cue.
    fn skippable(&self, i: usize) -> bool {
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
    fn skippable_after(&self, i: usize) -> bool {
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
    fn skip_paren(&self, i: usize) -> usize {
        if self.punct(i) != Some('(') {
            return i;
        }
        (i + 1..(i + 10).min(self.toks.len())).find(|&m| self.punct(m) == Some(')')).map_or(i, |m| m + 1)
    }

    /// The noun phrase opening the sentence `lo..k`, after an introductory phrase
    /// ("During the speech, Trump attacked …, saying"): the subject of a participle
    /// or coordinated cue with no earlier claim in the sentence.
    fn sentence_subject(&self, lo: usize, k: usize) -> Option<Np> {
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
    fn first_tok_of(&self, qi: usize) -> Option<usize> {
        self.toks.iter().position(|t| t.quote == Some(qi))
    }

    fn last_tok_of(&self, qi: usize) -> Option<usize> {
        self.toks.iter().rposition(|t| t.quote == Some(qi))
    }

    /// The body span of tokens `a..b`, widened to whole quotes at its ends.
    fn content_span(&self, a: usize, b: usize) -> Option<Span> {
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

    fn words_in(&self, a: usize, b: usize) -> usize {
        self.toks.get(a..b).map_or(0, |ts| ts.iter().filter(|t| t.word).count())
    }
}

/// Where a claim's speaker comes from.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// A noun phrase, with an appositive role when one was written (`X, Russia's ambassador, said`).
    Np(Np, Option<Np>),
    /// The speaker of an earlier claim (`and said`, `, adding`, a continued quote).
    Of(usize),
}

/// A found attribution frame.
#[derive(Debug, Clone, Copy)]
struct Frame {
    source: Source,
    /// Cue token range.
    cue: (usize, usize),
    addressee: Option<Span>,
    /// Tokens `lo..hi` the frame used.
    used: (usize, usize),
}

/// The extraction state over one section.
pub(crate) struct Run<'a> {
    body: &'a str,
    lex: &'a Lexicon,
    section: &'a Section,
    mentions: &'a [Mention],
    times: &'a [TimeExpr],
    continuation: bool,
    pub claims: Vec<Claim>,
    cats: Vec<Category>,
    /// A claim whose speaker a quote opening the next paragraph continues.
    carry: Option<Claim>,
    /// Noun phrases opening a sentence (person or group): antecedents for pronouns
    /// when no gazetteer mention precedes them.
    subjects: Vec<(Span, Option<Span>, Category)>,
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
            let first = self.claims.len();
            let carry = self.carry.take();
            let mut used = std::mem::take(&mut scratch.used);
            used.clear();
            used.resize(p.toks.len(), false);
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

    fn direct(&mut self, p: &Para, used: &mut [bool], carry: Option<Claim>) {
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
                        p.words_in(l, a) > 0
                            && !p
                                .quotes
                                .iter()
                                .any(|x| x.outer.end <= q.outer.start && x.outer.start >= p.toks[l].span.start)
                    }) {
                        span = Span::new(p.toks[l].span.start, content.end);
                        kind = ClaimKind::Indirect;
                    }
                }
                let idx = self.push(p, f, kind, vec![span]);
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
                    prev = Some((ci, b + 1));
                }
                continue;
            }
            let para_initial = a == 0 || (0..a).all(|k| !p.toks[k].word);
            if let (true, true, Some(t)) = (para_initial && opens_sentence, long, carry.as_ref()) {
                let continued = !t.content.is_empty();
                let idx = self.push_copy(t, content, continued);
                prev = Some((idx, b + 1));
            }
        }
    }

    /// Add `content` as the next part of claim `ci` (a quote split by its attribution).
    fn extend_claim(&mut self, ci: usize, content: Span) {
        let c = &mut self.claims[ci];
        c.content_parts.push(content);
        c.content_span = c.content_span.cover(content);
        c.content = join_parts(self.body, &c.content_parts);
    }

    fn indirect(&mut self, p: &Para, used: &mut [bool]) {
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
                    self.push(p, f, ClaimKind::Indirect, parts);
                }
            }
            i += n;
        }
    }

    /// Reported speech with the cue at token `i`: the frame and the content parts.
    fn reported(&self, p: &Para, i: usize, form: &CueForm) -> Option<(Frame, Vec<Span>)> {
        let ce = i + form.words.len();
        let (lo, hi) = p.sentence_range(i);
        if form.class == CueClass::According {
            let np = p.np_after(ce, hi)?;
            let from = if i > lo && p.punct(i - 1) == Some(',') { i - 1 } else { i };
            let mut to = if p.punct(np.end) == Some(',') { np.end + 1 } else { np.end };
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
            let frame = Frame { source: Source::Np(np, None), cue: (i, ce), addressee: None, used: (from, to) };
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
                    e >= hi || matches!(p.punct(e), Some(',' | '.' | ';')) || p.is_time(e)
                };
                match p.np_after(ce, hi).filter(|&np| j == i && tail_ok(np)) {
                    Some(np) => {
                        inverted = true;
                        Source::Np(np, None)
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
                // `told an invited crowd at the club that …`
                None => {
                    let t = phrase_before_that(p, c, hi)?;
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
                let t = phrase_before_that(p, subject_end, hi)?;
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
            } else if let Some(t) = phrase_before_that(p, c, hi).filter(|_| !that) {
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
            let Source::Np(np, None) = source else { return None };
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

    /// The latest claim whose cue is in the sentence of token `k` before it.
    fn earlier_in_sentence(&self, p: &Para, k: usize) -> Option<usize> {
        let (lo, _) = p.sentence_range(k);
        let from = p.toks[lo].span.start;
        let at = p.toks[k].span.start;
        self.claims.iter().rposition(|c| c.cue_span.is_some_and(|s| from <= s.start && s.start < at))
    }

    fn push(&mut self, p: &Para, f: Frame, kind: ClaimKind, parts: Vec<Span>) -> usize {
        let claim = self.build(p, f, kind, parts);
        self.claims.push(claim);
        self.claims.len() - 1
    }

    /// A claim with the speaker of `t` and new content (a continued quote).
    fn push_copy(&mut self, t: &Claim, content: Span, continued: bool) -> usize {
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

    fn category_of(&self, t: &Claim) -> Category {
        self.claims
            .iter()
            .position(|c| c.speaker_span == t.speaker_span && c.speaker_text == t.speaker_text)
            .and_then(|i| self.cats.get(i).copied())
            .unwrap_or(Category::Unknown)
    }

    fn build(&mut self, p: &Para, f: Frame, kind: ClaimKind, parts: Vec<Span>) -> Claim {
        let cue_span = Span::new(p.toks[f.cue.0].span.start, p.toks[f.cue.1 - 1].span.end);
        let mut claim = Claim {
            speaker: None,
            speaker_text: String::new(),
            speaker_span: None,
            role: None,
            by_pronoun: false,
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

    /// Fill the speaker fields from a noun phrase; returns its category.
    fn fill_speaker(&self, p: &Para, np: Np, appos: Option<Np>, claim: &mut Claim) -> Category {
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
            self.claims.iter().zip(&self.cats).rev().find_map(|(c, cat)| {
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
    fn link_by_earlier_speaker(&self, head: Span) -> Option<(String, Category)> {
        let text = head.slice(self.body);
        self.claims.iter().zip(&self.cats).rev().find_map(|(c, cat)| {
            let e = c.speaker.as_ref()?;
            (!c.by_pronoun && c.speaker_text.rsplit(' ').next() == Some(text)).then(|| (e.clone(), *cat))
        })
    }

    /// The most recent compatible earlier speaker or mention before `at`.
    fn resolve(
        &self,
        kind: PronounKind,
        at: usize,
        own: &[Span],
    ) -> Option<(String, Option<Span>, Option<String>, Category)> {
        let from_claims = self.claims.iter().zip(&self.cats).rev().find_map(|(c, cat)| {
            let s = c.speaker_span?;
            (s.start < at && cat.fits(kind)).then(|| {
                let (text, span) = match (&c.antecedent, c.by_pronoun) {
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
        let from_mentions = self.mentions[..k].iter().rev().filter(|m| !quoted(m)).find_map(|m| {
            let ok = match kind {
                PronounKind::Person => m.kind == Kind::Person,
                PronounKind::Group => m.kind == Kind::Organization,
                PronounKind::Any => matches!(m.kind, Kind::Person | Kind::Organization),
                _ => false,
            };
            ok.then(|| (m.text.clone(), Some(m.span), Some(m.entity.clone()), Category::of_kind(&m.kind), m.span.start))
        });
        let k = self.subjects.partition_point(|(s, _, _)| s.end <= at);
        let from_subjects = self.subjects[..k].iter().rev().find(|(_, _, c)| c.fits(kind)).map(|&(s, h, c)| {
            let linked = h.and_then(|h| speaker::link(self.body, h, self.mentions)).map(|(e, _)| e);
            (s.slice(self.body).to_string(), Some(s), linked, c, s.start)
        });
        let best = [from_claims, from_mentions, from_subjects].into_iter().flatten().max_by_key(|c| c.4)?;
        Some((best.0, best.1, best.2, best.3))
    }

    /// The sentence's time expression nearest the cue, outside the content.
    fn date_for(&self, cue: Span, parts: &[Span]) -> Option<crate::time::TimeValue> {
        let sent = self.section.sentence_at(cue.start)?;
        self.times
            .iter()
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
}

/// An attribution frame right after quote `qi` (whose last token is `b`).
fn after_frame(p: &Para, qi: usize, b: usize) -> Option<Frame> {
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
    let (c, addressee) = after_cue(p, form, after, hi);
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
    fn before_frame(&self, p: &Para, qi: usize, a: usize) -> Option<Frame> {
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
fn appositive(p: &Para, k: usize, lo: usize) -> Option<Source> {
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

fn appositive_at(p: &Para, open: usize, k: usize, lo: usize, sep: char) -> Option<Source> {
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
    if k > open + 1 && (open + 1..k).all(|m| p.is_name_word(m) || p.noun(m) == Some(super::lexicon::NounKind::Title)) {
        return Some(Source::Np(inner, Some(np)));
    }
    if !matches!(p.category(np), Category::Person | Category::Unknown) || !p.is_name_word(np.head) {
        return None;
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
fn after_cue(p: &Para, form: &CueForm, mut c: usize, hi: usize) -> (usize, Option<Span>) {
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
fn medium(p: &Para, c: usize, hi: usize) -> Option<(Span, usize)> {
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

/// `at a campaign stop in Toledo, Ohio, that`: a prepositional or noun phrase of
/// up to twelve tokens between a cue and "that"; returns the index of "that".
fn phrase_before_that(p: &Para, c: usize, hi: usize) -> Option<usize> {
    let first = p.toks.get(c)?;
    if !first.word || first.cap && !p.has(c, WordClass::Det) {
        return None;
    }
    let end = (c + 12).min(hi);
    let t = (c + 1..end).find(|&m| p.word_at(m, "that"))?;
    let clean = (c..t).all(|m| p.outside(m) && p.cue_at(m).is_none() && !matches!(p.punct(m), Some('.' | ';' | ':')))
        && !(c..t).any(|m| p.pron(m).is_some() && m > c);
    clean.then_some(t)
}

/// Where reported content stops: before a second attribution in the same
/// sentence (`, adding that`, `and said`, `, according to`, `while Moscow says`).
fn next_attribution(p: &Para, c: usize, hi: usize) -> usize {
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
fn trim_punct(p: &Para, a: usize, mut b: usize) -> usize {
    while b > a && p.outside(b - 1) && p.punct(b - 1).is_some() {
        b -= 1;
    }
    while b > a && (p.word_at(b - 1, "and") || p.word_at(b - 1, "but")) {
        b -= 1;
    }
    b
}

/// Mark tokens `lo..hi` as used by a frame.
fn mark(used: &mut [bool], (lo, hi): (usize, usize)) {
    let hi = hi.min(used.len());
    if let Some(us) = used.get_mut(lo.min(hi)..hi) {
        us.iter_mut().for_each(|u| *u = true);
    }
}

fn all_quoted(p: &Para, a: usize, b: usize) -> bool {
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
