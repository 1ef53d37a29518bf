//! Quotation marks: find the top-level quotes of a paragraph in every style
//! news uses (“…”, "…", ‘…’, '…', «…», „…“, ‚…‘).
//!
//! A stack of open marks handles nesting; only top-level quotes are
//! returned (a nested quote is part of its outer quote's content). Straight
//! quotes have no direction, so a mark opens when it stands before a word
//! (after a space, a bracket or a dash) and closes when it stands after one.
//! Single marks double as apostrophes ("Russia's", "we've", "diplomats'"): a
//! single mark between two letters is never a quote, and a single quote left
//! unclosed at the end of the paragraph is taken back and read as an
//! apostrophe. A double quote left open runs to the end of the paragraph,
//! the convention for a quote that continues in the next paragraph.

use crate::Span;

/// The typographic style of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteStyle {
    /// “…”
    Curly,
    /// "…"
    Straight,
    /// ‘…’
    CurlySingle,
    /// '…'
    StraightSingle,
    /// «…» (and ‹…›)
    Guillemets,
    /// „…“ (and ‚…‘)
    Low,
}

impl QuoteStyle {
    fn double(self) -> bool {
        !matches!(self, QuoteStyle::CurlySingle | QuoteStyle::StraightSingle)
    }
}

/// A top-level quote in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Its style (of the opening mark).
    pub style: QuoteStyle,
    /// From the opening mark to the closing mark inclusive.
    pub outer: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
}

/// Which open marks a closing mark can close.
#[derive(Clone, Copy)]
enum Family {
    Guillemets,
    Low,
    Straight,
    Double,
    Single,
}

impl Family {
    const ALL: [Family; 5] = [Family::Guillemets, Family::Low, Family::Straight, Family::Double, Family::Single];

    fn holds(self, s: QuoteStyle) -> bool {
        match self {
            Family::Guillemets => s == QuoteStyle::Guillemets,
            Family::Low => s == QuoteStyle::Low,
            Family::Straight => s == QuoteStyle::Straight,
            Family::Double => s.double(),
            Family::Single => !s.double(),
        }
    }
}

#[derive(Clone, Copy)]
struct Open {
    style: QuoteStyle,
    at: usize,
    len: usize,
}

fn opening_context(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{—–-/\u{2014}\u{2013}:".contains(p) || is_quote_char(p),
    };
    before_ok && next.is_some_and(|n| !n.is_whitespace())
}

fn closing_context(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.map_or(true, |n| !n.is_alphanumeric())
}

pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// The top-level quotes of `text` (a paragraph), with spans offset by `base`
/// (the paragraph's start in the document body).
///
/// ```
/// use dateline::claims::quotes::{find, QuoteStyle};
/// let q = find("«Soon,» he said of Russia's 'dacha'.", 0);
/// assert_eq!(q.len(), 2);
/// assert_eq!(q[0].style, QuoteStyle::Guillemets);
/// assert_eq!(q[1].inner.slice("«Soon,» he said of Russia's 'dacha'."), "dacha");
/// ```
pub fn find(text: &str, base: usize) -> Vec<Quote> {
    // Quote marks are '"', '\'' or start with byte 0xC2 («») or 0xE2 (the U+20xx marks):
    // find the candidates with a byte scan and look only at them. Two apostrophes ('')
    // are one straight double quote, and `` an opening one (typewriter style, as in
    // some wire and archive text).
    let bytes = text.as_bytes();
    let mut marks: Vec<Mark> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => {
                marks.push((i, '"', 2));
                i += 2;
                continue;
            }
            b'`' if bytes.get(i + 1) == Some(&b'`') => {
                marks.push((i, '\u{201C}', 2));
                i += 2;
                continue;
            }
            b'"' | b'\'' | 0xC2 | 0xE2 => {
                if let Some(c) = text.get(i..).and_then(|r| r.chars().next()).filter(|&c| is_quote_char(c)) {
                    marks.push((i, c, c.len_utf8()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    pair(text, base, &marks)
}

/// A candidate quote mark: offset in the paragraph, the character it reads as, its length in bytes.
pub(crate) type Mark = (usize, char, usize);

/// Pair the candidate `marks` of `text` into top-level quotes (see [`find`]).
pub(crate) fn pair(text: &str, base: usize, marks: &[Mark]) -> Vec<Quote> {
    let mut ignore: Vec<usize> = Vec::new();
    let closers = later_closers(text, marks);
    // Each pass either succeeds or takes back one unpaired single mark; a paragraph has few.
    for _ in 0..8 {
        match scan(text, base, marks, &closers, &ignore) {
            Ok(quotes) => return quotes,
            Err(at) => ignore.push(at),
        }
    }
    Vec::new()
}

/// One pass. `Err(at)` names an unpaired single mark to read as an apostrophe next time.
fn scan(text: &str, base: usize, marks: &[Mark], closers: &[bool], ignore: &[usize]) -> Result<Vec<Quote>, usize> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Per family, the stack indices of the open marks it holds (innermost last), so that
    // finding what a mark closes does not walk a deep stack of unclosed marks.
    let mut fams: [Vec<usize>; 5] = Default::default();
    for (mi, &(i, c, len)) in marks.iter().enumerate() {
        if ignore.contains(&i) {
            continue;
        }
        let prev = text.get(..i).and_then(|r| r.chars().next_back());
        let next = text.get(i + len..).and_then(|r| r.chars().next());
        let opening = opening_context(prev, next);
        let closing = closing_context(prev, next);
        let top = stack.last().map(|o| o.style);
        let has = |f: Family| !fams[f as usize].is_empty();
        let mut close_where: Option<Family> = None;
        let mut open_as: Option<QuoteStyle> = None;
        match c {
            '\u{AB}' => open_as = Some(QuoteStyle::Guillemets),
            '\u{2039}' if opening => open_as = Some(QuoteStyle::Guillemets),
            '\u{BB}' | '\u{203A}' => close_where = Some(Family::Guillemets),
            '\u{201E}' => open_as = Some(QuoteStyle::Low),
            '\u{201A}' if opening => open_as = Some(QuoteStyle::Low),
            '\u{201C}' => {
                if top == Some(QuoteStyle::Low) {
                    close_where = Some(Family::Low);
                } else if opening {
                    open_as = Some(QuoteStyle::Curly);
                } else if closing {
                    close_where = Some(Family::Double);
                }
            }
            '\u{201D}' => {
                if has(Family::Double) && (closing || !opening) {
                    close_where = Some(Family::Double);
                } else if opening {
                    open_as = Some(QuoteStyle::Curly);
                }
            }
            '"' => {
                let straight_open = fams[Family::Double as usize].last().map(|&k| stack[k].style);
                if straight_open == Some(QuoteStyle::Straight) && (closing || !opening) {
                    close_where = Some(Family::Straight);
                } else if opening {
                    open_as = Some(QuoteStyle::Straight);
                } else if closing && straight_open.is_some() {
                    close_where = Some(Family::Double);
                }
            }
            '\u{2018}' => {
                if top == Some(QuoteStyle::Low) && closing {
                    close_where = Some(Family::Low);
                } else if opening {
                    open_as = Some(QuoteStyle::CurlySingle);
                }
            }
            '\u{2019}' | '\'' => {
                let letters_both_sides =
                    prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                // A plural possessive ("the ministers’ list") inside a single-quoted quote is an
                // apostrophe when a later mark can close the quote.
                let plural_possessive =
                    matches!(prev, Some('s' | 'S')) && next.is_some_and(char::is_whitespace) && closers[mi];
                if letters_both_sides || plural_possessive {
                    // An apostrophe: Russia's, we've, ministers' (see above).
                } else if closing && has(Family::Single) {
                    close_where = Some(Family::Single);
                } else if opening && !prev.is_some_and(char::is_alphanumeric) {
                    open_as = Some(if c == '\'' { QuoteStyle::StraightSingle } else { QuoteStyle::CurlySingle });
                }
            }
            _ => {}
        }
        if let Some(style) = open_as {
            for f in Family::ALL.into_iter().filter(|f| f.holds(style)) {
                fams[f as usize].push(stack.len());
            }
            stack.push(Open { style, at: i, len });
        } else if let Some(f) = close_where {
            if let Some(&k) = fams[f as usize].last() {
                let open = stack[k];
                stack.truncate(k);
                for fam in &mut fams {
                    while fam.last().is_some_and(|&x| x >= k) {
                        fam.pop();
                    }
                }
                if stack.is_empty() {
                    out.push(Quote {
                        style: open.style,
                        outer: Span::new(base + open.at, base + i + len),
                        inner: Span::new(base + open.at + open.len, base + i),
                        closed: true,
                    });
                }
            }
        }
    }
    // An unpaired single mark was an apostrophe after all: take back the innermost.
    if let Some(&k) = fams[Family::Single as usize].last() {
        return Err(stack[k].at);
    }
    if let Some(open) = stack.first() {
        let end = text.trim_end().len();
        out.push(Quote {
            style: open.style,
            outer: Span::new(base + open.at, base + end),
            inner: Span::new(base + open.at + open.len, base + end),
            closed: false,
        });
    }
    Ok(out)
}

/// Per mark, whether a later mark of the same single-quote character stands in
/// closing position (after a non-space other than `s`, before a non-letter) on
/// the same line: one backward pass over the marks instead of a scan of the
/// rest of the paragraph per mark.
fn later_closers(text: &str, marks: &[Mark]) -> Vec<bool> {
    let mut out = vec![false; marks.len()];
    // The nearest later closer of each single-quote character, and the nearest later line break.
    let (mut straight, mut curly): (Option<usize>, Option<usize>) = (None, None);
    let mut newline = text.len();
    let mut scanned = text.len();
    for (m, &(i, c, len)) in marks.iter().enumerate().rev() {
        // Line breaks between this mark and the one after it.
        if let Some(nl) = text.get(i + len..scanned).and_then(|r| r.find('\n')) {
            newline = i + len + nl;
        }
        scanned = i;
        let later = match c {
            '\'' => straight,
            '\u{2019}' => curly,
            _ => None,
        };
        out[m] = later.is_some_and(|at| at < newline);
        if matches!(c, '\'' | '\u{2019}') && len == c.len_utf8() {
            let prev = text.get(..i).and_then(|r| r.chars().next_back());
            let next = text.get(i + len..).and_then(|r| r.chars().next());
            if closing_context(prev, next) && !matches!(prev, Some('s' | 'S')) {
                if c == '\'' {
                    straight = Some(i);
                } else {
                    curly = Some(i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text, 0).iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn every_style_is_found() {
        assert_eq!(inner("“A b,” he said."), ["A b,"]);
        assert_eq!(inner("\"A b,\" he said."), ["A b,"]);
        assert_eq!(inner("‘A b,’ he said."), ["A b,"]);
        assert_eq!(inner("'A b,' he said."), ["A b,"]);
        assert_eq!(inner("«A b,» he said."), ["A b,"]);
        assert_eq!(inner("„A b,“ he said."), ["A b,"]);
    }

    #[test]
    fn doubled_apostrophes_are_a_double_quote() {
        assert_eq!(inner("''It's more tinkering,'' said Alan Cole."), ["It's more tinkering,"]);
        assert_eq!(inner("``Yes,'' he said."), ["Yes,"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(inner("Russia's envoy said we've seen the diplomats' cars."), Vec::<&str>::new());
        assert_eq!(inner("'We've noted Russia's view,' she said."), ["We've noted Russia's view,"]);
        assert_eq!(inner("Russia’s envoy: ‘We’ll see the ministers’ list.’"), ["We’ll see the ministers’ list."]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_quote() {
        let t = "\"He asked: “Do you think ‘soon’ is enough?” Yes.\" Then he left.";
        assert_eq!(inner(t), ["He asked: “Do you think ‘soon’ is enough?” Yes."]);
    }

    #[test]
    fn an_open_double_quote_runs_to_the_end_of_the_paragraph() {
        let q = find("“The talks will go on. We hope so.", 0);
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(q[0].inner.slice("“The talks will go on. We hope so."), "The talks will go on. We hope so.");
    }

    #[test]
    fn spans_are_offset_by_the_paragraph_start() {
        let body = "Intro.\n«Soon.»";
        let q = find(&body[7..], 7);
        assert_eq!(q[0].outer.slice(body), "«Soon.»");
    }
}
