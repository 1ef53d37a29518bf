//! The aho-corasick matcher: patterns from folded aliases, word-boundary and
//! case checks on each candidate, and the shorter-alias fallback.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use super::{CaseRule, Entity, Kind, Link};
use crate::text::normalize::fold_char;

/// One way a pattern can be read: as a name or alias of one entity, under a case rule.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Index of the entity.
    pub entity: u32,
    /// The resolved rule: never `Auto`.
    rule: CaseRule,
    pub link: Link,
    /// Whether the alias has two or more words (a full mention that enables surname links).
    pub full: bool,
    /// The folded alias text as written.
    alias: Box<str>,
}

/// A verified match in a haystack (byte offsets into the haystack).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
    /// Which of the pattern's candidates (bit i: the i-th, up to 64) passed the case check.
    pub pass: u64,
}

/// The built matcher: automaton, candidate tables and per-entity data for linking.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern, its range in `cands`.
    patterns: Vec<(u32, u32)>,
    cands: Vec<Cand>,
    ids: HashMap<String, usize>,
    kind_preference: Vec<Kind>,
    /// Per entity: rank of its kind in the preference (lower is preferred).
    pub kind_rank: Vec<u16>,
    /// Per entity: indices of its `context` entities that exist.
    pub context: Vec<Vec<u32>>,
    /// Per entity: folded surname keys for in-document linking.
    pub partial_keys: Vec<Vec<Box<str>>>,
    /// Heap bytes of the tables besides the automaton.
    table_bytes: usize,
}

/// Fold typographic variants and collapse runs of white space, as the text is folded.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars().filter_map(fold_char) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Whether `text` must be folded before matching (it holds a character
/// [`fold_char`] changes). Plain ASCII without backticks never does.
pub(crate) fn needs_fold(text: &str) -> bool {
    text.bytes().any(|b| b >= 0x80 || b == b'`') && text.chars().any(|c| fold_char(c) != Some(c))
}

fn resolve_rule(rule: CaseRule, alias: &str) -> CaseRule {
    match rule {
        CaseRule::Auto => {
            if alias.chars().any(char::is_uppercase) && !alias.chars().any(char::is_lowercase) {
                CaseRule::Sensitive
            } else {
                CaseRule::Title
            }
        }
        r => r,
    }
}

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "ibn", "al",
    "el", "ter", "ten",
];

/// The surname keys of a person's full names: the last word, or the words from
/// a lower-case particle on ("von der Leyen"); generational suffixes skipped.
fn surname(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    while let Some(last) = words.last() {
        let bare = last.trim_end_matches(['.', ',']);
        if matches!(bare, "Jr" | "Sr" | "II" | "III" | "IV") && words.len() > 2 {
            words.pop();
        } else {
            break;
        }
    }
    if words.len() < 2 {
        return None;
    }
    // The last word, extended leftwards over name particles ("von der Leyen").
    let mut from = words.len() - 1;
    while from > 1 && PARTICLES.contains(&words[from - 1]) {
        from -= 1;
    }
    let key = words[from..].join(" ");
    let key = key.trim_end_matches(['.', ',']);
    // A surname must look like a name: capitalised somewhere, at least two letters.
    (key.chars().filter(|c| c.is_alphabetic()).count() >= 2 && key.chars().any(char::is_uppercase))
        .then(|| key.to_string())
}

impl Matcher {
    pub(crate) fn build(entities: &[Entity], kind_preference: Vec<Kind>) -> crate::Result<Matcher> {
        let mut by_key: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut lists: Vec<Vec<Cand>> = Vec::new();
        let mut ids = HashMap::with_capacity(entities.len());
        let mut partial_keys = Vec::with_capacity(entities.len());
        for (ei, e) in entities.iter().enumerate() {
            ids.insert(e.id.clone(), ei);
            let mut own: Vec<String> = Vec::new();
            let mut surnames: Vec<Box<str>> = Vec::new();
            for (ni, text) in e.names().enumerate() {
                let alias = fold(text);
                if alias.is_empty() {
                    continue;
                }
                let rule = resolve_rule(e.case_of(text), &alias);
                let full = alias.contains(' ');
                if full && e.links_partially() {
                    if let Some(s) = surname(&alias) {
                        if !surnames.iter().any(|k| **k == *s) {
                            surnames.push(s.into());
                        }
                    }
                }
                let cand = Cand {
                    entity: ei as u32,
                    rule,
                    link: if ni == 0 { Link::Name } else { Link::Alias },
                    full,
                    alias: alias.as_str().into(),
                };
                let mut variants = vec![alias.to_ascii_lowercase()];
                if rule != CaseRule::Sensitive && !alias.is_ascii() {
                    variants.push(alias.to_uppercase().to_ascii_lowercase());
                    if rule == CaseRule::Insensitive {
                        variants.push(alias.to_lowercase());
                    }
                }
                variants.dedup();
                for key in variants {
                    let pi = *by_key.entry(key.clone()).or_insert_with(|| {
                        keys.push(key);
                        lists.push(Vec::new());
                        (lists.len() - 1) as u32
                    });
                    lists[pi as usize].push(cand.clone());
                }
                own.push(alias.to_lowercase());
            }
            // A surname that is already one of the entity's aliases is found by the automaton.
            surnames.retain(|s| !own.contains(&s.to_lowercase()));
            partial_keys.push(surnames);
        }
        let ac = if keys.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(StartKind::Both)
                .build(&keys)
                .map_err(|e| crate::Error::Config(format!("cannot build the gazetteer automaton: {e}")))?;
            Some(ac)
        };
        let mut patterns = Vec::with_capacity(lists.len());
        let mut cands = Vec::new();
        for list in lists {
            let start = cands.len() as u32;
            cands.extend(list);
            patterns.push((start, cands.len() as u32));
        }
        let kind_rank = entities
            .iter()
            .map(|e| kind_preference.iter().position(|k| *k == e.kind).unwrap_or(kind_preference.len()) as u16)
            .collect();
        let context =
            entities.iter().map(|e| e.context.iter().filter_map(|c| ids.get(c).map(|&i| i as u32)).collect()).collect();
        let table_bytes = patterns.len() * 8
            + cands.iter().map(|c| std::mem::size_of::<Cand>() + c.alias.len()).sum::<usize>()
            + ids.keys().map(|k| k.len() + 32).sum::<usize>()
            + partial_keys
                .iter()
                .map(|k: &Vec<Box<str>>| 24 + k.iter().map(|s| s.len() + 16).sum::<usize>())
                .sum::<usize>();
        Ok(Matcher { ac, patterns, cands, ids, kind_preference, kind_rank, context, partial_keys, table_bytes })
    }

    pub(crate) fn kind_preference(&self) -> &[Kind] {
        &self.kind_preference
    }

    pub(crate) fn entity_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    pub(crate) fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, AhoCorasick::memory_usage) + self.table_bytes
    }

    /// The candidates of a pattern.
    pub(crate) fn cands(&self, pattern: u32) -> &[Cand] {
        let (a, b) = self.patterns.get(pattern as usize).copied().unwrap_or((0, 0));
        self.cands.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// Append every verified, non-overlapping match in `hay` to `out`.
    pub(crate) fn scan(&self, hay: &str, out: &mut Vec<Raw>) {
        let Some(ac) = &self.ac else { return };
        let mut at = 0;
        while at < hay.len() {
            let Ok(Some(m)) = ac.try_find(Input::new(hay).range(at..)) else { break };
            if let Some(raw) = self.check(hay, m.start(), m.end(), m.pattern().as_u32()) {
                at = raw.end;
                out.push(raw);
                continue;
            }
            if let Some(raw) = self.shorter(ac, hay, m.start(), m.end()) {
                at = raw.end;
                out.push(raw);
                continue;
            }
            at = m.start() + hay.get(m.start()..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
        }
    }

    /// The longest valid pattern starting at `start` and ending before `end`.
    fn shorter(&self, ac: &AhoCorasick, hay: &str, start: usize, end: usize) -> Option<Raw> {
        if !start_ok(hay, start) {
            return None;
        }
        let mut limit = end;
        while limit > start + 1 {
            let input = Input::new(hay).range(start..limit - 1).anchored(Anchored::Yes);
            let m = ac.try_find(input).ok().flatten()?;
            if let Some(raw) = self.check(hay, m.start(), m.end(), m.pattern().as_u32()) {
                return Some(raw);
            }
            limit = m.end();
        }
        None
    }

    /// Verify a candidate: word boundaries, then each reading's case rule.
    fn check(&self, hay: &str, start: usize, end: usize, pattern: u32) -> Option<Raw> {
        if !start_ok(hay, start) || !end_ok(hay, end) {
            return None;
        }
        let text = hay.get(start..end)?;
        let mut pass = 0u64;
        for (i, c) in self.cands(pattern).iter().take(64).enumerate() {
            if case_ok(c.rule, &c.alias, text) {
                pass |= 1 << i;
            }
        }
        (pass != 0).then_some(Raw { start, end, pattern, pass })
    }
}

/// Whether `text` (equal to `alias` up to letter case) is an allowed form of `alias` under `rule`.
pub(crate) fn case_ok(rule: CaseRule, alias: &str, text: &str) -> bool {
    if text == alias {
        return true;
    }
    match rule {
        CaseRule::Sensitive => false,
        CaseRule::Insensitive => {
            if alias.is_ascii() && text.is_ascii() {
                alias.eq_ignore_ascii_case(text)
            } else {
                alias.to_lowercase() == text.to_lowercase()
            }
        }
        CaseRule::Auto | CaseRule::Title => {
            // All capitals (headlines in caps).
            if !text.chars().any(char::is_lowercase) {
                return if alias.is_ascii() && text.is_ascii() {
                    alias.eq_ignore_ascii_case(text)
                } else {
                    alias.to_uppercase() == text
                };
            }
            // As written, with word-initial letters capitalised.
            let mut prev_word = false;
            let mut t = text.chars();
            for a in alias.chars() {
                let Some(c) = t.next() else { return false };
                let ok = c == a || (!prev_word && a.is_lowercase() && c.is_uppercase() && c.to_lowercase().eq([a]));
                if !ok {
                    return false;
                }
                prev_word = is_word(a);
            }
            t.next().is_none()
        }
    }
}

/// A character that is part of a word in UAX #29 terms (letters, digits, marks, connector).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200D}')
}

/// Ideographs and kana that UAX #29 does not join into words (each stands alone).
fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

fn is_letter(c: char) -> bool {
    is_word(c) && !c.is_numeric() && !is_ideographic(c)
}

/// Whether `mid` between `left` and `right` joins them into one word (UAX #29 WB6/7, WB11/12).
fn joins(left: char, mid: char, right: char) -> bool {
    let mid_num_let =
        matches!(mid, '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{FE52}' | '\u{FF07}' | '\u{FF0E}');
    let mid_letter = matches!(
        mid,
        ':' | '\u{B7}' | '\u{387}' | '\u{55F}' | '\u{5F4}' | '\u{2027}' | '\u{FE13}' | '\u{FE55}' | '\u{FF1A}'
    );
    let mid_num = matches!(
        mid,
        ',' | ';'
            | '\u{37E}'
            | '\u{589}'
            | '\u{60C}'
            | '\u{60D}'
            | '\u{66C}'
            | '\u{7F8}'
            | '\u{2044}'
            | '\u{FE10}'
            | '\u{FE14}'
            | '\u{FE50}'
            | '\u{FE54}'
            | '\u{FF0C}'
            | '\u{FF1B}'
    );
    (is_letter(left) && is_letter(right) && (mid_num_let || mid_letter))
        || (left.is_numeric() && right.is_numeric() && (mid_num_let || mid_num))
}

/// Whether two adjacent characters belong to one word.
fn adjacent_join(left: char, right: char) -> bool {
    is_word(left) && is_word(right) && !is_ideographic(left) && !is_ideographic(right)
}

/// Whether a word boundary lies at byte `at` of `hay` (the haystack edges are boundaries).
pub(crate) fn start_ok(hay: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (hay.get(..at), hay.get(at..)) else { return false };
    let mut back = before.chars().rev();
    let mut fwd = after.chars();
    let (Some(prev), Some(first)) = (back.next(), fwd.next()) else { return true };
    if adjacent_join(prev, first) {
        return false;
    }
    if let Some(prev2) = back.next() {
        if joins(prev2, prev, first) {
            return false;
        }
    }
    if let Some(second) = fwd.next() {
        if joins(prev, first, second) {
            return false;
        }
    }
    true
}

/// Whether a match may end at byte `at`: a word boundary, or a possessive `'s` follows.
pub(crate) fn end_ok(hay: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (hay.get(..at), hay.get(at..)) else { return false };
    let mut back = before.chars().rev();
    let mut fwd = after.chars();
    let (Some(last), Some(next)) = (back.next(), fwd.next()) else { return true };
    if adjacent_join(last, next) {
        return false;
    }
    if let Some(prev) = back.next() {
        if joins(prev, last, next) {
            return false;
        }
    }
    if let Some(next2) = fwd.next() {
        if joins(last, next, next2) {
            // The possessive exception: "Russia's", "RUSSIA'S".
            let possessive = next == '\'' && matches!(next2, 's' | 'S') && fwd.next().map_or(true, |c| !is_word(c));
            return possessive;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_table() {
        // (text, start, end, whole word?)
        let cases: &[(&str, &str, bool)] = &[
            ("the US said", "US", true),
            ("the USA said", "US", false),
            ("focus", "us", false),
            ("Russia's envoy", "Russia", true),
            ("U.S.-Russia flights", "Russia", true),
            ("U.S.-Russia flights", "U.S.", true),
            ("U.S.A. flag", "U.S.", false),
            ("O'Brien said", "Brien", false),
            ("restrictions.Officials", "Officials", false),
            ("the 2024US plan", "US", false),
            ("anti-Russian hawks", "Russian", true),
            ("(Russian President", "Russian", true),
            ("Moscow.", "Moscow", true),
            ("Russians' views", "Russians", true),
            ("Russia'sx", "Russia", false),
        ];
        for (text, word, expect) in cases {
            let start = text.find(word).unwrap();
            let end = start + word.len();
            let got = start_ok(text, start) && end_ok(text, end);
            assert_eq!(got, *expect, "{word:?} in {text:?}");
        }
    }

    #[test]
    fn case_rules_table() {
        use CaseRule::*;
        let cases: &[(CaseRule, &str, &str, bool)] = &[
            (Sensitive, "US", "US", true),
            (Sensitive, "US", "us", false),
            (Sensitive, "TASS", "Tass", false),
            (Title, "Washington", "WASHINGTON", true),
            (Title, "Washington", "washington", false),
            (Title, "the United States", "The United States", true),
            (Title, "Ministry of Foreign Affairs", "Ministry Of Foreign Affairs", true),
            (Title, "McDonald", "Mcdonald", false),
            (Title, "Türkiye", "TÜRKIYE", true),
            (Title, "Turkey", "turkey", false),
            (Insensitive, "dacha", "DaChA", true),
            (Insensitive, "Türkiye", "türkiye", true),
        ];
        for (rule, alias, text, expect) in cases {
            assert_eq!(case_ok(*rule, alias, text), *expect, "{rule:?} {alias:?} vs {text:?}");
        }
    }

    #[test]
    fn auto_rule_is_sensitive_for_acronyms_only() {
        assert_eq!(resolve_rule(CaseRule::Auto, "U.S."), CaseRule::Sensitive);
        assert_eq!(resolve_rule(CaseRule::Auto, "TASS"), CaseRule::Sensitive);
        assert_eq!(resolve_rule(CaseRule::Auto, "Russia"), CaseRule::Title);
        assert_eq!(resolve_rule(CaseRule::Auto, "Insensitive"), CaseRule::Title);
    }

    #[test]
    fn surname_keys() {
        assert_eq!(surname("Alexander Darchiev").as_deref(), Some("Darchiev"));
        assert_eq!(surname("Kremlin aide Yuri Ushakov").as_deref(), Some("Ushakov"));
        assert_eq!(surname("Ursula von der Leyen").as_deref(), Some("von der Leyen"));
        assert_eq!(surname("Martin Luther King Jr.").as_deref(), Some("King"));
        assert_eq!(surname("Putin"), None);
    }

    #[test]
    fn fold_collapses_spaces_and_typography() {
        assert_eq!(fold(" Côte  d\u{2019}Ivoire\u{a0}Republic "), "Côte d'Ivoire Republic");
    }
}
