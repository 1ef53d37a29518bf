//! Page structure: headline, article text, boilerplate and blurbs.
//!
//! The page is read as a list of logical lines (see `segment::logical_lines`),
//! each with its [`Features`]. Rules, in order:
//!
//! 1. **Tail.** The first related-stories heading ("Related Articles", "Read
//!    next", "More from ...": a short cue line) that follows article text and
//!    is followed by more running text starts the tail: everything after it
//!    is blurbs or furniture, never article text. The blurbs must announce
//!    themselves (a timestamp or age within three lines of the heading) or be
//!    shorter than the article before them. Otherwise, or when the heading
//!    is followed by two or more headline-like lines and then article text,
//!    the heading and its links are a link list inside the article.
//! 2. **Furniture by shape and cue** (article zone): cue lines (share,
//!    comments, advertisement, newsletter, summary boxes and the bullets
//!    under them), timestamps, bylines, captions, comment-policy footers.
//!    A comments heading followed by readers' comments (with their ages,
//!    "Reply" and "Like" buttons) ends the article zone.
//! 3. **Headline.** `title` front matter wins: the line equal to it (folded
//!    comparison, see [`fold_key`]), else a line before the lede that holds
//!    it or is held by it (outlet suffixes), else none. Otherwise the first
//!    headline-shaped line before the first running-text line. Lines equal
//!    to the headline are duplicates; short lines before it are kickers.
//! 4. **Runs.** Short non-sentence lines at the end of the article zone are
//!    furniture; three or more very short lines in a row inside it are a
//!    link list; a lone line of one or two words is a widget label; a lone
//!    longer line is a subheading and stays article text. A quote
//!    introduction ("He said:", `Features::speech_intro`: a subject and a
//!    speech cue verb of the shared [`crate::lexicon`] before a final colon) is running
//!    text, never furniture, and so is the short quote line after it.
//! 5. **Blurbs.** The tail is cut into groups at each stamp line, outlet
//!    line, headline-shaped line or double blank line that follows running
//!    text; a group with running text is a blurb (outlet, age, label,
//!    headline, text), a group without is furniture. A ticker of stamped
//!    one-paragraph items ("02:41", optional section label, one paragraph)
//!    gives one blurb per stamp, with no headline; a clock time is kept as
//!    the blurb's `timestamp`, not its age.

use super::lines::{is_name_list, Features};
use super::normalize::fold_key;
use super::segment::{self, Line};
use super::stamp::Stamp;
use super::{Blurb, BoilerplateKind, Paragraph, Region, RegionKind, Section, Sentence, Structure};
use crate::Span;

/// What a line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unset,
    Headline,
    Text,
    Boiler(BoilerplateKind),
    /// Part of blurb number `n` (1-based).
    Blurb(usize),
}

struct Page<'a> {
    body: &'a str,
    /// Whether sections get their sentences (see `analyze_paragraphs`).
    sentences: bool,
    lines: Vec<Line>,
    feats: Vec<Features>,
    role: Vec<Role>,
}

impl Page<'_> {
    fn text(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", |l| l.span.slice(self.body))
    }
    fn f(&self, i: usize) -> &Features {
        &self.feats[i]
    }
}

pub(crate) fn analyze(body: &str, title: Option<&str>) -> Structure {
    analyze_with(body, title, true)
}

/// `analyze`, with the sentence segmentation of each section only when `sentences`.
pub(crate) fn analyze_with(body: &str, title: Option<&str>, sentences: bool) -> Structure {
    let lines = segment::logical_lines(body);
    let feats: Vec<Features> = lines.iter().map(|l| Features::of(l.span.slice(body))).collect();
    let role = vec![Role::Unset; lines.len()];
    let mut page = Page { body, sentences, lines, feats, role };
    let n = page.lines.len();

    let tail = find_tail(&mut page);
    let main_end = tail.unwrap_or(n);
    mark_furniture(&mut page, main_end);
    let main_end = comment_thread(&mut page, main_end);
    let headline = find_headline(&mut page, main_end, title);
    mark_runs(&mut page, headline.map_or(0, |h| h + 1), main_end);
    let blurbs = match tail {
        Some(t) => {
            page.role[t] = Role::Boiler(BoilerplateKind::Related);
            parse_blurbs(&mut page, t + 1)
        }
        None => Vec::new(),
    };
    build(&page, headline, blurbs)
}

/// Rule 1: the index of the related-stories heading that starts the tail.
fn find_tail(page: &mut Page) -> Option<usize> {
    let n = page.lines.len();
    let mut seen_prose = false;
    let mut i = 0;
    while i < n {
        let f = page.f(i);
        if f.prose {
            seen_prose = true;
        }
        let heading = f.cue == Some(BoilerplateKind::Related) && f.words <= 6 && !f.prose;
        if !(heading && seen_prose) {
            i += 1;
            continue;
        }
        // A link list inside the article: headline-like lines, then prose again.
        let links = (i + 1..n).take_while(|&j| page.f(j).headline && page.f(j).pair.is_none()).count();
        let after = i + 1 + links;
        if links >= 2 && after < n && page.f(after).prose {
            for j in i..after {
                page.role[j] = Role::Boiler(BoilerplateKind::Related);
            }
            i = after;
            continue;
        }
        // Blurbs announce themselves (a stamp, an age, "Outlet · 2 hours
        // ago" near the top) or are shorter than the article before them;
        // otherwise the article goes on after a link list.
        let meta = (i + 1..n.min(i + 4)).any(|j| page.f(j).stamp.is_some() || page.f(j).pair.is_some());
        let prose_bytes = |r: std::ops::Range<usize>| -> usize {
            r.filter(|&j| page.f(j).prose).map(|j| page.lines[j].span.len()).sum()
        };
        if (i + 1..n).any(|j| page.f(j).prose) && (meta || prose_bytes(i + 1..n) < prose_bytes(0..i)) {
            return Some(i);
        }
        if links > 0 {
            for j in i..after {
                page.role[j] = Role::Boiler(BoilerplateKind::Related);
            }
            i = after;
            continue;
        }
        i += 1;
    }
    None
}

/// Rule 2: furniture recognised by cue or shape, and the boxes under box headings.
fn mark_furniture(page: &mut Page, end: usize) {
    let mut i = 0;
    while i < end {
        if page.role[i] != Role::Unset {
            i += 1;
            continue;
        }
        let Some(kind) = page.f(i).furniture() else {
            i += 1;
            continue;
        };
        page.role[i] = Role::Boiler(kind);
        i += 1;
        match kind {
            // A summary box: its bullets (or, without bullets, nothing more).
            BoilerplateKind::Summary => {
                while i < end && page.f(i).bullet {
                    page.role[i] = Role::Boiler(kind);
                    i += 1;
                }
            }
            // A newsletter box: up to three short or newsletter-cued lines.
            BoilerplateKind::Newsletter => {
                let mut k = 0;
                while i < end && k < 3 && (!page.f(i).prose || page.f(i).newsletter) && page.f(i).words <= 25 {
                    page.role[i] = Role::Boiler(kind);
                    i += 1;
                    k += 1;
                }
            }
            // A menu or tag list: the short names under its heading.
            BoilerplateKind::Navigation => {
                while i < end && page.role[i] == Role::Unset && page.f(i).name && !page.f(i).headline {
                    page.role[i] = Role::Boiler(kind);
                    i += 1;
                }
                while i < end && page.role[i] == Role::Unset && page.f(i).name && page.f(i).words <= 3 {
                    page.role[i] = Role::Boiler(kind);
                    i += 1;
                }
            }
            // A related heading inside the article: the link lines under it.
            BoilerplateKind::Related if page.f(i - 1).words <= 6 => {
                while i < end && (page.f(i).bullet || page.f(i).headline) && !page.f(i).prose {
                    page.role[i] = Role::Boiler(kind);
                    i += 1;
                }
            }
            _ => {}
        }
    }
}

/// Rule 2b: a comment thread at the end of the article zone. A comments
/// heading after article text, followed by comment furniture (ages,
/// "Reply", "Like") and less running text than the article before it,
/// starts the thread: readers' comments are not article text. Returns the
/// new end of the article zone.
fn comment_thread(page: &mut Page, end: usize) -> usize {
    let prose_bytes = |page: &Page, r: std::ops::Range<usize>| -> usize {
        r.filter(|&j| page.f(j).prose && page.role[j] == Role::Unset).map(|j| page.lines[j].span.len()).sum()
    };
    let heading = (0..end).find(|&i| {
        let f = page.f(i);
        f.cue == Some(BoilerplateKind::Comments) && f.words <= 4 && !f.prose && prose_bytes(page, 0..i) > 0
    });
    let Some(c) = heading else { return end };
    let furniture = (c + 1..end).any(|j| page.f(j).stamp.is_some() || page.f(j).cue == Some(BoilerplateKind::Comments));
    let rest = prose_bytes(page, c + 1..end);
    if !furniture || rest == 0 || rest * 2 >= prose_bytes(page, 0..c) {
        return end;
    }
    for j in c..end {
        if page.role[j] == Role::Unset || page.f(j).stamp.is_some() {
            page.role[j] = Role::Boiler(BoilerplateKind::Comments);
        }
    }
    c
}

/// Rule 3: the headline line, its duplicates and the kickers before it.
fn find_headline(page: &mut Page, end: usize, title: Option<&str>) -> Option<usize> {
    let first_prose = (0..end).find(|&i| page.role[i] == Role::Unset && page.f(i).prose);
    let h = match title {
        Some(t) => {
            let want = fold_key(t);
            if want.is_empty() {
                return None;
            }
            // The line equal to the title; else, before the lede, a line that
            // holds the title or is held by it, the shorter at least half the
            // longer and three words (an outlet's suffix " | Example News",
            // a shortened title).
            (0..end).find(|&i| same_key(page.text(i), &want)).or_else(|| {
                let stop = first_prose.unwrap_or(end);
                (0..stop.min(end)).find(|&i| {
                    let f = page.f(i);
                    if page.role[i] != Role::Unset || f.words > 40 {
                        return false;
                    }
                    let have = fold_key(page.text(i));
                    let (short, long) = if have.len() < want.len() { (&have, &want) } else { (&want, &have) };
                    short.len() * 2 >= long.len() && short.split(' ').count() >= 3 && contains_words(long, short)
                })
            })
        }
        None => {
            let first_prose = first_prose?;
            let open = |i: &usize| page.role[*i] == Role::Unset;
            // The first headline-shaped line, or an overline that is not quite
            // headline-shaped ("Candidates vie for vets' support;"), before
            // the lede; shorter lines before it are kickers.
            // A two-word line is a headline only when nothing longer is
            // ("World News" above "Talks resume in Istanbul" is a kicker).
            (0..first_prose)
                .find(|i| {
                    let f = page.f(*i);
                    let lead_in = page.text(*i).ends_with([':', ',']) || f.dateline || f.bullet;
                    open(i) && f.words >= 3 && (f.headline || !lead_in)
                })
                .or_else(|| (0..first_prose).find(|i| open(i) && page.f(*i).headline))
                .or_else(|| short_sentence_headline(page, first_prose, end))
        }
    };
    let h = h?;
    page.role[h] = Role::Headline;
    let key = fold_key(page.text(h));
    for i in 0..end {
        if i != h && page.role[i] == Role::Unset && same_key(page.text(i), &key) {
            page.role[i] = Role::Boiler(BoilerplateKind::DuplicateHeadline);
        }
    }
    // Between the headline and the lede: a short list of names is a byline
    // ("Jane Doe, Reuters"), however it is written.
    let lede = (h + 1..end)
        .find(|&i| page.role[i] == Role::Unset && page.f(i).prose && !page.f(i).speech_intro)
        .unwrap_or(end);
    for i in h + 1..lede {
        let f = page.f(i);
        if page.role[i] == Role::Unset && f.words <= 8 && !f.terminal && is_name_list(page.text(i)) {
            page.role[i] = Role::Boiler(BoilerplateKind::Byline);
        }
    }
    for i in 0..h {
        if page.role[i] == Role::Unset {
            let kind = if page.f(i).name { BoilerplateKind::SectionLabel } else { BoilerplateKind::Navigation };
            page.role[i] = Role::Boiler(kind);
        }
    }
    Some(h)
}

/// Some feeds close every headline with a period ("Trump not walking the
/// walk on his tax claims."). The first running-text line is the headline
/// when it is one short sentence (at most 14 words) and the next text line
/// is longer.
fn short_sentence_headline(page: &Page, first: usize, end: usize) -> Option<usize> {
    let f = page.f(first);
    let text = page.text(first);
    let one_sentence = !text.trim_end_matches('.').contains(". ");
    if f.words > 14 || !text.ends_with('.') || text.ends_with("...") || !one_sentence {
        return None;
    }
    let next = (first + 1..end).find(|&i| page.role[i] == Role::Unset)?;
    (page.f(next).prose && page.f(next).words > f.words + 4).then_some(first)
}

/// Whether the folded key `long` holds `short` at word boundaries.
fn contains_words(long: &str, short: &str) -> bool {
    !short.is_empty()
        && long.match_indices(short).any(|(at, _)| {
            let before = at == 0 || long.as_bytes().get(at - 1) == Some(&b' ');
            let end = at + short.len();
            let after = end == long.len() || long.as_bytes().get(end) == Some(&b' ');
            before && after
        })
}

/// Whether `text` folds to `key`; cheap length check first.
fn same_key(text: &str, key: &str) -> bool {
    let (a, b) = (text.len(), key.len());
    // Folding only shrinks typographic characters and spaces; a line far
    // longer or shorter cannot match.
    a + 8 >= b && a <= b * 2 + 8 && fold_key(text) == key
}

/// Rule 4: runs of short lines in the article zone `start..end`.
fn mark_runs(page: &mut Page, start: usize, end: usize) {
    // Trailing furniture: short non-sentences after the last running text
    // (a page with no running text at all keeps its lines).
    let any_prose = (start..end).any(|i| page.role[i] == Role::Unset && page.f(i).prose);
    let mut i = if any_prose { end } else { start };
    while i > start {
        i -= 1;
        match page.role[i] {
            Role::Boiler(_) => continue,
            // A short sentence ("I think so.") is a closing line, not furniture.
            // A longer line ("... offered their thoughts to the victims:")
            // introduces an embed that was furniture; it is text.
            Role::Unset if !page.f(i).prose && !page.f(i).terminal && !page.f(i).dateline && page.f(i).words <= 10 => {
                page.role[i] = Role::Boiler(BoilerplateKind::Widget)
            }
            _ => break,
        }
    }
    let mut i = start;
    while i < end {
        // The line after a quote introduction ("She said:") is the quote,
        // however short ("Finally"): article text.
        let quoted = i > start && page.f(i - 1).speech_intro && page.role[i - 1] == Role::Text;
        if page.role[i] != Role::Unset || page.f(i).prose || quoted {
            if page.role[i] == Role::Unset {
                page.role[i] = Role::Text;
            }
            i += 1;
            continue;
        }
        let run_end = (i..end).find(|&j| page.role[j] != Role::Unset || page.f(j).prose).unwrap_or(end);
        let very_short = (i..run_end).all(|j| page.f(j).words <= 6);
        if run_end - i >= 3 && very_short {
            for j in i..run_end {
                page.role[j] = Role::Boiler(BoilerplateKind::Navigation);
            }
        } else {
            for j in i..run_end {
                let f = page.f(j);
                page.role[j] = if f.words <= 2 && !f.terminal && !f.dateline && !page.text(j).ends_with(':') {
                    Role::Boiler(if f.name { BoilerplateKind::SectionLabel } else { BoilerplateKind::Navigation })
                } else {
                    Role::Text
                };
            }
        }
        i = run_end;
    }
}

/// What was found for one blurb before building it.
#[derive(Default)]
struct Draft {
    lines: Vec<usize>,
    outlet: Option<Span>,
    age: Option<Span>,
    timestamp: Option<Span>,
    label: Option<Span>,
    headline: Option<usize>,
    text: Vec<usize>,
}

/// Rule 5: cut the tail `start..` into blurbs and furniture.
fn parse_blurbs(page: &mut Page, start: usize) -> Vec<Blurb> {
    let n = page.lines.len();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut cur_prose = false;
    for i in start..n {
        let f = page.f(i);
        let next_is_stamp = i + 1 < n && page.f(i + 1).stamp.is_some();
        // Furniture other than a stamp closes the current group.
        if let Some(kind) = f.furniture().filter(|_| f.stamp.is_none()) {
            page.role[i] = Role::Boiler(kind);
            groups.push(std::mem::take(&mut cur));
            cur_prose = false;
            continue;
        }
        let starts = f.stamp.is_some()
            || f.pair.is_some()
            || (f.name && next_is_stamp)
            || f.headline
            || page.lines[i].blank_before >= 2;
        if cur_prose && starts {
            groups.push(std::mem::take(&mut cur));
            cur_prose = false;
        }
        cur.push(i);
        cur_prose |= f.prose;
    }
    groups.push(cur);

    let mut blurbs = Vec::new();
    for group in groups.into_iter().filter(|g| !g.is_empty()) {
        let Some(last_prose) = group.iter().rposition(|&i| page.f(i).prose) else {
            for &i in &group {
                let kind = if page.f(i).stamp.is_some() { BoilerplateKind::Timestamp } else { BoilerplateKind::Widget };
                page.role[i] = Role::Boiler(kind);
            }
            continue;
        };
        // Lines after the blurb's last running text are not part of it.
        for &i in &group[last_prose + 1..] {
            page.role[i] = Role::Boiler(BoilerplateKind::Widget);
        }
        let draft = draft(page, &group[..=last_prose]);
        let number = blurbs.len() + 1;
        for &i in &draft.lines {
            page.role[i] = Role::Blurb(number);
        }
        blurbs.push(finish(page, number, draft));
    }
    blurbs
}

/// Read the meta lines, headline and text of one blurb group.
fn draft(page: &Page, group: &[usize]) -> Draft {
    let mut d = Draft { lines: group.to_vec(), ..Draft::default() };
    let first_prose = group.iter().position(|&i| page.f(i).prose).unwrap_or(group.len());
    let mut prev_stamp = false;
    for (k, &i) in group.iter().enumerate() {
        let f = page.f(i);
        let span = page.lines[i].span;
        let rel = |s: Span| Span::new(span.start + s.start, span.start + s.end);
        if k >= first_prose {
            d.text.push(i);
            continue;
        }
        let next_is_stamp = group.get(k + 1).is_some_and(|&j| page.f(j).stamp.is_some());
        let this_stamp = f.stamp.is_some() || f.pair.is_some();
        if let Some(stamp) = f.stamp {
            set_stamp(&mut d, stamp, span);
        } else if let Some((name, at, stamp)) = f.pair {
            d.outlet.get_or_insert(rel(name));
            set_stamp(&mut d, stamp, rel(at));
        } else if let Some(name) = f.echo {
            d.outlet.get_or_insert(rel(name));
        } else if f.name && next_is_stamp && d.outlet.is_none() {
            d.outlet = Some(span);
        } else if f.name && prev_stamp && f.words <= 3 && d.label.is_none() {
            d.label = Some(span);
        } else if f.headline && d.text.is_empty() && d.headline.is_none() {
            d.headline = Some(i);
        } else {
            d.text.push(i);
        }
        prev_stamp = this_stamp;
    }
    d
}

fn set_stamp(d: &mut Draft, stamp: Stamp, span: Span) {
    match stamp {
        Stamp::Age => {
            d.age.get_or_insert(span);
        }
        Stamp::Clock | Stamp::Date => {
            d.timestamp.get_or_insert(span);
        }
    }
}

fn finish(page: &Page, number: usize, d: Draft) -> Blurb {
    let first = d.lines.first().map_or(Span::default(), |&i| page.lines[i].span);
    let last = d.lines.last().map_or(first, |&i| page.lines[i].span);
    let headline = d.headline.map(|i| page.lines[i].span);
    let text: Vec<Span> = d.text.iter().map(|&i| page.lines[i].span).collect();
    Blurb {
        number,
        span: first.cover(last),
        outlet: d.outlet,
        age: d.age,
        timestamp: d.timestamp,
        label: d.label,
        section: section(page, headline, &text),
    }
}

/// A section from its headline and text paragraphs.
fn section(page: &Page, headline: Option<Span>, text: &[Span]) -> Section {
    let mut s = Section { headline, ..Section::default() };
    let mut spans = Vec::new();
    for (k, &p) in headline.iter().chain(text).enumerate() {
        s.paragraphs.push(Paragraph { span: p });
        if !page.sentences {
            continue;
        }
        spans.clear();
        segment::sentences_into(page.body, p, &mut spans);
        s.sentences.extend(spans.iter().map(|&span| Sentence { span, paragraph: k }));
    }
    s
}

/// Build the structure from the line roles.
fn build(page: &Page, headline: Option<usize>, blurbs: Vec<Blurb>) -> Structure {
    let n = page.lines.len();
    let text: Vec<usize> = (0..n).filter(|&i| page.role[i] == Role::Text).collect();
    let lede = text.iter().copied().find(|&i| page.f(i).prose && !page.f(i).speech_intro).or(text.first().copied());
    let spans: Vec<Span> = text.iter().map(|&i| page.lines[i].span).collect();
    let main = section(page, headline.map(|h| page.lines[h].span), &spans);

    let mut regions: Vec<Region> = Vec::new();
    let mut i = 0;
    while i < n {
        let span = page.lines[i].span;
        let (kind, boilerplate) = match page.role[i] {
            Role::Headline => (RegionKind::Headline, None),
            Role::Text if Some(i) == lede => (RegionKind::Lede, None),
            Role::Text | Role::Unset => (RegionKind::Body, None),
            Role::Boiler(k) => (RegionKind::Boilerplate, Some(k)),
            Role::Blurb(b) => {
                let span = blurbs.get(b - 1).map_or(span, |bl| bl.span);
                while i < n && page.role[i] == Role::Blurb(b) {
                    i += 1;
                }
                regions.push(Region { kind: RegionKind::Blurb, span, boilerplate: None });
                continue;
            }
        };
        // Adjacent furniture lines of one kind are one region.
        if let (Some(last), Some(_)) = (regions.last_mut(), boilerplate) {
            if last.kind == kind && last.boilerplate == boilerplate && i > 0 && page.role[i - 1] == page.role[i] {
                last.span = last.span.cover(span);
                i += 1;
                continue;
            }
        }
        regions.push(Region { kind, span, boilerplate });
        i += 1;
    }
    Structure { main, regions, blurbs }
}

/// The length of a wire dateline at the start of `text`, through its dash or
/// colon: "MOSCOW, June 25 (Reuters) -", "KYIV, Ukraine (AP) —",
/// "ISLAMABAD:", "Moscow, June 25 (Reuters) -".
pub(crate) fn dateline(text: &str) -> Option<usize> {
    let mut rest = text;
    // Place: capitalised words; all-caps unless a date or agency follows.
    let mut caps = true;
    let mut place_words = 0;
    loop {
        let w_end = rest.find(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(')).unwrap_or(rest.len());
        let w = rest.get(..w_end)?;
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let is_caps = letters >= 2 && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-' | '’'));
        let is_title = letters >= 2 && w.starts_with(char::is_uppercase);
        if !(is_caps || is_title) || place_words == 4 {
            break;
        }
        caps &= is_caps;
        place_words += 1;
        rest = rest.get(w_end..)?;
        if !rest.starts_with(' ')
            || rest.starts_with(" (")
            || rest.starts_with(" -")
            || rest.starts_with(" –")
            || rest.starts_with(" —")
        {
            break;
        }
        rest = rest.get(1..)?;
    }
    if place_words == 0 {
        return None;
    }
    let mut qualified = false;
    // ", Ukraine" / ", June 25" / ", June 25, 2025" (at most two comma parts).
    for _ in 0..2 {
        let Some(after) = rest.strip_prefix(", ") else { break };
        let end = after.find([',', '(', ':', '-', '–', '—']).unwrap_or(after.len());
        let part = after.get(..end)?.trim_end();
        let words: Vec<&str> = part.split_whitespace().collect();
        let month_day = words.len() == 2
            && words[1].bytes().all(|b| b.is_ascii_digit())
            && words[1].len() <= 2
            && words[0].starts_with(char::is_uppercase);
        let region = (1..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase));
        if !(month_day || region) {
            break;
        }
        qualified |= month_day;
        rest = after.get(part.len()..)?;
        // ", 2025"
        if let Some(y) =
            rest.strip_prefix(", ").filter(|y| y.len() >= 4 && y.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        {
            rest = y.get(4..)?;
        }
    }
    // " (Reuters)"
    if let Some(after) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) {
        let close = after.find(')')?;
        let agency = after.get(..close)?;
        if close == 0 || close > 30 || !agency.starts_with(char::is_uppercase) {
            return None;
        }
        qualified = true;
        rest = after.get(close + 1..)?;
    }
    if !caps && !qualified {
        return None;
    }
    // The separator (`_` in some wire feeds), then text or the end of the line.
    let sep = rest.trim_start();
    let sep_len = ["--", "-", "–", "—", ":", "_"].iter().find(|s| sep.starts_with(**s)).map(|s| s.len())?;
    let after_sep = sep.get(sep_len..)?;
    if !(after_sep.is_empty() || after_sep.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(text.len() - after_sep.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("MOSCOW, June 25 (Reuters) - Russia said", Some("MOSCOW, June 25 (Reuters) -")),
            ("ISLAMABAD: The United States on Tuesday", Some("ISLAMABAD:")),
            ("WASHINGTON (AP) — The talks", Some("WASHINGTON (AP) —")),
            ("KYIV, Ukraine (AP) — Russia launched", Some("KYIV, Ukraine (AP) —")),
            ("ST. PETERSBURG, Russia, June 5, 2025 – Officials", Some("ST. PETERSBURG, Russia, June 5, 2025 –")),
            ("Moscow, June 25 (Reuters) - Russia said", Some("Moscow, June 25 (Reuters) -")),
            ("NEW YORK -- Stocks rose", Some("NEW YORK --")),
            ("NAIROBI, Kenya (AP) _", Some("NAIROBI, Kenya (AP) _")),
            ("WASHINGTON _", Some("WASHINGTON _")),
            ("Moscow - Russia said", None),
            ("The talks - which began", None),
            ("Russia and the U.S. met.", None),
            ("US-Russian talks to take place in Moscow", None),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text).map(|n| &text[..n]), *want, "{text}");
        }
    }
}
