//! Time expressions on real text: every expression of the bundled seeds, a
//! table of written cases covering each rule and each non-date, anchors, and
//! laws (no panic, spans inside their sentence) as property tests.

use chrono::NaiveDate;
use dateline::text::{Paragraph, Section, Sentence};
use dateline::time::{self, parse_value, Attachment, Rule, Tense, TimeExpr, TimeValue};
use dateline::Span;
use proptest::prelude::*;

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");
const SEED_TABLE: &str = include_str!("data/time/seeds.tsv");
const CASES: &str = include_str!("data/time/cases.tsv");
const PAGES: &str = include_str!("data/time/pages.corpus");
const PAGE_TABLE: &str = include_str!("data/time/pages.tsv");

/// A section holding `text` as one sentence.
fn one_sentence(text: &str) -> Section {
    let span = Span::new(0, text.len());
    Section { headline: None, paragraphs: vec![Paragraph { span }], sentences: vec![Sentence { span, paragraph: 0 }] }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn rows(table: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

#[test]
fn every_seed_expression_resolves_to_its_table_value() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    for doc in &docs {
        let expected: Vec<(String, String)> = rows(SEED_TABLE)
            .filter(|(_, r)| r[0] == doc.name && r[1] == "text")
            .map(|(_, r)| (r[2].to_string(), r[3].to_string()))
            .collect();
        let structure = dateline::text::analyze(&doc.body, doc.meta.title());
        let mut found: Vec<TimeExpr> = time::extract(&doc.body, &structure.main, doc.meta.date());
        for b in &structure.blurbs {
            found.extend(time::extract(&doc.body, &b.section, doc.meta.date()));
        }
        found.sort_by_key(|t| t.span);
        // A blurb's printed age belongs to the blurb's metadata once the structure stage
        // recognises it; until then it may also be read as text. It is checked below.
        let ages: Vec<&str> =
            rows(SEED_TABLE).filter(|(_, r)| r[0] == doc.name && r[1] == "age").map(|(_, r)| r[2]).collect();
        found.retain(|t| !ages.contains(&t.text.as_str()));
        let got: Vec<(String, String)> = found
            .iter()
            .map(|t| (t.text.clone(), t.value.map_or("unresolved".to_string(), |v| v.to_string())))
            .collect();
        assert_eq!(got, expected, "expressions of {}", doc.name);
    }
}

#[test]
fn written_pages_yield_their_table_expressions_and_no_boilerplate_or_non_dates() {
    let docs = dateline::corpus::parse(PAGES).unwrap();
    assert_eq!(docs.len(), 2);
    for doc in &docs {
        let expected: Vec<(String, String)> = rows(PAGE_TABLE)
            .filter(|(_, r)| r[0] == doc.name)
            .map(|(_, r)| (r[1].to_string(), r[2].to_string()))
            .collect();
        let structure = dateline::text::analyze(&doc.body, doc.meta.title());
        let got: Vec<(String, String)> = time::extract(&doc.body, &structure.main, doc.meta.date())
            .iter()
            .map(|t| (t.text.clone(), t.value.map_or("unresolved".to_string(), |v| v.to_string())))
            .collect();
        assert_eq!(got, expected, "expressions of {}", doc.name);
    }
}

#[test]
fn seed_blurb_ages_resolve_against_the_page_date() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let mut n = 0;
    for (line, r) in rows(SEED_TABLE).filter(|(_, r)| r[1] == "age") {
        let doc = docs.iter().find(|d| d.name == r[0]).unwrap();
        assert!(doc.body.contains(r[2]), "line {line}: {:?} not in {}", r[2], r[0]);
        let v = time::resolve_age(r[2], doc.meta.date());
        assert_eq!(v.map(|v| v.to_string()).as_deref(), Some(r[3]), "line {line}: age {:?}", r[2]);
        n += 1;
    }
    assert_eq!(n, 3);
}

#[test]
fn case_table_holds_for_every_row() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (line, r) in rows(CASES) {
        assert_eq!(r.len(), 4, "cases.tsv line {line} needs four columns");
        count += 1;
        let (sentence, reference, text, expected) = (r[0], date(r[1]), r[2], r[3]);
        let times = time::extract(sentence, &one_sentence(sentence), reference);
        let Some(at) = sentence.find(text) else {
            failures.push(format!("line {line}: {text:?} not in the sentence"));
            continue;
        };
        let span = Span::new(at, at + text.len());
        let overlapping: Vec<&TimeExpr> = times.iter().filter(|t| t.span.overlaps(span)).collect();
        let outcome = match expected {
            "none" => overlapping.is_empty(),
            "unresolved" => {
                overlapping.len() == 1
                    && overlapping[0].text == text
                    && overlapping[0].value.is_none()
                    && overlapping[0].unresolved.as_deref().is_some_and(|r| !r.is_empty())
            }
            v => {
                assert!(parse_value(v).is_some(), "line {line}: bad expected value {v:?}");
                overlapping.len() == 1 && overlapping[0].text == text && overlapping[0].value == parse_value(v)
            }
        };
        if !outcome {
            let got: Vec<String> = times
                .iter()
                .map(|t| format!("{:?}={}", t.text, t.value.map_or("unresolved".into(), |v| v.to_string())))
                .collect();
            failures.push(format!("line {line}: {sentence:?} expected {text:?}={expected}, got {got:?}"));
        }
    }
    assert!(count >= 150, "the table should hold at least 150 cases, has {count}");
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn resolved_values_name_their_rule_and_precision() {
    let s = "The war began in February 2022 and the envoy met officials on Thursday.";
    let times = time::extract(s, &one_sentence(s), date("2025-04-11"));
    assert_eq!(times.len(), 2);
    assert_eq!(times[0].rule, Some(Rule::Explicit));
    assert_eq!(times[0].precision(), Some(time::Precision::Month));
    assert!(times[0].is_reliable());
    assert_eq!(times[1].rule, Some(Rule::Weekday));
    assert_eq!(times[1].tense, Tense::Past);
    assert_eq!(times[1].precision(), Some(time::Precision::Day));
    assert!(times[1].is_reliable());
}

#[test]
fn weekday_in_a_schedule_line_reads_forward_and_is_flagged_as_a_guess() {
    // A schedule after a Wednesday reference: the coming Thursday, not last week's.
    let s = "Thursday: a new round in Istanbul";
    let times = time::extract(s, &one_sentence(s), date("2025-04-09"));
    assert_eq!(times[0].value.unwrap().to_string(), "2025-04-10");
    assert_eq!(times[0].tense, Tense::Unknown);
    assert!(!times[0].is_reliable());
}

#[test]
fn unresolved_expressions_say_why() {
    let s = "They met on Thursday.";
    let times = time::extract(s, &one_sentence(s), None);
    assert_eq!(times[0].value, None);
    assert_eq!(times[0].rule, None);
    assert_eq!(times[0].unresolved.as_deref(), Some("relative expression and no reference date"));
}

fn anchors_of(s: &str, reference: &str) -> Vec<Option<String>> {
    let section = one_sentence(s);
    let times = time::extract(s, &section, date(reference));
    time::sentence_anchors(&section, &times).into_iter().map(|a| a.map(|v| v.to_string())).collect()
}

#[test]
fn anchor_prefers_main_clause_over_since_phrase() {
    let s = "Earlier in February, Lavrov and Rubio held the first direct talks since the invasion of Ukraine in 2022.";
    assert_eq!(anchors_of(s, "2025-06-25"), vec![Some("2025-02".to_string())]);
}

#[test]
fn anchor_ignores_bound_phrases_alone() {
    let s = "Relations have been frozen since 2022.";
    assert_eq!(anchors_of(s, "2025-06-25"), vec![None]);
}

#[test]
fn anchor_takes_relative_clause_date_when_nothing_else_dates_the_sentence() {
    let s = "Russia wants six properties back, which were confiscated between 2016 and 2018.";
    assert_eq!(anchors_of(s, "2025-06-25"), vec![Some("2016/2018".to_string())]);
}

#[test]
fn anchor_prefers_main_verb_over_complement_clause() {
    let s = "Ushakov confirmed on Wednesday that Darchiev had returned to Moscow on Sunday.";
    assert_eq!(anchors_of(s, "2025-06-25"), vec![Some("2025-06-25".to_string())]);
    let section = one_sentence(s);
    let times = time::extract(s, &section, date("2025-06-25"));
    assert_eq!(times[0].attachment, Attachment::Main);
    assert_eq!(times[1].attachment, Attachment::Subordinate);
}

#[test]
fn anchor_uses_possessive_modifier_when_it_is_the_only_date() {
    let s = "A notable outcome of Thursday\u{2019}s meeting was an agreement.";
    assert_eq!(anchors_of(s, "2025-04-11"), vec![Some("2025-04-10".to_string())]);
}

#[test]
fn seed_sentence_anchors_date_the_main_events() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let doc = docs.iter().find(|d| d.name.starts_with("000")).unwrap();
    let s = dateline::text::analyze(&doc.body, doc.meta.title());
    let times = time::extract(&doc.body, &s.main, doc.meta.date());
    let anchors = time::sentence_anchors(&s.main, &times);
    let anchor_of = |needle: &str| {
        let i = s.main.sentences.iter().position(|x| x.span.slice(&doc.body).contains(needle)).unwrap();
        anchors[i].map(|v| v.to_string())
    };
    assert_eq!(anchor_of("Lavrov").as_deref(), Some("2025-02"));
    assert_eq!(anchor_of("who spoke on Wednesday").as_deref(), Some("2025-06-25"));
    assert_eq!(anchor_of("confiscated between").as_deref(), Some("2016/2018"));
}

#[test]
fn blurb_age_needs_a_reference() {
    assert_eq!(time::resolve_age("33 minutes ago", None), None);
    assert_eq!(time::resolve_age("no age here", date("2025-04-09")), None);
    assert_eq!(time::resolve_age("an hour ago", date("2025-04-09")), Some(TimeValue::Day(date("2025-04-09").unwrap())));
}

#[test]
fn time_expressions_serialize_with_iso_values() {
    let s = "Talks were held between 2016 and 2018.";
    let times = time::extract(s, &one_sentence(s), None);
    let json = serde_json::to_string(&times).unwrap();
    assert!(json.contains("\"value\":\"2016/2018\""), "{json}");
    let back: Vec<TimeExpr> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, times);
}

proptest! {
    #[test]
    fn extraction_never_panics_and_spans_stay_in_their_sentence(s in "\\PC{0,200}", d in 1u32..28) {
        let section = one_sentence(&s);
        let times = time::extract(&s, &section, NaiveDate::from_ymd_opt(2025, 4, d));
        for t in &times {
            prop_assert!(t.span.end <= s.len());
            prop_assert_eq!(t.span.slice(&s), t.text.as_str());
            prop_assert!(t.value.is_some() != t.unresolved.is_some());
        }
        let _ = time::sentence_anchors(&section, &times);
    }

    #[test]
    fn expressions_lie_in_sentences_never_in_boilerplate(
        lines in proptest::collection::vec("(Read next|Advertisement|12:41|2 hours ago|Talks (began|resume) (on Thursday|in February|April 10, 2025|last week)\\.|[A-Za-z ]{0,30}(2016|May|Sunday|yesterday)[a-z ,.]{0,20})", 1..12)
    ) {
        let body = lines.join("\n");
        let structure = dateline::text::analyze(&body, None);
        let times = time::extract(&body, &structure.main, NaiveDate::from_ymd_opt(2025, 4, 9));
        for t in &times {
            prop_assert!(structure.main.sentences.iter().any(|s| s.span.contains(t.span)), "{:?} outside sentences", t.text);
            prop_assert!(
                !structure.regions.iter().any(|r| r.kind == dateline::text::RegionKind::Boilerplate && r.span.overlaps(t.span)),
                "{:?} in boilerplate", t.text
            );
        }
    }

    #[test]
    fn date_like_text_never_panics(s in "(on |in |last |between |from )?([A-Z][a-z]{2,8}\\.? )?[0-9]{1,8}([-/,:. ][0-9]{1,4}){0,3}( ago| to [0-9]{4})?") {
        let section = one_sentence(&s);
        let times = time::extract(&s, &section, NaiveDate::from_ymd_opt(2025, 4, 9));
        for t in &times {
            prop_assert_eq!(t.span.slice(&s), t.text.as_str());
        }
    }
}

#[test]
fn weekdays_in_forecasts_and_conditions_resolve_forward() {
    // Written on Thursday 4 July 2024.
    let cases = [
        (
            "Heavy showers are expected Friday and Saturday across the valley, the weather office said.",
            &["2024-07-05", "2024-07-06"][..],
        ),
        ("The ferry line is likely to reopen Wednesday near the old pier.", &["2024-07-10"][..]),
        ("If the unions agree, the ferries run again on Monday.", &["2024-07-08"][..]),
        ("Rain Tuesday and Wednesday of up to two inches for the coast.", &["2024-07-09", "2024-07-10"][..]),
        ("The harbour plan would be discussed by the council on Sunday, aides said.", &["2024-07-07"][..]),
        ("Voters in the north go to the polls in this weekend's regional election.", &["2024-07-06/2024-07-07"][..]),
        // Past cues keep the news convention.
        ("The mayor resigned on Tuesday.", &["2024-07-02"][..]),
    ];
    for (s, want) in cases {
        let times = time::extract(s, &one_sentence(s), date("2024-07-04"));
        let got: Vec<String> = times.iter().filter_map(|t| t.value.map(|v| v.to_string())).collect();
        assert_eq!(got, want, "{s}");
    }
}

#[test]
fn a_plan_noun_is_no_future_cue_for_a_bare_month() {
    // Written in March 2019: "met ... in December" is last December, whatever "her plan" says.
    let s = "She also met with members of the council in December to defend her plan to close the depot.";
    let times = time::extract(s, &one_sentence(s), date("2019-03-06"));
    assert_eq!(times[0].value.unwrap().to_string(), "2018-12");
}

#[test]
fn a_plan_noun_before_a_past_verb_is_no_future_auxiliary() {
    // "budget plan was approved Tuesday", written on Wednesday 17 May 2017: the day before.
    let s = "The mayor's 2017-2018 budget plan was unanimously approved Tuesday by the council.";
    let times = time::extract(s, &one_sentence(s), date("2017-05-17"));
    let tuesday = times.iter().find(|t| t.text == "Tuesday").expect("Tuesday");
    assert_eq!(tuesday.value.unwrap().to_string(), "2017-05-16");
    // A plan verb before "to" still makes a future verb group.
    let s = "The vote is scheduled to be held Tuesday at the town hall.";
    let times = time::extract(s, &one_sentence(s), date("2017-05-17"));
    assert_eq!(times[0].value.unwrap().to_string(), "2017-05-23");
}
