//! Line features: the shape of one logical line of a page, computed once and
//! read by the structure rules in `structure.rs`.
//!
//! Everything here looks at one line alone (word count, final stop, case,
//! timestamp grammar from `stamp.rs`, cue phrases from `data/text/boilerplate.txt`, caption
//! and policy markers from `data/text/markers.txt`). Position and neighbours
//! are the structure rules' business.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::normalize::fold_key;
use super::segment::ends_sentence;
use super::stamp::{stamp, Stamp};
use super::BoilerplateKind;
use crate::lexicon::{CueClass, Lexicon};
use crate::Span;

/// Cue phrases: matching key to kind, and the longest phrase in words.
struct Cues {
    phrases: HashMap<String, BoilerplateKind>,
    max_words: usize,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut phrases = HashMap::new();
        let mut max_words = 1;
        for line in include_str!("../../data/text/boilerplate.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once('\t') else { continue };
            let kind = match kind {
                "advertisement" => BoilerplateKind::Advertisement,
                "share" => BoilerplateKind::Share,
                "comments" => BoilerplateKind::Comments,
                "related" => BoilerplateKind::Related,
                "newsletter" => BoilerplateKind::Newsletter,
                "summary" => BoilerplateKind::Summary,
                "footer" => BoilerplateKind::Footer,
                _ => BoilerplateKind::Navigation,
            };
            let key = fold_key(phrase);
            max_words = max_words.max(key.split(' ').count());
            phrases.insert(key, kind);
        }
        Cues { phrases, max_words }
    })
}

/// Marker kinds of `data/text/markers.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Caption,
    CaptionStart,
    Policy,
    Address,
    Embed,
    Footer,
    Newsletter,
    Comment,
}

struct Markers {
    automaton: AhoCorasick,
    kinds: Vec<Marker>,
    /// The patterns; one with capitals must match exactly ("REUTERS/").
    patterns: Vec<String>,
}

fn markers() -> &'static Markers {
    static MARKERS: OnceLock<Markers> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let mut patterns = vec!["comment"];
        let mut kinds = vec![Marker::Comment];
        for line in include_str!("../../data/text/markers.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((kind, pattern)) = line.split_once('\t') else { continue };
            kinds.push(match kind {
                "caption" => Marker::Caption,
                "caption-start" => Marker::CaptionStart,
                "footer" => Marker::Footer,
                "newsletter" => Marker::Newsletter,
                "address" => Marker::Address,
                "embed" => Marker::Embed,
                _ => Marker::Policy,
            });
            patterns.push(pattern);
        }
        // Standard semantics report every non-overlapping match, enough to
        // see both "comment" and a policy word in one line.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(["comment"]).expect("one literal pattern builds"));
        Markers { automaton, kinds, patterns: patterns.iter().map(|p| p.to_string()).collect() }
    })
}

/// The shape of one logical line.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    /// White-space separated words.
    pub words: usize,
    /// Ends with a sentence stop (optionally closed by quotes).
    pub terminal: bool,
    /// Reads as running text: a sentence of four words or more, or a long line.
    pub prose: bool,
    /// Could be a headline: 2–25 words, no final period, no trailing comma or colon.
    pub headline: bool,
    /// A short name ("Al Arabiya", "World News"): 1–4 capitalised words, no stop.
    pub name: bool,
    /// The whole line is a timestamp, date or age.
    pub stamp: Option<Stamp>,
    /// A cue phrase of page furniture.
    pub cue: Option<BoilerplateKind>,
    /// A byline ("By Jane Doe, Reuters").
    pub byline: bool,
    /// A photo caption or credit.
    pub caption: bool,
    /// A comment-policy footer.
    pub policy: bool,
    /// A copyright or wire footer.
    pub footer: bool,
    /// Mentions subscribing ("inbox", "newsletter"): belongs in a newsletter box.
    pub newsletter: bool,
    /// An embedded post or player (markup, "pic.twitter.com", "(@handle)").
    pub embed: bool,
    /// Starts with a list bullet.
    pub bullet: bool,
    /// A short clause that introduces a quote ("He said:", "Darchiev
    /// continued:"): article text, however short. Also counts as `prose`.
    pub speech_intro: bool,
    /// The whole line is a wire dateline ("NAIROBI, Kenya (AP) _").
    pub dateline: bool,
    /// "- Al Arabiya": a source echo; the span of the name, relative to the line.
    pub echo: Option<Span>,
    /// "Reuters · 2 hours ago": (name, stamp) spans relative to the line.
    pub pair: Option<(Span, Span, Stamp)>,
}

const BULLETS: &[&str] = &["- ", "• ", "* ", "– ", "— ", "· ", "▪ ", "► ", "‣ "];

impl Features {
    /// The features of `text` (a trimmed, non-empty line).
    pub(crate) fn of(text: &str) -> Features {
        let words = count_words(text);
        let terminal = ends_sentence(text);
        let last = text.chars().next_back().unwrap_or(' ');
        let stop_period = terminal && text.trim_end_matches(is_close).ends_with(['.', '\u{2026}']);
        let bullet = BULLETS.iter().any(|b| text.starts_with(b));
        let stamp = if words <= 10 { stamp(text) } else { None };
        let name = is_name(text, words);
        let headline = (2..=25).contains(&words)
            && text.len() <= 220
            && !stop_period
            && !matches!(last, ',' | ';' | ':' | '-' | '(')
            && !bullet
            && stamp.is_none();
        let prose = (terminal && words >= 4) || words > 25;
        let mut f = Features { words, terminal, prose, headline, name, stamp, bullet, ..Features::default() };
        f.cue = cue(text, words, prose);
        // "He said:" is a clause that hands its speaker to the next
        // paragraph's quote; a label ("Related:") has no subject and verb.
        f.speech_intro = f.cue.is_none() && is_speech_intro(text, words);
        f.prose |= f.speech_intro;
        f.dateline = words <= 8 && super::structure::dateline(text) == Some(text.len());
        if f.dateline {
            f.headline = false;
        }
        // A title-case line ending in a period ("Poll: Wealthy Voters Abandon
        // Republican Party."): some feeds close headlines with a stop.
        if !f.headline && stop_period && (3..=25).contains(&words) && is_title_case(text) && !text.ends_with("...") {
            f.headline = true;
            f.prose = false;
        }
        f.byline = is_byline(text, words, terminal);
        f.echo = echo(text);
        f.pair = if words <= 8 && stamp.is_none() { pair(text) } else { None };
        // Captions, credits and policy footers are short; running text of
        // more than 40 words skips the marker search.
        if words <= 40 {
            let m = markers();
            let (mut comment, mut policy, mut address) = (false, false, false);
            for hit in m.automaton.find_iter(text) {
                let pattern = m.patterns.get(hit.pattern().as_usize()).map_or("", String::as_str);
                if pattern.chars().any(char::is_uppercase) && text.get(hit.range()) != Some(pattern) {
                    continue;
                }
                match m.kinds.get(hit.pattern().as_usize()) {
                    Some(Marker::Comment) => comment = true,
                    Some(Marker::Policy) => policy = true,
                    Some(Marker::Address) => address = true,
                    Some(Marker::Footer) => f.footer = true,
                    Some(Marker::Newsletter) => f.newsletter = true,
                    Some(Marker::Embed) => f.embed = true,
                    Some(Marker::Caption) => f.caption = true,
                    Some(Marker::CaptionStart) if hit.start() == 0 => f.caption = true,
                    _ => {}
                }
            }
            // "... refrain from derogatory words in your comments": a policy
            // speaks to the reader; "cited derogatory comments" does not.
            f.policy = comment && policy && address;
        }
        // Markup left by the scraper: "<tweet tweet-id=...>", "[Video: ...]".
        f.embed |= (text.starts_with('<') && text.trim_end_matches(['.', ',', ';']).ends_with('>'))
            || (text.starts_with('[') && text.ends_with(']'));
        if f.cue.is_some() || f.byline || f.caption || f.policy || f.footer || f.embed || f.stamp.is_some() {
            f.headline = false;
        }
        f
    }

    /// Whether the line is furniture on its own, whatever its position.
    pub(crate) fn furniture(&self) -> Option<BoilerplateKind> {
        if self.policy {
            return Some(BoilerplateKind::Comments);
        }
        if let Some(k) = self.cue {
            return Some(k);
        }
        if self.stamp.is_some() {
            return Some(BoilerplateKind::Timestamp);
        }
        if self.footer {
            return Some(BoilerplateKind::Footer);
        }
        if self.embed {
            return Some(BoilerplateKind::Embed);
        }
        if self.byline {
            return Some(BoilerplateKind::Byline);
        }
        if self.caption {
            return Some(BoilerplateKind::Caption);
        }
        None
    }
}

/// The number of words separated by ASCII white space (a no-break space
/// joins words; good enough for the shape rules, and a byte loop).
pub(crate) fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// Whether `text` is in Title Case: every word but short function words
/// ("of", "the", "to") is capitalised, allowing one exception in a line of
/// more than six words, with at least three capitalised words.
fn is_title_case(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "but", "or", "nor", "by", "as", "vs", "via",
        "from", "with", "into", "over", "up", "is", "are", "was", "be", "if", "than",
    ];
    let (mut words, mut capital, mut lower) = (0, 0, 0);
    for w in text.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else { continue };
        words += 1;
        if first.is_uppercase() || first.is_ascii_digit() {
            capital += 1;
        } else if !SMALL.contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric())) {
            lower += 1;
        }
    }
    capital >= 3 && lower <= usize::from(words > 6)
}

fn is_close(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{203A}')
}

/// Small words allowed inside a name ("Voice of America", "Al Arabiya").
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "&" | "de" | "la" | "al" | "el" | "for" | "on" | "in" | "du" | "der" | "-")
}

/// Whether `text` is a list of names: "Jane Doe, Reuters", "Jane Doe and
/// John Roe | AP" (each part a short name).
pub(crate) fn is_name_list(text: &str) -> bool {
    let parts = text.split([',', '|', '\u{B7}', ';', '/']).flat_map(|p| p.split(" and "));
    let mut n = 0;
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !is_name(part, count_words(part)) {
            return false;
        }
        n += 1;
    }
    n > 0
}

fn is_name(text: &str, words: usize) -> bool {
    if !(1..=4).contains(&words) || text.len() > 48 {
        return false;
    }
    if text.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let mut capital = false;
    for w in text.split_whitespace() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capital = true;
        } else if !is_connector(w) && !first.is_ascii_digit() {
            return false;
        }
    }
    capital
}

/// The cue kind of a line: its key equals a phrase, or starts with a phrase
/// followed by a colon or bar, or (for short lines) starts with a phrase of
/// two words or more (three for running text).
fn cue(text: &str, words: usize, prose: bool) -> Option<BoilerplateKind> {
    let cues = cues();
    // Only the first words can start a cue; fold just those. A long line
    // can only be a cue label ("Read more: ..."), which needs a separator
    // among its first words: skip running text without one cheaply.
    let head_end = text
        .split_whitespace()
        .take(cues.max_words + 1)
        .last()
        .map_or(0, |w| w.as_ptr() as usize - text.as_ptr() as usize + w.len());
    let head = text.get(..head_end).unwrap_or(text);
    if words > 8 && !head.contains([':', '|', '-', '\u{2013}', '\u{2014}', '\u{B7}', '\u{2022}']) {
        return None;
    }
    let key = fold_key(head);
    if words <= cues.max_words {
        if let Some(k) = cues.phrases.get(&key) {
            return Some(*k);
        }
    }
    // A count before the cue: "12 comments", "3 shares".
    if words <= 3 {
        if let Some((n, rest)) = key.split_once(' ') {
            if n.chars().all(|c| c.is_ascii_digit()) {
                if let Some(k) = cues.phrases.get(rest) {
                    return Some(*k);
                }
            }
        }
    }
    let mut prefix_end = 0;
    for (i, w) in key.split(' ').enumerate().take(cues.max_words) {
        prefix_end += if i == 0 { w.len() } else { w.len() + 1 };
        let Some(prefix) = key.get(..prefix_end) else { break };
        let Some(kind) = cues.phrases.get(prefix) else { continue };
        let n = i + 1;
        // "Read more: ...", "Photos | ...": the cue labels the rest.
        if label_follows(text, n) {
            return Some(*kind);
        }
        if n >= 2 && words <= 8 && (!prose || n >= 3) {
            return Some(*kind);
        }
    }
    None
}

/// The longest line (in words) read as a quote introduction.
const SPEECH_INTRO_WORDS: usize = 12;

/// Whether `text` is a short clause ending in a colon whose verb is a speech
/// cue of the shared lexicon, after a subject: "He said:", "Limbaugh added:",
/// "The party's spokesman told reporters:". Labels and lead-ins ("Read
/// more:", "Related:", "Watch what he said:") start with a furniture cue or
/// have no subject before a cue verb. Only lines ending in a colon reach
/// the lexicon, so the cost is nil on running text.
fn is_speech_intro(text: &str, words: usize) -> bool {
    if !(2..=SPEECH_INTRO_WORDS).contains(&words) || !text.ends_with([':', '\u{FF1A}']) {
        return false;
    }
    let lex = lexicon();
    let cues = cues();
    let mut subject = false;
    let mut prev = String::new();
    for (i, raw) in text.split_whitespace().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        // An imperative or label first word ("Watch", "Read", "Listen") makes
        // a lead-in to furniture, not a clause.
        if i == 0 && cues.phrases.contains_key(&fold_key(w)) {
            return false;
        }
        if i > 0 {
            if let Some(c) = lex.cue(&lower) {
                // Right after an article or a possessive the word is a noun
                // ("The claims:", "Editor's notes:"); a bare form ("say")
                // needs a plural or pronoun subject ("Officials say:").
                let noun_slot =
                    matches!(prev.as_str(), "the" | "a" | "an") || prev.ends_with("'s") || prev.ends_with("\u{2019}s");
                let base_ok = !c.is_base() || lex.pronoun(&prev).is_some() || prev.ends_with('s');
                let speech = matches!(c.class, CueClass::Speech | CueClass::Report | CueClass::Quote);
                if speech && subject && !noun_slot && base_ok {
                    return true;
                }
            }
        }
        // A subject: a pronoun ("he", "they"), a speaker noun ("spokesman",
        // "officials") or a capitalised name ("Darchiev").
        subject |= lex.pronoun(&lower).is_some()
            || lex.noun(&lower).is_some()
            || w.chars().next().is_some_and(char::is_uppercase);
        prev = lower;
    }
    false
}

/// The built-in shared lexicon: its cue verbs mark quote introductions.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::default)
}

/// Whether the `n`-th word of `text` ends with a colon or is followed by a bar.
fn label_follows(text: &str, n: usize) -> bool {
    let mut it = text.split_whitespace();
    let Some(w) = it.nth(n - 1) else { return false };
    w.ends_with(':') || it.next().is_some_and(|next| matches!(next, "|" | "-" | "–" | "—" | ":" | "·" | "•"))
}

fn is_byline(text: &str, words: usize, terminal: bool) -> bool {
    if !(2..=14).contains(&words) || (terminal && text.ends_with('.') && words > 6) {
        return false;
    }
    let lower_prefix = |p: &str| text.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = ["by ", "written by ", "words by ", "story by ", "posted by ", "author: ", "authors: "]
        .iter()
        .find(|p| lower_prefix(p))
        .and_then(|p| text.get(p.len()..));
    rest.is_some_and(|r| r.trim_start().starts_with(char::is_uppercase))
}

/// "- Al Arabiya", "— Reuters", "Source: AFP": the span of the name.
fn echo(text: &str) -> Option<Span> {
    let rest_at = ["- ", "– ", "— ", "via ", "Via ", "Source: ", "source: "]
        .iter()
        .find(|p| text.starts_with(**p))
        .map(|p| p.len())?;
    let rest = text.get(rest_at..)?.trim();
    let words = rest.split_whitespace().count();
    is_name(rest, words).then(|| Span::new(text.len() - rest.len(), text.len()))
}

/// "Reuters · 2 hours ago", "AFP | 14:05": a name and a stamp on one line.
fn pair(text: &str) -> Option<(Span, Span, Stamp)> {
    for sep in [" · ", " | ", " • ", " - ", " – ", " — "] {
        let Some(at) = text.find(sep) else { continue };
        let (a, b) = (text.get(..at)?.trim(), text.get(at + sep.len()..)?.trim());
        let b_start = at + sep.len() + (text.len() - at - sep.len() - text.get(at + sep.len()..)?.trim_start().len());
        let a_span = Span::new(0, a.len());
        let b_span = Span::new(b_start, b_start + b.len());
        let (wa, wb) = (a.split_whitespace().count(), b.split_whitespace().count());
        if let Some(s) = stamp(b).filter(|_| is_name(a, wa)) {
            return Some((a_span, b_span, s));
        }
        if let Some(s) = stamp(a).filter(|_| is_name(b, wb)) {
            return Some((b_span, a_span, s));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_match_whole_lines_labels_and_short_prefixes() {
        let cases: &[(&str, Option<BoilerplateKind>)] = &[
            ("Advertisement", Some(BoilerplateKind::Advertisement)),
            ("ADVERTISEMENT", Some(BoilerplateKind::Advertisement)),
            ("Share this article", Some(BoilerplateKind::Share)),
            ("Read next", Some(BoilerplateKind::Related)),
            ("Read more: Russia says talks will resume", Some(BoilerplateKind::Related)),
            ("More from Reuters", Some(BoilerplateKind::Related)),
            ("Sign up for our daily briefing", Some(BoilerplateKind::Newsletter)),
            ("12 Comments", Some(BoilerplateKind::Comments)),
            ("What do you think about this story?", Some(BoilerplateKind::Comments)),
            ("Key Takeaways", Some(BoilerplateKind::Summary)),
            ("Editor's picks", Some(BoilerplateKind::Related)),
            ("In short, the talks failed.", None),
            ("More than 60 people were injured.", None),
            ("Share prices fell sharply on Monday after the announcement.", None),
        ];
        for (text, want) in cases {
            let words = count_words(text);
            let prose = ends_sentence(text) && words >= 5;
            assert_eq!(cue(text, words, prose), *want, "{text}");
        }
    }

    #[test]
    fn speech_intros_need_subject_and_cue_verb_before_the_colon() {
        let cases = [
            ("He said:", true),
            ("Limbaugh added:", true),
            ("Darchiev continued:", true),
            ("Officials say:", true),
            ("The party's spokesman told reporters on Thursday:", true),
            ("He said", false),
            ("Related:", false),
            ("Read more:", false),
            ("Watch what he said:", false),
            ("Said:", false),
            ("The claims:", false),
            ("Editor's notes:", false),
            ("Key points:", false),
            ("Imagine that she:", false),
            ("He said, and then the crowd fell silent for a long while before anyone spoke:", false),
        ];
        for (line, want) in cases {
            assert_eq!(Features::of(line).speech_intro, want, "{line:?}");
        }
        assert!(Features::of("He said:").prose);
    }

    #[test]
    fn bylines_captions_policy() {
        assert!(Features::of("By Jane Doe and John Roe, Reuters").byline);
        assert!(Features::of("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.").headline);
        assert!(!Features::of("MOSCOW (Reuters) - Diplomats met on Monday.").headline);
        assert!(!Features::of("By Thursday the talks had ended in Istanbul.").byline);
        assert!(Features::of("Sergei Lavrov in Moscow, June 5, 2025. REUTERS/Maxim Shemetov").caption);
        assert!(Features::of("FILE PHOTO: The U.S. embassy in Moscow").caption);
        assert!(Features::of("Please keep comments civil; we moderate all posts.").policy);
        assert!(!Features::of("He declined to comment on the talks.").policy);
        assert!(!Features::of("Clinton cited derogatory comments Trump had made about her.").policy);
        assert!(!Features::of("The Reuters/Ipsos poll showed Clinton doing better than in other polls.").caption);
    }

    #[test]
    fn echo_and_pair() {
        assert_eq!(echo("- Al Arabiya"), Some(Span::new(2, 12)));
        assert_eq!(echo("- The US has canceled talks."), None);
        let (name, age, kind) = pair("Reuters · 2 hours ago").expect("pair");
        assert_eq!((name.slice("Reuters · 2 hours ago"), kind), ("Reuters", Stamp::Age));
        assert_eq!(age.slice("Reuters · 2 hours ago"), "2 hours ago");
    }
}
