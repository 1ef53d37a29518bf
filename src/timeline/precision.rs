//! Which sentences can be events and which dates can anchor them.
//!
//! Rules applied by [`statements`](super::build::statements) before a
//! sentence becomes a dated statement, each one a pattern an editor can check:
//!
//! - **Not an event**: a photo caption or credit (a marker from
//!   `nonevents.txt`: "(Photo: ...)", "Getty Images", "looks on"), a masthead
//!   or navigation line (a `|` separator, or hardly any lower-case words: "THE
//!   DAILY NEWS | Thursday, July 4, 2024"), a fragment (no closing
//!   punctuation and either fewer than [`UNPUNCTUATED_MIN_WORDS`] words or
//!   a function word last, or fewer than [`MIN_EVENT_WORDS`] words at all).
//! - **A bound, not a date**: a date right after "since", "until" or "till"
//!   ("the lowest since 1974", "the first time since 2019") says how long
//!   something lasted, not when it happened; it never dates an event. A date
//!   further inside such a phrase dates its own noun ("since the invasion in
//!   2022") and stays a passing mention.
//! - **A modifying phrase**: a date inside a participle phrase that modifies a
//!   noun ("a continuation of earlier dialogue initiated in February") dates
//!   that noun, not the sentence's main clause, so it does not anchor the
//!   sentence.

use unicode_segmentation::UnicodeSegmentation;

use crate::data::data_lines;
use crate::Span;

/// A sentence needs at least this many words to be an event.
pub const MIN_EVENT_WORDS: usize = 5;
/// A sentence without closing punctuation needs this many words, not ending on a function word.
pub const UNPUNCTUATED_MIN_WORDS: usize = 10;

const NONEVENTS: &str = include_str!("nonevents.txt");

/// Words after which a date is the bound of a duration, not an event's date.
const BOUND_WORDS: &[&str] = &["since", "until", "till", "til"];
/// Words that open a noun phrase (an appositive after a comma or dash).
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "this", "that", "part"];
/// Words that make a following `-ed` form a finite verb, not a modifier.
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "get", "got", "gets", "not", "who",
    "that", "which",
];
/// Prepositions and shifts between a participle and its date ("initiated in February").
const DATE_LEADS: &[&str] = &["in", "on", "during", "at", "by", "last", "earlier", "late", "early"];

fn caption_markers() -> &'static [String] {
    use std::sync::OnceLock;
    static M: OnceLock<Vec<String>> = OnceLock::new();
    M.get_or_init(|| data_lines(NONEVENTS).map(|(_, l)| l.trim().to_lowercase()).collect())
}

/// Whether a sentence can report an event: not a caption, masthead or fragment.
///
/// ```
/// use dateline::timeline::precision::is_event_text;
/// assert!(is_event_text("Diplomats met in Istanbul on Thursday."));
/// assert!(!is_event_text("Diplomats arrive in Istanbul on Thursday. (Photo: Jane Roe/Getty Images)"));
/// assert!(!is_event_text("THE DAILY NEWS | Thursday, July 4, 2024"));
/// assert!(!is_event_text("On Thursday, the two parties which have been negotiating in"));
/// ```
pub fn is_event_text(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    if caption_markers().iter().any(|m| lower.contains(m.as_str())) || text.contains('|') {
        return false;
    }
    let words: Vec<&str> = text.unicode_words().collect();
    if words.len() < MIN_EVENT_WORDS {
        return false;
    }
    // Mastheads and datelines are names and numbers: an event sentence has
    // verbs and function words, written in lower case.
    let lower_words = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    if lower_words * 3 < words.len() {
        return false;
    }
    let closing = |c: char| matches!(c, '.' | '!' | '?' | '\u{2026}');
    let last = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}') || c.is_whitespace()
    });
    if last.chars().next_back().is_some_and(closing) {
        return true;
    }
    // No closing punctuation: a paragraph that ends a full clause without a
    // full stop ("..., said Maria Zakharova") is kept; one cut short (a short
    // line, or one ending on a function word, "negotiating in") is not.
    let final_word = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() >= UNPUNCTUATED_MIN_WORDS && !super::is_stopword(&final_word)
}

fn last_words(text: &str, n: usize) -> Vec<String> {
    let mut w: Vec<String> = text.unicode_words().rev().take(n).map(str::to_lowercase).collect();
    w.reverse();
    w
}

/// Whether the expression `expr` of `sentence` is the bound of a duration
/// ("since 1974", "until March"): the expression opens with a bound word or
/// stands right after one.
pub fn is_bound(body: &str, sentence: Span, expr: Span) -> bool {
    let first = expr.slice(body).unicode_words().next().map(str::to_lowercase);
    if first.is_some_and(|w| BOUND_WORDS.contains(&w.as_str())) {
        return true;
    }
    let before = body.get(sentence.start..expr.start).unwrap_or("");
    last_words(before, 1).first().is_some_and(|w| BOUND_WORDS.contains(&w.as_str()))
}

/// Whether `expr` stands in a phrase that modifies a noun rather than in the
/// sentence's main clause: an appositive opened by a determiner after a
/// comma or dash that holds a participle ("—a continuation of earlier
/// dialogue initiated in February"), or a participle right after "of" and
/// its noun ("of talks launched in 2019").
pub fn in_modifying_phrase(body: &str, sentence: Span, expr: Span) -> bool {
    let before = body.get(sentence.start..expr.start).unwrap_or("");
    let participle = |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")) && w != "when" && w != "then";
    // The participle before the date, skipping a preposition or shift.
    let mut words = last_words(before, 6);
    while words.last().is_some_and(|w| DATE_LEADS.contains(&w.as_str())) {
        words.pop();
    }
    let Some(p) = words.last().cloned() else { return false };
    if !participle(&p) {
        return false;
    }
    let k = words.len() - 1;
    let prev = k.checked_sub(1).map(|i| words[i].as_str());
    if prev.map_or(true, |q| AUXILIARIES.contains(&q)) {
        return false;
    }
    // An appositive: determiner-led phrase after the last comma or dash.
    let cut = before.rfind([',', ';', '(', '\u{2014}', '\u{2013}']);
    if let Some(c) = cut {
        let head = &before[..c];
        let phrase = &before[c..];
        let first = phrase.unicode_words().next().map(str::to_lowercase);
        if head.unicode_words().count() >= 3 && first.is_some_and(|w| DETERMINERS.contains(&w.as_str())) {
            return true;
        }
    }
    // "of <noun> <participle> in <date>"
    words[..k].iter().rev().take(3).any(|w| w == "of")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(body: &str, s: &str) -> Span {
        let at = body.find(s).unwrap();
        Span::new(at, at + s.len())
    }

    #[test]
    fn a_date_right_after_since_is_a_bound() {
        let b = "Output fell to the lowest level since 1981, the agency said.";
        assert!(is_bound(b, Span::new(0, b.len()), span_of(b, "1981")));
        let b = "It was the first time since March that prices rose.";
        assert!(is_bound(b, Span::new(0, b.len()), span_of(b, "March")));
        let b = "They met for the first time since the coup in 2021.";
        assert!(!is_bound(b, Span::new(0, b.len()), span_of(b, "in 2021")));
    }

    #[test]
    fn a_participle_phrase_after_a_dash_modifies_its_noun() {
        let b = "Negotiators spent five hours at the embassy in Oslo\u{2014}a follow-up to a process launched in March amid the dispute.";
        assert!(in_modifying_phrase(b, Span::new(0, b.len()), span_of(b, "in March")));
        let b = "The envoys met in Oslo, resuming a round of talks started in March.";
        assert!(in_modifying_phrase(b, Span::new(0, b.len()), span_of(b, "in March")));
        let b = "The talks were started in March by the two envoys.";
        assert!(!in_modifying_phrase(b, Span::new(0, b.len()), span_of(b, "in March")));
        let b = "The two envoys met in March.";
        assert!(!in_modifying_phrase(b, Span::new(0, b.len()), span_of(b, "in March")));
    }

    #[test]
    fn captions_mastheads_and_fragments_are_not_events() {
        assert!(!is_event_text("A delegate looks on during the session in Oslo on Monday."));
        assert!(!is_event_text("Weekend Edition | Saturday, March 8, 2025 | Subscribe"));
        assert!(!is_event_text("MONDAY, MARCH 10, 2025 THE HARBOUR TIMES"));
        assert!(!is_event_text("Updated Monday"));
        assert!(!is_event_text("The ministers, who had been talking since Tuesday in"));
        assert!(is_event_text("\u{201c}We will meet again on Friday,\u{201d} she said."));
    }
}
