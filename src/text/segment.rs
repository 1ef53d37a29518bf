//! Lines, paragraphs, sentences and words, with byte spans into the body.
//!
//! Sentences start from the Unicode sentence-boundary candidates (UAX #29)
//! that `unicode-segmentation` gives, computed by a byte scan that
//! reproduces them (tests compare the two on the sample pages and on random
//! news-like text) at several times the speed. UAX #29 already keeps
//! decimals ("3.5"), lower-case continuations ("the U.S. embassy") and
//! closing quotes (`.”`, `.»`) right. UAX #29 knows no abbreviations, so every candidate boundary
//! after a period is checked against `data/text/abbreviations.txt`:
//!
//! - titles and month abbreviations ("Mr.", "Gen.", "St.", "Feb.") and single
//!   capital initials ("J. R. R. Tolkien") never end a sentence;
//! - "No.", "Vol." and the like end none before a number;
//! - acronyms with inner periods ("U.S.", "U.N.") and words such as "Inc."
//!   or "a.m." end a sentence only when the next word is a usual sentence
//!   starter ("The", "But", "He", from `data/text/sentence_starters.txt`),
//!   so "U.S. Secretary of State" stays one sentence and "… in the U.S. The
//!   talks …" is two;
//! - a candidate with no space before it ("U.S.-Russia") is kept only when a
//!   lower-case word runs straight into a capital ("restrictions.Officials");
//! - a short tag after a quoted question (`"Why?" she asked.`) stays with it.
//!
//! Sentences never cross paragraphs: they are found inside one paragraph
//! span. Ellipses follow UAX #29 ("..." before a capital ends a sentence,
//! "…" does not), a documented limit.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::Span;

/// How an abbreviation behaves before a candidate sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Never ends a sentence ("Mr.", "Feb.", "e.g.").
    Never,
    /// Ends no sentence before a number ("No. 10").
    BeforeNumber,
    /// Ends a sentence only before a usual sentence starter ("Inc.", "U.S.").
    Ambiguous,
}

struct Lexicon {
    abbrevs: HashMap<&'static str, Abbrev>,
    starters: HashSet<&'static str>,
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut abbrevs = HashMap::new();
        for line in data_lines(include_str!("../../data/text/abbreviations.txt")) {
            let Some((class, word)) = line.split_once('\t') else { continue };
            let class = match class {
                "title" | "month" | "inline" => Abbrev::Never,
                "number" => Abbrev::BeforeNumber,
                _ => Abbrev::Ambiguous,
            };
            // A word listed twice keeps its most permissive class ("Sec." the
            // title wins over "Sec. 5").
            abbrevs.entry(word).or_insert(class);
        }
        let starters = data_lines(include_str!("../../data/text/sentence_starters.txt")).collect();
        Lexicon { abbrevs, starters }
    })
}

/// Closing punctuation that may follow a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{203A}' | '\u{201C}')
}

/// Opening punctuation that may precede a word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{2039}' | '\u{201E}')
}

/// The word a candidate sentence ends with, before its final period:
/// `"(Gen."` gives `"Gen"`, `"the U.S."` gives `"U.S"`.
fn last_word(core: &str) -> &str {
    let core = core.strip_suffix('.').unwrap_or(core);
    // Look back at most 64 bytes: no abbreviation is longer, and an
    // unbounded look-back would make a run of glued stops quadratic.
    let mut from = core.len().saturating_sub(64);
    while !core.is_char_boundary(from) {
        from += 1;
    }
    let core = core.get(from..).unwrap_or("");
    let start = core.rfind(|c: char| c.is_whitespace() || is_opener(c) || c == '/').map_or(0, |i| {
        // The separator is a single char; step over it.
        i + core[i..].chars().next().map_or(1, char::len_utf8)
    });
    core.get(start..).unwrap_or("")
}

/// The first word of `next` with leading openers dropped.
fn first_word(next: &str) -> &str {
    let s = next.trim_start().trim_start_matches(is_opener);
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Whether `word` (without its final period) is an acronym with inner periods
/// such as `U.S`, `U.N`, `a.m`: letter groups of one or two letters.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// Whether a UAX #29 candidate boundary between `prev` (with its trailing
/// spaces) and `next` is a real sentence boundary.
fn is_boundary(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    let spaced = p.len() != prev.len();
    let core = p.trim_end_matches(is_closer);
    let closed = core.len() != p.len();
    let next_starts_upper = next.chars().next().is_some_and(char::is_uppercase);
    if core.ends_with(['?', '!']) {
        // `"Why?" she asked.`: a short attribution tag after a quoted question.
        let words = next.split_whitespace().count();
        return !(closed && words <= 3 && next.trim_end().ends_with('.'));
    }
    if !core.ends_with('.') || core.ends_with("...") {
        return true;
    }
    let word = last_word(core);
    if !spaced {
        // "U.S.-Russia", "U.S.'s": no space, no boundary, unless a lower-case
        // word runs into a capital ("restrictions.Officials").
        let lower_word = word.chars().count() >= 2 && word.chars().all(char::is_lowercase);
        return next_starts_upper && lower_word;
    }
    let lex = lexicon();
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false; // an initial: "J. R. R. Tolkien", "Donald J. Trump"
        }
    }
    let class = lex.abbrevs.get(word).copied().or_else(|| is_dotted_acronym(word).then_some(Abbrev::Ambiguous));
    match class {
        None => true,
        Some(Abbrev::Never) => false,
        Some(Abbrev::BeforeNumber) => !next.trim_start().starts_with(|c: char| c.is_ascii_digit()),
        Some(Abbrev::Ambiguous) => lex.starters.contains(first_word(next)),
    }
}

/// Whether `c` is a UAX #29 `Close` character: opening and closing
/// brackets and quotation marks.
fn is_uax_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{AB}' | '\u{BB}' | '\u{2018}'
            ..='\u{201F}' | '\u{2039}' | '\u{203A}'
    )
}

/// Whether `c` is a UAX #29 `SContinue` character (punctuation that
/// continues a sentence after a stop: "etc., and").
fn is_scontinue(c: char) -> bool {
    matches!(
        c,
        ',' | '-'
            | ':'
            | ';'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{FE13}'
            | '\u{FF0C}'
            | '\u{FF0D}'
            | '\u{FF1A}'
            | '\u{FF1B}'
    )
}

/// The UAX #29 sentence-boundary candidates of `text` (one paragraph with no
/// line breaks), as `(offset, piece)` like
/// `UnicodeSegmentation::split_sentence_bound_indices`.
///
/// A byte scan implementing the rules that decide English news text
/// (SB6–SB11: a stop, closing punctuation, spaces, then no lower-case letter
/// and no continuing punctuation), about ten times faster than the general
/// table-driven segmenter; `candidates_match_unicode_segmentation` checks
/// that both give the same candidates on the sample pages. Limit: stops of
/// other scripts ("。", "।") are not candidates.
pub(crate) fn candidates(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut start = 0;
    let mut from = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let bytes = text.as_bytes();
        while let Some(rel) = bytes.get(from..)?.iter().position(|&b| matches!(b, b'.' | b'!' | b'?')) {
            let stop = from + rel;
            let rest = text.get(stop..)?;
            // The run of stops, then closing punctuation, then spaces.
            let after_stops = rest.find(|c: char| !matches!(c, '.' | '!' | '?')).unwrap_or(rest.len());
            let last_stop = rest.get(..after_stops).and_then(|r| r.chars().next_back());
            let closed = rest.get(after_stops..)?;
            let after_close = closed.find(|c: char| !is_uax_close(c)).unwrap_or(closed.len());
            let spaced = closed.get(after_close..)?;
            let after_space = spaced.find(|c: char| !c.is_whitespace()).unwrap_or(spaced.len());
            let next_at = stop + after_stops + after_close + after_space;
            from = next_at.max(stop + 1);
            if next_at >= text.len() {
                break;
            }
            let next = text.get(next_at..)?;
            let first = next.chars().next()?;
            if is_scontinue(first) || matches!(first, '.' | '!' | '?') {
                continue; // SB8a
            }
            if last_stop == Some('.') {
                if after_close == 0 && after_space == 0 {
                    // SB6 "3.5"; SB7 "U.S" (a letter, the period, a capital).
                    let before = text.get(..stop + after_stops - 1).and_then(|b| b.chars().next_back());
                    if first.is_numeric() || before.is_some_and(char::is_alphabetic) && first.is_uppercase() {
                        continue;
                    }
                }
                // SB8: after a period, the next letter (skipping digits and
                // punctuation) in lower case continues the sentence.
                let letter = next.chars().find(|c| c.is_alphabetic() || matches!(c, '.' | '!' | '?'));
                if letter.is_some_and(char::is_lowercase) {
                    continue;
                }
            }
            let piece = text.get(start..next_at)?;
            let at = start;
            start = next_at;
            return Some((at, piece));
        }
        let at = start;
        start = text.len();
        Some((at, text.get(at..)?))
    })
}

/// The offset just after a stop glued to the next sentence in `candidate`
/// ("sanctions.Officials"): a lower-case word of two or more letters, a
/// period, then a capitalised word with a lower-case second letter.
fn glued_stop(candidate: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = candidate.get(from..)?.find('.').map(|i| i + from) {
        from = i + 1;
        let before = candidate.get(..i)?;
        let after = candidate.get(i + 1..)?;
        let mut next = after.chars();
        let (Some(a), Some(b)) = (next.next(), next.next()) else { continue };
        let word = last_word(before);
        let lower_word = word.len() >= 2 && word.chars().all(|c| c.is_lowercase());
        if lower_word && a.is_uppercase() && b.is_lowercase() && !lexicon().abbrevs.contains_key(word) {
            return Some(i + 1);
        }
    }
    None
}

/// Trim white space from both ends of `span` in `body`.
pub(crate) fn trim(body: &str, span: Span) -> Span {
    let text = span.slice(body);
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    Span::new(start, end)
}

/// Append the sentences of one paragraph to `out`: trimmed spans inside
/// `paragraph`. An empty or out-of-range paragraph yields none.
pub fn sentences_into(body: &str, paragraph: Span, out: &mut Vec<Span>) {
    let Some(text) = body.get(paragraph.start..paragraph.end) else { return };
    // A paragraph wrapped over several lines: UAX #29 breaks at every line
    // break, so segment a copy with each '\n' and '\r' turned into a space
    // (same byte length, so offsets stay valid).
    let unwrapped;
    let text = if text.bytes().any(|b| b == b'\n' || b == b'\r') {
        unwrapped = text.replace(['\n', '\r'], " ");
        unwrapped.as_str()
    } else {
        text
    };
    let mut start = 0usize;
    let mut prev: Option<&str> = None;
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let s = trim(body, Span::new(paragraph.start + from, paragraph.start + to));
        if !s.is_empty() {
            out.push(s);
        }
    };
    for (at, candidate) in candidates(text) {
        if prev.is_some_and(|p| is_boundary(p, candidate)) {
            push(start, at, out);
            start = at;
        }
        // UAX #29 does not break "sanctions.Officials"; scrapes often lose
        // that space.
        if let Some(glued) = glued_stop(candidate) {
            push(start, at + glued, out);
            start = at + glued;
        }
        prev = Some(candidate);
    }
    let s = trim(body, Span::new(paragraph.start + start, paragraph.end));
    if !s.is_empty() {
        out.push(s);
    }
}

/// The sentences of one paragraph, as trimmed spans inside it.
///
/// ```
/// use dateline::{text::segment::sentences, Span};
/// let p = "Gen. Smith met U.S. Secretary of State Rubio in St. Petersburg. The talks ended.";
/// let s: Vec<&str> = sentences(p, Span::new(0, p.len())).iter().map(|s| s.slice(p)).collect();
/// assert_eq!(s, ["Gen. Smith met U.S. Secretary of State Rubio in St. Petersburg.", "The talks ended."]);
/// ```
pub fn sentences(body: &str, paragraph: Span) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(body, paragraph, &mut out);
    out
}

/// One physical line of a body: its trimmed span and how many blank lines
/// precede it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub span: Span,
    pub blank_before: usize,
}

/// The non-blank lines of `body` (trimmed), with the number of blank lines
/// before each.
pub(crate) fn lines(body: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blanks = 0;
    for raw in body.split_inclusive('\n') {
        let span = trim(body, Span::new(pos, pos + raw.len()));
        pos += raw.len();
        if span.is_empty() {
            blanks += 1;
        } else {
            out.push(Line { span, blank_before: blanks });
            blanks = 0;
        }
    }
    out
}

/// Whether `text` ends a sentence (final stop, optionally closed by quotes).
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end().trim_end_matches(is_closer).ends_with(['.', '!', '?', '\u{2026}'])
}

/// The wrap width of a hard-wrapped text (every line at most 100
/// characters, at least half of the lines of 20 characters or more within
/// 15 characters of the longest, and at least half of those ending inside a
/// sentence), or `None`.
fn wrap_width(body: &str, lines: &[Line]) -> Option<usize> {
    // Byte lengths bound character counts from above: a line over 400 bytes
    // rules wrapping out without counting.
    if lines.iter().any(|l| l.span.len() > 400) {
        return None;
    }
    let lens: Vec<usize> = lines.iter().map(|l| l.span.slice(body).chars().count()).collect();
    let width = *lens.iter().max()?;
    if !(40..=100).contains(&width) {
        return None;
    }
    let long = lens.iter().filter(|&&n| n >= 20).count();
    let full = lens.iter().filter(|&&n| n + 15 >= width).count();
    // Wrapped lines mostly break inside a sentence; lines that all end one
    // are paragraphs that happen to be short.
    let open = lines.iter().zip(&lens).filter(|(l, &n)| n + 15 >= width && !ends_sentence(l.span.slice(body))).count();
    (long >= 3 && full * 2 >= long && open * 2 >= full).then_some(width)
}

/// Join physical lines into logical ones where a paragraph was wrapped, with
/// no blank line between: the next line starts with a lower-case letter and
/// the line before does not end a sentence or a clause; or the text is
/// hard-wrapped (see `wrap_width`) and the line before is nearly full
/// (paragraphs of wrapped text are separated by blank lines).
pub(crate) fn logical_lines(body: &str) -> Vec<Line> {
    let physical = lines(body);
    let width = wrap_width(body, &physical);
    let mut out: Vec<Line> = Vec::new();
    // Whether the last physical line added to `out` was nearly full.
    let mut last_full = false;
    for line in physical {
        let text = line.span.slice(body);
        let full = width.is_some_and(|w| text.len() + 15 >= w && text.chars().count() + 15 >= w);
        if let Some(last) = out.last_mut() {
            let prev = last.span.slice(body);
            let lower = text.starts_with(char::is_lowercase)
                && prev.split_whitespace().count() >= 4
                && !ends_sentence(prev)
                && !prev.ends_with([':', ';']);
            let bullet = text.starts_with(['•', '-', '*', '–', '—', '·']);
            if line.blank_before == 0 && !bullet && (lower || last_full) {
                last.span = last.span.cover(line.span);
                last_full = full;
                continue;
            }
        }
        last_full = full;
        out.push(line);
    }
    out
}

/// The paragraphs of `body`: each non-blank line is a paragraph (news pages
/// separate paragraphs with a blank line or a single newline), except that a
/// line wrapped inside a sentence (the next line starts in lower case) joins
/// the next one.
///
/// ```
/// use dateline::text::segment::paragraphs;
/// let body = "First line.\nThis second line is\nwrapped here.\n\nThird.";
/// let p: Vec<&str> = paragraphs(body).iter().map(|s| s.slice(body)).collect();
/// assert_eq!(p, ["First line.", "This second line is\nwrapped here.", "Third."]);
/// ```
pub fn paragraphs(body: &str) -> Vec<Span> {
    logical_lines(body).into_iter().map(|l| l.span).collect()
}

/// The words of `text` (Unicode word boundaries; tokens with at least one
/// letter or digit), as spans relative to `text`.
///
/// ```
/// use dateline::text::segment::words;
/// let t = "Russia's U.S.-Russia talks, 2025.";
/// let w: Vec<&str> = words(t).map(|s| s.slice(t)).collect();
/// assert_eq!(w, ["Russia's", "U.S", "Russia", "talks", "2025"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(at, w)| Span::new(at, at + w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentence cases: a paragraph with ` | ` marking the expected boundaries.
    const SENTENCE_CASES: &str = include_str!("../../tests/data/structure/sentences.txt");

    #[test]
    fn sentence_table() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in SENTENCE_CASES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            n += 1;
            let expected: Vec<&str> = line.split(" | ").collect();
            let text = expected.join(" ");
            let got: Vec<String> =
                sentences(&text, Span::new(0, text.len())).iter().map(|s| s.slice(&text).to_string()).collect();
            if got != expected {
                failures.push(format!("{line}\n   got: {}", got.join(" | ")));
            }
        }
        assert!(n >= 30, "table has {n} cases");
        assert!(failures.is_empty(), "{} of {n} cases failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn candidates_match_unicode_segmentation() {
        let corpora = [
            include_str!("../../examples/data/seeds.corpus"),
            include_str!("../../tests/data/structure/pages.corpus"),
            SENTENCE_CASES,
        ];
        // Cases proptest once found: a stop glued to a capital, stops after a closing quote.
        let found = "?A\n.\u{201D}.\na.A\nU.S.A\n3.5\n\"Why?\" she asked.";
        let mut n = 0;
        for line in corpora.iter().chain([&found]).flat_map(|c| c.lines()) {
            let ours: Vec<(usize, &str)> = candidates(line).collect();
            let uax: Vec<(usize, &str)> = line.split_sentence_bound_indices().collect();
            assert_eq!(ours, uax, "{line}");
            n += ours.len();
        }
        assert!(n > 400, "{n} candidates compared");
    }

    proptest::proptest! {
        #[test]
        fn candidates_match_unicode_segmentation_on_news_like_text(
            text in "([A-Za-z]{1,6}|[0-9]{1,3}|[ .!?,;:'\"()\u{201D}\u{2019}\u{BB}\u{AB}\u{2013}\u{A0}-]){0,40}"
        ) {
            let ours: Vec<(usize, &str)> = candidates(&text).collect();
            let uax: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            proptest::prop_assert_eq!(ours, uax);
        }
    }

    #[test]
    fn sentences_stay_inside_their_paragraph() {
        let body = "One. Two.\nThree. Four.";
        let s = sentences(body, Span::new(0, 9));
        assert_eq!(s, [Span::new(0, 4), Span::new(5, 9)]);
    }

    #[test]
    fn missing_space_after_a_lower_case_word_still_ends_a_sentence() {
        let p = "hampered by sanctions.Officials also signalled more talks.";
        let s: Vec<&str> = sentences(p, Span::new(0, p.len())).iter().map(|s| s.slice(p)).collect();
        assert_eq!(s, ["hampered by sanctions.", "Officials also signalled more talks."]);
    }

    #[test]
    fn out_of_range_paragraph_gives_no_sentences() {
        assert!(sentences("é", Span::new(0, 1)).is_empty());
        assert!(sentences("abc", Span::new(2, 40)).is_empty());
    }

    #[test]
    fn blank_line_counts_are_kept() {
        let l = lines("\na\n\n\nb\n");
        assert_eq!(
            l,
            [Line { span: Span::new(1, 2), blank_before: 1 }, Line { span: Span::new(5, 6), blank_before: 2 }]
        );
    }

    #[test]
    fn wrapped_line_joins_only_before_lower_case() {
        let body = "The talks in Istanbul were\nconstructive, officials said.\nNext paragraph.";
        assert_eq!(paragraphs(body).len(), 2);
        let body = "A headline without a stop\nThe lede follows.";
        assert_eq!(paragraphs(body).len(), 2);
    }
}
