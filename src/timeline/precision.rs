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
//! - **A picture's caption without a marker**: a sentence in the present
//!   tense (no past form at all) that ends on a full date ("A rescuer carries
//!   a child at the entrance of the school on May 12, 2008.") labels a photo.
//! - **A data point, not an event**: a passing date in a clause that gives a
//!   figure ("from 1 per cent in August") or inside a direct quote ("all day
//!   Tuesday") stays out.
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

/// Past forms a caption never has: irregular past verbs of news text (regular
/// ones end in "-ed").
const PAST_WORDS: &[&str] = &[
    "said", "was", "were", "had", "told", "met", "made", "took", "came", "went", "left", "won", "lost", "gave",
    "began", "spoke", "became", "struck", "hit", "fell", "rose", "sent", "held", "led", "ran", "saw", "got",
];

/// Whether a sentence that ends on a full date reads as a photo caption:
/// no past form anywhere in it, or a present continuous ("is receiving").
///
/// ```
/// use dateline::timeline::precision::is_present_tense_caption;
/// assert!(is_present_tense_caption("A rescuer carries a child at the entrance of the school on May 12, 2008."));
/// assert!(is_present_tense_caption("An injured man is receiving care at the school gate on May 12, 2008."));
/// assert!(!is_present_tense_caption("The school reopened on May 12, 2008."));
/// ```
pub fn is_present_tense_caption(text: &str) -> bool {
    // "is receiving", "are seen": the present continuous of a picture.
    let words: Vec<&str> = text.unicode_words().collect();
    let continuous = words
        .windows(2)
        .any(|w| matches!(w[0], "is" | "are") && w[1].len() > 4 && (w[1].ends_with("ing") || w[1] == "seen"));
    continuous
        || !text.unicode_words().any(|w| {
            let lower = w.to_lowercase();
            PAST_WORDS.contains(&lower.as_str())
                || w.chars().next().is_some_and(char::is_lowercase) && w.len() >= 5 && w.ends_with("ed")
        })
}

/// Whether a clause gives a figure ("1 per cent", "5.85 percent", "4%"): a
/// data point, not an event.
pub fn is_data_point(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let has_digit = lower.bytes().any(|b| b.is_ascii_digit());
    has_digit && (lower.contains("per cent") || lower.contains("percent") || lower.contains('%'))
}

/// Whether `expr` stands inside a direct quote of `sentence`: more opening
/// than closing quotation marks before it.
pub fn in_quote(body: &str, sentence: Span, expr: Span) -> bool {
    let before = text_before(body, sentence, expr);
    let (mut open, mut straight) = (0i32, 0u32);
    for c in before.chars() {
        match c {
            '\u{201c}' | '\u{ab}' => open += 1,
            '\u{201d}' | '\u{bb}' => open -= 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    open > 0 || straight % 2 == 1
}

/// Words a lede needs before its page's date can stand for its news.
pub const LEDE_MIN_WORDS: usize = 20;

/// Whether a first paragraph's sentence reads as a news lede that the page's
/// date can date: a full sentence of at least [`LEDE_MIN_WORDS`] words
/// closed by punctuation, not a stand-first, subhead or promo line.
pub fn is_lede_text(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
    t.unicode_words().count() >= LEDE_MIN_WORDS && t.ends_with(['.', '!', '?'])
}

/// The sentence's text before `expr`, at most [`WINDOW`](super::clause::WINDOW)
/// bytes of it: every rule here reads only near the expression, so a
/// sentence of thousands of dates costs linear time.
fn text_before(body: &str, sentence: Span, expr: Span) -> &str {
    let w = super::clause::window(body, sentence, expr, super::clause::WINDOW);
    body.get(w.start..expr.start).unwrap_or("")
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
    let before = text_before(body, sentence, expr);
    last_words(before, 1).first().is_some_and(|w| BOUND_WORDS.contains(&w.as_str()))
}

/// Verbs after which "that" opens reported speech, not a relative clause.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "announced",
    "told",
    "added",
    "noted",
    "warned",
    "confirmed",
    "showed",
    "shows",
    "claimed",
    "stated",
    "believe",
    "believes",
    "believed",
    "expects",
    "expected",
    "hopes",
    "argued",
    "insisted",
    "predicted",
    "agreed",
    "so",
    "such",
    "now",
];

/// Whether `expr` stands in a relative clause of `sentence` ("who took
/// office three weeks ago", "the quake that struck over the weekend"):
/// "who", "which", "whose", or a "that" not after a speech verb, between the
/// last clause punctuation and the expression. Such a date dates its noun,
/// not the sentence's main event.
pub fn in_relative_clause(body: &str, sentence: Span, expr: Span) -> bool {
    let before = text_before(body, sentence, expr);
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '(' | '\u{2014}' | '\u{2013}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words: Vec<String> = before.get(from..).unwrap_or("").unicode_words().map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(k, w)| match w.as_str() {
        "who" | "which" | "whose" => true,
        "that" => k > 0 && !SPEECH_VERBS.contains(&words[k - 1].as_str()),
        _ => false,
    })
}

/// Whether `expr` stands in a relative clause about a speaker's words ("Yuri
/// Ushakov, who spoke on Wednesday"): that date is the date of what the
/// sentence reports, so it may still anchor it.
pub fn in_speech_relative_clause(body: &str, sentence: Span, expr: Span) -> bool {
    const SPOKE: &[&str] =
        &["spoke", "said", "told", "announced", "added", "stated", "wrote", "speaks", "says", "tweeted", "testified"];
    if !in_relative_clause(body, sentence, expr) {
        return false;
    }
    let before = text_before(body, sentence, expr);
    last_words(before, 4).iter().any(|w| SPOKE.contains(&w.as_str()))
}

/// The word right after `expr` when it is a lower-case content word (a noun
/// the date labels: "the 2017-2018 budget", "Saturday grass cutting").
fn noun_after(body: &str, sentence: Span, expr: Span) -> Option<String> {
    // A label is a bare date ("2017-2018"), not a phrase opened by a preposition.
    const PREPOSITIONS: &[&str] =
        &["in", "on", "at", "between", "from", "by", "during", "since", "until", "through", "for", "of"];
    let first = expr.slice(body).unicode_words().next().unwrap_or("").to_lowercase();
    if PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    let w = super::clause::window(body, sentence, expr, super::clause::WINDOW);
    let after = body.get(expr.end..w.end)?;
    if !after.starts_with(' ') {
        return None;
    }
    let next = after.unicode_words().next()?;
    let lower = next.to_lowercase();
    const TIME_WORDS: &[&str] = &["morning", "afternoon", "evening", "night", "noon", "midnight", "overnight"];
    (next.chars().next().is_some_and(char::is_lowercase)
        && !super::is_stopword(&lower)
        && !TIME_WORDS.contains(&lower.as_str())
        && !lower.ends_with("ly")
        // "on Monday dismissed", "on Saturday evening updates": a verb, not a noun.
        && !lower.ends_with("ed")
        && (!lower.ends_with('s') || lower.ends_with("ss")))
    .then_some(lower)
}

/// Whether `expr` labels the noun right after it ("the 2017-2018 budget",
/// "the 2008 crisis"): it dates that noun, so a main-clause date elsewhere
/// in the sentence wins over it.
pub fn labels_a_noun(body: &str, sentence: Span, expr: Span) -> bool {
    noun_after(body, sentence, expr).is_some()
}

/// Whether a bare weekday is an attribute, not a date: "Saturday grass
/// cutting crews", "Sunday school" (a weekday right before a lower-case noun).
pub fn is_weekday_attribute(body: &str, sentence: Span, expr: Span) -> bool {
    const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let text = expr.slice(body).trim().to_lowercase();
    DAYS.contains(&text.as_str()) && noun_after(body, sentence, expr).is_some()
}

/// Whether `expr` stands in a phrase that modifies a noun rather than in the
/// sentence's main clause: an appositive opened by a determiner after a
/// comma or dash that holds a participle ("—a continuation of earlier
/// dialogue initiated in February"), or a participle right after "of" and
/// its noun ("of talks launched in 2019").
pub fn in_modifying_phrase(body: &str, sentence: Span, expr: Span) -> bool {
    let before = text_before(body, sentence, expr);
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
        let head = before.get(..c).unwrap_or("");
        let phrase = before.get(c..).unwrap_or("");
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
    fn dates_in_relative_clauses_are_told_from_reported_speech() {
        let b = "Aid arrived, said the minister, who took office three weeks ago.";
        assert!(in_relative_clause(b, Span::new(0, b.len()), span_of(b, "three weeks ago")));
        let b = "The toll from the flood that hit the valley over the weekend rose to 40.";
        assert!(in_relative_clause(b, Span::new(0, b.len()), span_of(b, "over the weekend")));
        let b = "Officials said that the bridge reopened on Monday.";
        assert!(!in_relative_clause(b, Span::new(0, b.len()), span_of(b, "on Monday")));
        let b = "Talks stalled, according to the envoy, who spoke on Wednesday about the delay.";
        assert!(in_speech_relative_clause(b, Span::new(0, b.len()), span_of(b, "on Wednesday")));
        let b = "OSLO (AP) \u{2014} The ferry that sank on Monday was raised.";
        assert!(in_relative_clause(b, Span::new(0, b.len()), span_of(b, "on Monday")));
    }

    #[test]
    fn dates_labelling_a_noun_and_weekday_attributes() {
        let b = "The 2023-2024 budget was approved Tuesday.";
        assert!(labels_a_noun(b, Span::new(0, b.len()), span_of(b, "2023-2024")));
        assert!(!labels_a_noun(b, Span::new(0, b.len()), span_of(b, "Tuesday")));
        let b = "Land was seized between 2016 and 2018 due to a dispute.";
        assert!(!labels_a_noun(b, Span::new(0, b.len()), span_of(b, "between 2016 and 2018")));
        let b = "The town added Saturday grass cutting crews.";
        assert!(is_weekday_attribute(b, Span::new(0, b.len()), span_of(b, "Saturday")));
        let b = "Crews worked Saturday morning and again Sunday in the park.";
        assert!(!is_weekday_attribute(b, Span::new(0, b.len()), span_of(b, "Saturday")));
        assert!(!is_weekday_attribute(b, Span::new(0, b.len()), span_of(b, "Sunday")));
    }

    #[test]
    fn data_points_and_quoted_dates_are_recognised() {
        assert!(is_data_point("from 1.2 per cent in August"));
        assert!(is_data_point("against 4% recorded in May 2023"));
        assert!(!is_data_point("the strike of 2023"));
        let b = "\u{201c}Stay home all day Tuesday,\u{201d} the mayor said on Monday.";
        assert!(in_quote(b, Span::new(0, b.len()), span_of(b, "Tuesday")));
        assert!(!in_quote(b, Span::new(0, b.len()), span_of(b, "on Monday")));
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
