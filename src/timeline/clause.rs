//! The clause of a sentence around a passing date, and the text shown for it.

use unicode_segmentation::UnicodeSegmentation;

use crate::Span;

/// Words that open a new clause: a date's clause stops before them.
const CLAUSE_WORDS: &[&str] =
    &["and", "but", "or", "since", "after", "before", "following", "while", "when", "which", "who", "where", "until"];
/// Clause openers dropped from the front of a clause shown as event text.
const DROP_OPENERS: &[&str] = &["and", "but", "or", "since", "after", "following", "while", "when", "until"];
/// A clause shorter than this many words is shown as its whole sentence.
const MIN_CLAUSE_WORDS: usize = 4;

fn is_clause_punct(tok: &str) -> bool {
    matches!(tok, "," | ";" | ":" | "(" | ")" | "[" | "]" | "\u{2013}" | "\u{2014}" | "\u{2015}")
}

/// The clause of `sentence` around `expr`: bounded by clause punctuation or a
/// word that opens a new clause ("and", "since", "which", ...), never cutting `expr`.
pub(crate) fn clause_span(body: &str, sentence: Span, expr: Span) -> Span {
    let text = sentence.slice(body);
    let (mut left, mut right) = (sentence.start, sentence.end);
    for (i, tok) in text.split_word_bound_indices() {
        let (s, e) = (sentence.start + i, sentence.start + i + tok.len());
        let cut = if is_clause_punct(tok) {
            Some((s, e))
        } else if CLAUSE_WORDS.iter().any(|w| tok.eq_ignore_ascii_case(w)) {
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
