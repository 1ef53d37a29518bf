//! The clause of a sentence around a passing date, and the text shown for it.

use unicode_segmentation::UnicodeSegmentation;

use crate::Span;

/// Words that open a new clause: a date's clause stops before them.
const CLAUSE_WORDS: &[&str] = &[
    "and",
    "but",
    "or",
    "since",
    "after",
    "before",
    "following",
    "while",
    "when",
    "which",
    "who",
    "that",
    "where",
    "until",
];
/// Clause openers dropped from the front of a clause shown as event text.
const DROP_OPENERS: &[&str] = &["and", "but", "or", "since", "after", "following", "while", "when", "until"];
/// A clause shorter than this many words is shown as its whole sentence.
const MIN_CLAUSE_WORDS: usize = 4;

/// How many bytes on each side of a date its clause may reach.
pub(crate) const WINDOW: usize = 400;

/// `sentence` cut to at most `max` bytes on each side of `expr`, at character boundaries.
pub(crate) fn window(body: &str, sentence: Span, expr: Span, max: usize) -> Span {
    let mut start = sentence.start.max(expr.start.saturating_sub(max));
    while start < expr.start && !body.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(expr.end.saturating_add(max)).max(expr.end.min(sentence.end));
    while end > expr.end && !body.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(expr.start), end)
}

/// Weekday and month names: "and" after one joins a list of dates.
fn is_date_word(w: &str) -> bool {
    crate::lexicon::is_month_or_weekday(&w.to_ascii_lowercase())
}

fn is_clause_punct(tok: &str) -> bool {
    matches!(tok, "," | ";" | ":" | "(" | ")" | "[" | "]" | "\u{2013}" | "\u{2014}" | "\u{2015}")
}

/// The clause of `sentence` around `expr`: bounded by clause punctuation or a
/// word that opens a new clause ("and", "since", "which", ...), never cutting `expr`.
pub(crate) fn clause_span(body: &str, sentence: Span, expr: Span) -> Span {
    // Only the text within WINDOW bytes of the expression is read, so a
    // sentence listing thousands of dates costs linear time, not quadratic.
    let sentence = window(body, sentence, expr, WINDOW);
    let text = sentence.slice(body);
    let (mut left, mut right) = (sentence.start, sentence.end);
    let toks: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    // The words around token `k`, skipping spaces.
    let word = |k: usize, back: bool| -> &str {
        let mut j = k;
        loop {
            j = if back { j.checked_sub(1) } else { Some(j + 1) }.filter(|&j| j < toks.len()).unwrap_or(usize::MAX);
            match toks.get(j) {
                Some((_, t)) if t.trim().is_empty() => continue,
                Some((_, t)) => return t,
                None => return "",
            }
        }
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for (k, &(i, tok)) in toks.iter().enumerate() {
        let (s, e) = (sentence.start + i, sentence.start + i + tok.len());
        // "and"/"or" inside a name ("Commerce and Industry") or a list of
        // dates ("Tuesday and Wednesday") joins, it does not open a clause.
        let joins = (tok.eq_ignore_ascii_case("and") || tok.eq_ignore_ascii_case("or"))
            && (capital(word(k, true)) && capital(word(k, false)) || is_date_word(word(k, true)));
        let cut = if is_clause_punct(tok) {
            Some((s, e))
        } else if !joins && CLAUSE_WORDS.iter().any(|w| tok.eq_ignore_ascii_case(w)) {
            Some((s, s))
        } else {
            None
        };
        if let Some((cs, ce)) = cut {
            if ce <= expr.start && cs < expr.start {
                left = left.max(ce);
            } else if cs >= expr.end {
                right = right.min(cs);
            }
        }
    }
    // A relative clause ("that struck the coast over the weekend") ends with
    // its date: what follows is the main clause's verb ("has risen to 413").
    let opener = body.get(left..right).and_then(|t| t.unicode_words().next()).unwrap_or("");
    let possessive = body.get(expr.end..).is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
    if !possessive && ["that", "which", "who"].iter().any(|w| opener.eq_ignore_ascii_case(w)) {
        right = right.min(expr.end.max(left));
    }
    Span::new(left, right)
}

/// The text to show for a clause statement, and its span: the clause without
/// a leading coordinator or trailing punctuation, or the whole sentence when
/// the clause is too short to stand alone.
pub(crate) fn clause_text(body: &str, sentence: Span, clause: Span) -> (String, Span) {
    let raw = clause.slice(body);
    let mut start = clause.start + (raw.len() - raw.trim_start().len());
    let first = body.get(start..clause.end).and_then(|t| t.unicode_words().next()).unwrap_or("");
    if DROP_OPENERS.iter().any(|w| first.eq_ignore_ascii_case(w)) {
        start += first.len();
    }
    let kept = body.get(start..clause.end).unwrap_or("");
    let trimmed = kept.trim().trim_end_matches(['.', ',', ';', ':']).trim_end();
    let lead = kept.len() - kept.trim_start().len();
    if trimmed.unicode_words().count() < MIN_CLAUSE_WORDS {
        return (sentence.slice(body).trim().to_string(), sentence);
    }
    let s = start + lead;
    (trimmed.to_string(), Span::new(s, s + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause_of(body: &str, expr: &str) -> String {
        let at = body.find(expr).unwrap();
        clause_span(body, Span::new(0, body.len()), Span::new(at, at + expr.len())).slice(body).to_string()
    }

    #[test]
    fn and_inside_a_name_or_a_list_of_days_does_not_cut_the_clause() {
        let b = "Prices fell 2 per cent, the Ministry of Trade and Industry said on Monday, 16 January.";
        assert_eq!(clause_of(b, "on Monday"), " the Ministry of Trade and Industry said on Monday");
        let b = "Showers Tuesday and Wednesday of up to two inches for the coast.";
        assert_eq!(clause_of(b, "Wednesday"), b);
    }

    #[test]
    fn a_relative_clause_ends_with_its_date() {
        let b = "The toll from the flood that hit the valley over the weekend rose to 40.";
        assert_eq!(clause_of(b, "over the weekend"), "that hit the valley over the weekend");
    }
}
