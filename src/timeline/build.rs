//! From one document's analysis to dated statements, and from statements of
//! many documents to events (see the [module docs](super) for the rules).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::by_sentence::{sorted_by_start, starting_in, ClaimsBySentence};
use super::clause::{clause_span, clause_text};
use super::conflict::mark_conflicts;
use super::precision;
use super::quote::{key_quote, same_speaker};
use super::{content_word, Event, Evidence, Quote, Source, Timeline};
use crate::claims::{Claim, ClaimKind};
use crate::gazetteer::{Kind, Mention};
use crate::hash::FastMap;
use crate::text::Section;
use crate::time::{Attachment, Point, Rule, TimeExpr, TimeValue};
use crate::union_find::UnionFind;
use crate::Span;

/// Statements with the same date merge when they share at least this many entities or content words...
pub const MERGE_MIN_SHARED: usize = 2;
/// ...or when the shared items are at least this share of the smaller statement's items.
pub const MERGE_MIN_OVERLAP: f64 = 0.5;
/// Events conflict only when they share at least this many content words (entity names excluded).
pub const CONFLICT_MIN_SHARED: usize = 3;
/// A sentence needs at least this many content words and entity mentions to be a statement.
const MIN_CONTENT: usize = 3;
/// How many earlier statements per shared item a statement is compared with.
const MAX_POSTINGS: usize = 32;
/// How many sentences after a reported claim its speaker's direct quote is looked for.
const QUOTE_LOOKAHEAD: usize = 3;

/// One dated statement of one document: a sentence anchored to a date, or
/// the clause around a further date in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Document id (`<page>` or `<page>#<n>`).
    pub document: String,
    /// The date, with its precision.
    pub date: TimeValue,
    /// How the date was found (see [`Event::rule`]).
    pub rule: Option<Rule>,
    /// The sentence, or the clause around the date.
    pub text: String,
    /// Where [`text`](Statement::text) is in the body.
    pub span: Span,
    /// Whether the date is the sentence's own anchor (its main event) rather
    /// than a date mentioned in passing in one clause.
    pub main: bool,
    /// Entity ids mentioned, in order, with repeats.
    pub entities: Vec<String>,
    /// Place entity ids named as where something happened ("in Istanbul", "at ..."), sorted.
    pub venues: Vec<String>,
    /// The names of [`venues`](Statement::venues) as written, in the same order.
    pub venue_names: Vec<String>,
    /// Content words of the sentence (entity names excluded), sorted, unique.
    pub words: Vec<String>,
    /// A claim made in the sentence, when there is one.
    pub quote: Option<Quote>,
}

impl Statement {
    /// Items compared for merging: content words, `@`-prefixed entity ids
    /// and the claim's speaker, sorted, unique.
    fn items(&self) -> Vec<String> {
        let mut v: Vec<String> = self.words.clone();
        v.extend(self.entities.iter().map(|e| format!("@{e}")));
        // The speaker of its claim: the same person speaking on the same day
        // (a quote continued in the next paragraph) is one occasion.
        if let Some(q) = &self.quote {
            v.push(match &q.speaker {
                Some(id) => format!("@{id}"),
                None => format!("~{}", q.speaker_text.to_lowercase()),
            });
        }
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Whether two statements with `a_len` and `b_len` items, `n` of them
/// shared, are about the same happening.
fn merges(n: usize, a_len: usize, b_len: usize) -> bool {
    n >= MERGE_MIN_SHARED || (n >= 1 && n as f64 >= MERGE_MIN_OVERLAP * a_len.min(b_len) as f64)
}

/// The dated statements of one section of `body` (a page's main text or a blurb).
///
/// `times` are the section's expressions from [`time::extract`](crate::time::extract).
/// A sentence is anchored to its main-clause date (the rule of
/// [`time::sentence_anchors`](crate::time::sentence_anchors)), except that
/// bounds ("since 1974") and dates in modifying phrases never anchor (see
/// [`precision`]); anaphoric dates ("the same day") are
/// resolved against the antecedent event's date; the lede (the first
/// sentence after the headline) with no date phrase at all is dated by
/// `published`, the page's publication date ([`Rule::Publication`]).
/// Headlines, captions, mastheads and fragments yield no statement.
pub fn statements(
    document: &str,
    body: &str,
    section: &Section,
    mentions: &[Mention],
    times: &[TimeExpr],
    claims: &[Claim],
    published: Option<TimeValue>,
) -> Vec<Statement> {
    let reference = published.and_then(|v| v.start());
    let headline = section.headline;
    let in_headline = |s: Span| headline.is_some_and(|h| h.overlaps(s));
    let lede = section.sentences.iter().position(|s| !in_headline(s.span));
    let mut antecedent: Option<TimeValue> = None;
    // Each sentence looks only at the items near it (linear time however many sentences).
    let (mentions_sorted, times_sorted) = (sorted_by_start(mentions, |m| m.span), sorted_by_start(times, |t| t.span));
    let claims_of = ClaimsBySentence::new(section, claims);
    let mut out = Vec::new();
    for (i, sentence) in section.sentences.iter().enumerate() {
        let span = sentence.span;
        if in_headline(span) {
            continue;
        }
        let in_span = |s: Span| span.contains(s);
        let sent_times: Vec<&TimeExpr> =
            starting_in(times, times_sorted, span, |t| t.span).iter().filter(|t| in_span(t.span)).collect();
        let anaphors = super::anaphora::find(body, span);
        // (where, value, rule, anchor score: 0 = passing mention only)
        let mut dated: Vec<(Span, TimeValue, Option<Rule>, u8)> = Vec::new();
        for t in &sent_times {
            let over = anaphors.iter().find(|a| a.span.overlaps(t.span));
            let (value, rule) = match over {
                Some(a) if a.counts_from_reference() => (a.resolve(None, reference), Some(Rule::Deictic)),
                // Resolved below against its antecedent.
                Some(_) => continue,
                None => (t.value, t.rule),
            };
            let Some(value) = value else { continue };
            if precision::is_bound(body, span, t.span) || precision::is_weekday_attribute(body, span, t.span) {
                continue;
            }
            let score = if precision::in_speech_relative_clause(body, span, t.span) {
                1
            } else if precision::in_modifying_phrase(body, span, t.span)
                || precision::in_relative_clause(body, span, t.span)
            {
                0
            } else {
                // A date in a subordinate or relative clause ("who took office
                // three weeks ago") dates that clause, not the sentence.
                match t.attachment {
                    // "the 2017-2018 budget was approved Tuesday": Tuesday dates the sentence.
                    Attachment::Main if precision::labels_a_noun(body, span, t.span) => 2,
                    Attachment::Main => 3,
                    Attachment::Modifier => 2,
                    _ => 0,
                }
            };
            dated.push((t.span, value, rule, score));
        }
        // The time stage's expressions come in text order: an anaphor's
        // antecedent within the sentence is found by binary search.
        let in_order = dated.len();
        for a in anaphors.iter().filter(|a| a.counts_from_reference()) {
            // "over the weekend" (no expression of the time stage there): from the page's date.
            if !sent_times.iter().any(|t| t.span.overlaps(a.span)) {
                if let Some(v) = a.resolve(None, reference) {
                    let score = if precision::in_relative_clause(body, span, a.span) { 0 } else { 3 };
                    dated.push((a.span, v, Some(Rule::Deictic), score));
                }
            }
        }
        for a in anaphors.iter().filter(|a| !a.counts_from_reference()) {
            // The antecedent: a date earlier in the sentence, else the last anchored sentence's.
            let k = dated[..in_order].partition_point(|d| d.0.start < a.span.start);
            let before = k.checked_sub(1).map(|k| dated[k].1).or(antecedent);
            if let Some(v) = a.resolve(before, reference) {
                let score = if precision::in_relative_clause(body, span, a.span) { 0 } else { 3 };
                dated.push((a.span, v, Some(Rule::Antecedent), score));
            }
        }
        dated.sort_by_key(|d| d.0.start);
        let sent_mentions: Vec<&Mention> =
            starting_in(mentions, mentions_sorted, span, |m| m.span).iter().filter(|m| in_span(m.span)).collect();
        let sent_claims: Vec<&Claim> = claims_of.of(i, claims).collect();
        let claim_date = sent_claims.iter().find_map(|c| c.date);
        let mut best: Option<(TimeValue, Option<Rule>, u8)> = None;
        for &(_, v, r, score) in &dated {
            if score > 0 && best.map_or(true, |b| score > b.2) {
                best = Some((v, r, score));
            }
        }
        let mut main_date = best.map(|(v, r, _)| (v, r));
        if main_date.is_none() {
            // The claim's date, unless it is one set aside above (a bound, a relative clause).
            if let Some(d) = claim_date.filter(|d| !dated.iter().any(|x| x.1 == *d && x.3 == 0)) {
                let rule = sent_times.iter().find(|t| t.value == Some(d)).and_then(|t| t.rule);
                main_date = Some((d, rule));
            }
        }
        if main_date.is_none() && dated.is_empty() && Some(i) == lede && precision::is_lede_text(span.slice(body)) {
            main_date = published.map(|p| (p, Some(Rule::Publication)));
        }
        if let Some((d, _)) = main_date {
            antecedent = Some(d);
        }
        if main_date.is_none() && dated.is_empty() {
            continue;
        }
        let text = span.slice(body).trim();
        if !precision::is_event_text(text) {
            continue;
        }
        // Ends on a full date and has no past form: a photo caption.
        let ends_on_date = sent_times.iter().any(|t| {
            t.rule == Some(Rule::Explicit)
                && matches!(t.value, Some(TimeValue::Day(_)))
                && body.get(t.span.end..span.end).is_some_and(|rest| rest.trim().len() <= 1)
        });
        if ends_on_date && precision::is_present_tense_caption(text) {
            continue;
        }
        // The speaker's own words when the sentence only reports them: a
        // direct quote by the same speaker in the next few sentences.
        let nearby: Vec<&Claim> = claims_of
            .said_in(i + 1..=i + QUOTE_LOOKAHEAD, claims)
            .filter(|c| c.kind == ClaimKind::Direct)
            .filter(|c| sent_claims.iter().any(|r| same_speaker(r, c)))
            .collect();
        let quote = key_quote(document, body, &sent_claims, &nearby);
        let time_spans: Vec<Span> = sent_times.iter().map(|t| t.span).chain(anaphors.iter().map(|a| a.span)).collect();
        let words = words_outside(body, span, &sent_mentions, &time_spans);
        // A statement needs content besides its date: a bare "33 minutes ago"
        // or "Thursday, April 10" line is not a happening.
        if words.len() + sent_mentions.len() < MIN_CONTENT {
            continue;
        }
        let mut seen: HashSet<TimeValue> = HashSet::new();
        if let Some((date, rule)) = main_date {
            seen.insert(date);
            let (venues, venue_names) = venues(body, span, &sent_mentions);
            out.push(Statement {
                document: document.to_string(),
                date,
                rule,
                text: text.to_string(),
                span,
                main: true,
                entities: sent_mentions.iter().map(|m| m.entity.clone()).collect(),
                venues,
                venue_names,
                words: words.clone(),
                quote: quote.clone(),
            });
        }
        for &(expr, date, rule, _) in &dated {
            if !seen.insert(date) {
                continue;
            }
            let clause = clause_span(body, span, expr);
            // A possessive date ("Saturday's quake") in a passing clause names its noun, not an event.
            let possessive = body.get(expr.end..).is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
            // So does a span of years labelling the noun after it ("the 2017-2018 budget").
            let years_label = matches!(date, TimeValue::Range(Point::Year(_), Point::Year(_)))
                && precision::labels_a_noun(body, span, expr);
            if possessive
                || years_label
                || precision::in_quote(body, span, expr)
                || precision::is_data_point(clause.slice(body))
            {
                continue;
            }
            // Mentions are in text order: the clause's are a slice of them.
            let from = sent_mentions.partition_point(|m| m.span.start < clause.start);
            let to = sent_mentions.partition_point(|m| m.span.start < clause.end);
            let clause_mentions: Vec<&Mention> =
                sent_mentions[from..to.max(from)].iter().copied().filter(|m| clause.contains(m.span)).collect();
            let (text, shown) = clause_text(body, span, clause);
            let (venues, venue_names) = venues(body, clause, &clause_mentions);
            out.push(Statement {
                document: document.to_string(),
                date,
                rule,
                text,
                span: shown,
                main: false,
                entities: clause_mentions.iter().map(|m| m.entity.clone()).collect(),
                venues,
                venue_names,
                // The whole sentence's words: the context says which happening
                // a clause like "later in Istanbul on April 10" belongs to.
                words: words.clone(),
                quote: None,
            });
        }
    }
    out
}

/// Content words of `span` that are not part of an entity mention or a temporal expression.
fn words_outside(body: &str, span: Span, mentions: &[&Mention], times: &[Span]) -> Vec<String> {
    let text = span.slice(body);
    // One sweep over the words and the sorted spans to skip: linear time.
    let mut skip: Vec<Span> = mentions.iter().map(|m| m.span).chain(times.iter().copied()).collect();
    skip.sort_unstable_by_key(|s| (s.start, s.end));
    let mut covered_to = 0usize;
    let mut next = 0usize;
    let mut out: Vec<String> = text
        .unicode_word_indices()
        .filter(|(i, w)| {
            let s = Span::new(span.start + i, span.start + i + w.len());
            while next < skip.len() && skip[next].start < s.end {
                covered_to = covered_to.max(skip[next].end);
                next += 1;
            }
            // Some span starting before the word's end reaches past its start: it overlaps the word.
            covered_to <= s.start
        })
        .filter_map(|(_, w)| content_word(w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Places named as venues: a place mention right after "in" or "at"
/// (optionally "the"), as sorted ids and their names as written.
fn venues(body: &str, within: Span, mentions: &[&Mention]) -> (Vec<String>, Vec<String>) {
    let mut out: Vec<(String, String)> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Place && within.contains(m.span))
        .filter(|m| {
            let before = body.get(within.start..m.span.start).unwrap_or("");
            let mut words = before.unicode_words().rev();
            let w1 = words.next().map(str::to_lowercase);
            let w1 = match w1.as_deref() {
                Some("the") => words.next().map(str::to_lowercase),
                _ => w1,
            };
            matches!(w1.as_deref(), Some("in" | "at"))
        })
        .map(|m| (m.entity.clone(), m.text.clone()))
        .collect();
    out.sort_unstable();
    out.dedup_by(|a, b| a.0 == b.0);
    out.into_iter().unzip()
}

/// The first and last day a value covers.
pub fn bounds(v: &TimeValue) -> Option<(NaiveDate, NaiveDate)> {
    fn last(p: Point) -> Option<NaiveDate> {
        match p {
            Point::Day(d) => Some(d),
            Point::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
            }
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
        }
    }
    let (start, end) = v.points();
    let end = last(end.unwrap_or(start))?;
    Some((v.start()?, end))
}

/// Order of events: first day, then longer spans first, then first report.
fn date_key(v: &TimeValue) -> (i32, u32, i64) {
    match bounds(v) {
        Some((s, e)) => (s.year(), s.ordinal(), -(e - s).num_days()),
        None => (i32::MAX, 0, 0),
    }
}

/// Merge statements into events; `source_of` gives each document's source
/// (a syndicated story counts once). Statements are taken in corpus order.
///
/// `source_of` returns a shared [`Source`] so that a story with thousands of
/// copies is not copied for every statement.
pub fn build(statements: Vec<Statement>, source_of: &dyn Fn(&str) -> Arc<Source>, title: Option<String>) -> Timeline {
    let items: Vec<Vec<String>> = statements.iter().map(Statement::items).collect();
    // Union-find over statements with the same date.
    let mut sets = UnionFind::new(statements.len());
    let mut by_date: HashMap<TimeValue, Vec<usize>> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        by_date.entry(s.date).or_default().push(i);
    }
    for group in by_date.values() {
        // Candidates through shared items, not all pairs: an item's postings
        // list holds the group's earlier statements containing it (the most
        // recent MAX_POSTINGS of them, which bounds the cost on big corpora).
        let mut postings: FastMap<&str, Vec<usize>> = FastMap::default();
        let mut shared_with: FastMap<usize, usize> = FastMap::default();
        for &a in group {
            shared_with.clear();
            for t in &items[a] {
                if let Some(list) = postings.get(t.as_str()) {
                    for &b in list.iter().rev().take(MAX_POSTINGS) {
                        *shared_with.entry(b).or_insert(0) += 1;
                    }
                }
            }
            for (&b, &n) in &shared_with {
                if merges(n, items[a].len(), items[b].len()) {
                    sets.union(a, b);
                }
            }
            for t in &items[a] {
                postings.entry(t.as_str()).or_default().push(a);
            }
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..statements.len() {
        let r = sets.find(i);
        clusters.entry(r).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = clusters.into_values().collect();
    clusters.sort_by_key(|c| (date_key(&statements[c[0]].date), c[0]));

    let mut events = Vec::with_capacity(clusters.len());
    let mut profiles = Vec::with_capacity(clusters.len());
    // Venue names as first written, for conflict notes an editor can read.
    let mut venue_names: FastMap<&str, &str> = FastMap::default();
    for s in &statements {
        for (id, name) in s.venues.iter().zip(&s.venue_names) {
            venue_names.entry(id.as_str()).or_insert(name.as_str());
        }
    }
    for (n, members) in clusters.iter().enumerate() {
        let rep = representative(members, &statements, &items);
        let mut counts: FastMap<&str, (usize, usize)> = FastMap::default();
        let mut sources: Vec<Arc<Source>> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut venues: Vec<String> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for &i in members {
            let s = &statements[i];
            for e in &s.entities {
                let first = counts.len();
                counts.entry(e.as_str()).or_insert((0, first)).0 += 1;
            }
            let src = source_of(&s.document);
            if seen.insert(src.id.clone()) {
                sources.push(src);
            }
            venues.extend(s.venues.iter().cloned());
            words.extend(s.words.iter().cloned());
        }
        let mut counts: Vec<(&str, usize, usize)> = counts.into_iter().map(|(e, (c, f))| (e, c, f)).collect();
        counts.sort_by_key(|(_, c, first)| (std::cmp::Reverse(*c), *first));
        venues.sort_unstable();
        venues.dedup();
        words.sort_unstable();
        words.dedup();
        // The representative's quote first, a direct quote before reported speech.
        let quotes =
            || std::iter::once(rep).chain(members.iter().copied()).filter_map(|i| statements[i].quote.as_ref());
        let quote = quotes().find(|q| q.direct).or_else(|| quotes().next()).cloned();
        events.push(Event {
            id: format!("e{}", n + 1),
            date: Some(statements[rep].date),
            rule: statements[rep].rule,
            text: statements[rep].text.clone(),
            entities: counts.into_iter().map(|(id, _, _)| id.to_string()).collect(),
            sources: sources.iter().map(|s| s.id.clone()).collect(),
            conflicts: Vec::new(),
            provenance: sources.iter().map(|s| Source::clone(s)).collect(),
            evidence: members
                .iter()
                .map(|&i| Evidence {
                    document: statements[i].document.clone(),
                    start: statements[i].span.start,
                    end: statements[i].span.end,
                })
                .collect(),
            quote,
        });
        profiles.push((venues, words));
    }
    mark_conflicts(&mut events, &profiles, &|id| venue_names.get(id).map_or(id, |n| n).to_string());
    Timeline { title, events }
}

/// The statement shown for a cluster: a sentence's own anchor before a
/// clause, then the one sharing most with the others, then the first reported.
fn representative(members: &[usize], statements: &[Statement], items: &[Vec<String>]) -> usize {
    // Items shared with the others, summed over the others: an item in `k`
    // members contributes `k - 1` to each of them.
    let mut count: FastMap<&str, usize> = FastMap::default();
    for &i in members {
        for t in &items[i] {
            *count.entry(t.as_str()).or_insert(0) += 1;
        }
    }
    let score = |i: usize| -> usize { items[i].iter().map(|t| count.get(t.as_str()).map_or(0, |k| k - 1)).sum() };
    let mut best = members[0];
    let mut best_key = (statements[best].main, score(best));
    for &i in &members[1..] {
        let key = (statements[i].main, score(i));
        if key > best_key {
            best = i;
            best_key = key;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> TimeValue {
        crate::time::parse_value(s).unwrap()
    }

    fn st(doc: &str, date: &str, words: &[&str], entities: &[&str], venues: &[&str]) -> Statement {
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        words.sort();
        Statement {
            document: doc.into(),
            date: day(date),
            rule: None,
            text: format!("{doc} {date}"),
            span: Span::new(0, 1),
            main: true,
            entities: entities.iter().map(|e| e.to_string()).collect(),
            venues: venues.iter().map(|e| e.to_string()).collect(),
            venue_names: venues.iter().map(|e| e.to_uppercase()).collect(),
            words,
            quote: None,
        }
    }

    fn own(doc: &str) -> Arc<Source> {
        Arc::new(Source::single(doc))
    }

    #[test]
    fn same_date_statements_sharing_words_become_one_event_with_all_sources() {
        let s = vec![
            st("a", "2025-04-10", &["talk", "consulate"], &["istanbul"], &[]),
            st("b", "2025-04-10", &["talk", "round"], &["istanbul"], &[]),
            st("c", "2025-04-10", &["weather", "storm"], &["paris"], &[]),
        ];
        let t = build(s, &own, None);
        assert_eq!(t.events.len(), 2);
        assert_eq!(t.events[0].sources, ["a", "b"]);
        assert_eq!(t.events[1].sources, ["c"]);
    }

    #[test]
    fn different_precisions_of_one_month_stay_apart_and_coarser_comes_first() {
        let s = vec![
            st("a", "2025-02-18", &["talk", "round"], &[], &[]),
            st("b", "2025-02", &["talk", "round"], &[], &[]),
            st("c", "2016/2018", &["seize"], &[], &[]),
        ];
        let t = build(s, &own, None);
        let dates: Vec<String> = t.events.iter().map(|e| e.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2016/2018", "2025-02", "2025-02-18"]);
    }

    #[test]
    fn syndicated_copies_count_as_one_source() {
        let s = vec![st("a#1", "2025-04-09", &["talk"], &[], &[]), st("a#2", "2025-04-09", &["talk"], &[], &[])];
        let story =
            |_: &str| Arc::new(Source { id: "a#1".into(), outlets: vec!["X".into(), "Y".into()], copies: vec![] });
        let t = build(s, &story, None);
        assert_eq!(t.events[0].sources, ["a#1"]);
        assert_eq!(t.events[0].provenance[0].outlets, ["X", "Y"]);
    }

    #[test]
    fn accounts_placing_the_same_rounds_at_different_venues_conflict() {
        let s = vec![
            st("a", "2025", &["two", "round", "talk", "diplomat"], &[], &["istanbul", "moscow"]),
            st("b", "2025-02-18", &["two", "round", "talk", "setback"], &[], &["riyadh", "istanbul"]),
            st("c", "2025-02-18", &["weather", "storm", "rain"], &[], &["paris"]),
        ];
        let t = build(s, &own, None);
        let year = t.events.iter().find(|e| e.sources == ["a"]).unwrap();
        let day = t.events.iter().find(|e| e.sources == ["b"]).unwrap();
        assert_eq!(year.conflicts.len(), 1);
        assert_eq!(year.conflicts[0].event, day.id);
        assert_eq!(day.conflicts[0].event, year.id);
        assert!(t.events.iter().find(|e| e.sources == ["c"]).unwrap().conflicts.is_empty());
    }

    #[test]
    fn clause_around_a_passing_date_starts_at_its_subordinator() {
        let body = "Lavrov and Rubio met, the first talks since the invasion of Ukraine in 2022.";
        let expr = Span::new(body.find("in 2022").unwrap(), body.len() - 1);
        let c = clause_span(body, Span::new(0, body.len()), expr);
        assert_eq!(c.slice(body), "since the invasion of Ukraine in 2022.");
        let (text, _) = clause_text(body, Span::new(0, body.len()), c);
        assert_eq!(text, "the invasion of Ukraine in 2022");
    }

    #[test]
    fn clause_never_cuts_inside_the_date_expression() {
        let body = "Properties were seized between 2016 and 2018, officials said.";
        let at = body.find("between").unwrap();
        let expr = Span::new(at, at + "between 2016 and 2018".len());
        let c = clause_span(body, Span::new(0, body.len()), expr);
        assert_eq!(c.slice(body), "Properties were seized between 2016 and 2018");
    }

    #[test]
    fn a_bare_age_line_is_no_statement_but_a_dated_sentence_is() {
        let body = "33 minutes ago\nDiplomats from both countries met in Istanbul on Thursday.\n";
        let section = crate::text::analyze(body, None).main;
        let times = crate::time::extract(body, &section, NaiveDate::from_ymd_opt(2025, 4, 11));
        let st = statements("a", body, &section, &[], &times, &[], None);
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].date.to_string(), "2025-04-10");
        assert!(st[0].main);
    }

    #[test]
    fn bounds_cover_months_years_and_ranges() {
        let b = |s: &str| bounds(&day(s)).map(|(a, b)| (a.to_string(), b.to_string())).unwrap();
        assert_eq!(b("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(b("2016/2018"), ("2016-01-01".into(), "2018-12-31".into()));
        assert_eq!(b("2025-12"), ("2025-12-01".into(), "2025-12-31".into()));
    }

    proptest::proptest! {
        #[test]
        fn every_statement_lands_in_exactly_one_event_and_events_are_in_date_order(
            raw in proptest::collection::vec((0usize..6, 0usize..4, proptest::collection::vec(0usize..8, 0..5)), 0..40)
        ) {
            const DATES: [&str; 6] = ["2016/2018", "2022", "2025", "2025-02", "2025-02-18", "2025-04-10"];
            const WORDS: [&str; 8] = ["talk", "round", "embassy", "property", "flight", "staff", "bank", "visa"];
            let statements: Vec<Statement> = raw
                .iter()
                .map(|(d, doc, ws)| {
                    let mut ws: Vec<&str> = ws.iter().map(|&w| WORDS[w]).collect();
                    ws.sort_unstable();
                    ws.dedup();
                    st(&format!("d{doc}"), DATES[*d], &ws, &[], &[])
                })
                .collect();
            let n = statements.len();
            let t = build(statements, &own, None);
            let evidence: usize = t.events.iter().map(|e| e.evidence.len()).sum();
            proptest::prop_assert_eq!(evidence, n);
            let keys: Vec<_> = t.events.iter().map(|e| date_key(&e.date.unwrap())).collect();
            proptest::prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]));
            for e in &t.events {
                let mut s = e.sources.clone();
                s.sort();
                s.dedup();
                proptest::prop_assert_eq!(s.len(), e.sources.len());
            }
        }
    }
}
