//! Claims on real text: every attributed statement of the five seed pages,
//! and a table of sentences written for each attribution pattern, quote
//! style, pronoun, continuation and non-claim (`tests/data/claims/cases.txt`).

use dateline::claims::{self, Claim, ClaimKind};
use dateline::gazetteer::{Kind, Mention};
use dateline::text::Section;
use dateline::Span;
use proptest::prelude::*;

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");
const SEED_TABLE: &str = include_str!("data/claims/seeds.tsv");
const CASES: &str = include_str!("data/claims/cases.txt");

/// Every section of a page: the article, then each blurb.
fn sections(body: &str, title: Option<&str>) -> Vec<Section> {
    let s = dateline::text::analyze(body, title);
    std::iter::once(s.main).chain(s.blurbs.into_iter().map(|b| b.section)).collect()
}

fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
    }
}

fn check_spans(body: &str, c: &Claim) {
    assert!(c.content_span.end <= body.len() && body.is_char_boundary(c.content_span.start));
    let parts: Vec<&str> = c.content_parts.iter().map(|p| p.slice(body)).collect();
    assert_eq!(parts.join(" "), c.content, "content parts of {c:?}");
    for p in &c.content_parts {
        assert!(c.content_span.contains(*p));
    }
    if let Some(s) = c.speaker_span {
        assert_eq!(s.slice(body), c.speaker_text);
    }
    if let Some(s) = c.cue_span {
        assert_eq!(s.slice(body), c.cue);
    }
}

#[test]
fn every_attributed_statement_in_the_seeds_is_found_with_speaker_cue_kind_and_content() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let mut expected: Vec<Vec<&str>> = SEED_TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    expected.reverse();
    for doc in &docs {
        let body: &str = &doc.body;
        for section in sections(body, doc.meta.title()) {
            let times = dateline::time::extract(body, &section, doc.meta.date());
            for c in claims::extract(body, &section, &[], &times) {
                check_spans(body, &c);
                let want = expected.pop().unwrap_or_else(|| panic!("unexpected claim in {}: {c:?}", doc.name));
                let got = [doc.name.as_ref(), c.speaker_name(), c.cue.as_str(), kind_name(c.kind), c.content.as_str()];
                assert_eq!(got.as_slice(), want.as_slice(), "claim {c:?}");
            }
        }
    }
    assert!(expected.is_empty(), "claims not found: {expected:?}");
}

#[test]
fn seed_roles_addressees_and_pronouns() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let all: Vec<Claim> = docs
        .iter()
        .flat_map(|d| {
            sections(&d.body, d.meta.title())
                .into_iter()
                .flat_map(|s| claims::extract(&d.body, &s, &[], &[]))
                .collect::<Vec<_>>()
        })
        .collect();
    let bruce = all.iter().find(|c| c.speaker_text == "Tammy Bruce").unwrap();
    assert_eq!(bruce.role.as_deref(), Some("State Department spokesperson"));
    let ushakov = all.iter().find(|c| c.cue == "according to").unwrap();
    assert_eq!(ushakov.role.as_deref(), Some("Kremlin foreign policy advisor"));
    let telegram = all.iter().find(|c| c.cue == "posted").unwrap();
    assert_eq!(telegram.addressee.as_deref(), Some("Telegram"));
    let tass = all.iter().find(|c| c.cue == "told" && c.kind == ClaimKind::Direct).unwrap();
    assert_eq!(tass.addressee.as_deref(), Some("TASS"));
    let she = all.iter().find(|c| c.speaker_text == "she").unwrap();
    assert!(she.by_pronoun);
    assert_eq!(she.antecedent.as_deref(), Some("Tammy Bruce"));
    let continued = all.iter().find(|c| c.continued).unwrap();
    assert!(continued.content.starts_with("These talks are solely focused"));
    assert_eq!(continued.speaker_text, "Tammy Bruce");
}

#[test]
fn scare_quotes_in_the_seeds_are_not_claims() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    for d in &docs {
        for s in sections(&d.body, d.meta.title()) {
            for c in claims::extract(&d.body, &s, &[], &[]) {
                assert_ne!(c.content, "dacha");
                assert_ne!(c.content, "clearer answers");
                assert_ne!(c.content, "irritants");
            }
        }
    }
}

/// A case of `cases.txt`: a text and the claims expected in it.
struct Case {
    line: usize,
    text: String,
    want: Vec<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for (i, l) in CASES.lines().enumerate() {
        if let Some(t) = l.strip_prefix("> ") {
            out.push(Case { line: i + 1, text: t.replace(" ¶ ", "\n\n") + "\n", want: Vec::new() });
        } else if let Some(w) = l.strip_prefix("= ") {
            let case = out.last_mut().expect("an expectation line follows a text line");
            case.want.push(w.split(" | ").map(str::to_string).collect());
        }
    }
    out
}

fn field(c: &Claim, key: &str) -> String {
    match key {
        "role" => c.role.clone().unwrap_or_default(),
        "to" => c.addressee.clone().unwrap_or_default(),
        "pronoun" => format!("{}", c.by_pronoun),
        "role_resolved" => format!("{}", c.by_role),
        "written" => c.speaker_text.clone(),
        "continued" => format!("{}", c.continued),
        "entity" => c.speaker.clone().unwrap_or_default(),
        "date" => c.date.map(|d| d.to_string()).unwrap_or_default(),
        _ => panic!("unknown key {key}"),
    }
}

#[test]
fn table_of_written_cases_gives_the_expected_claims() {
    let table = cases();
    assert!(table.len() >= 100, "{} cases", table.len());
    let mut failures = Vec::new();
    for case in &table {
        let got = claims::extract_text(&case.text);
        let mut bad = got.len() != case.want.len();
        for (c, w) in got.iter().zip(&case.want) {
            check_spans(&case.text, c);
            let basic = [c.speaker_name().to_string(), c.cue.clone(), kind_name(c.kind).to_string(), c.content.clone()];
            bad |= basic.iter().zip(w).any(|(a, b)| a != b);
            for extra in w.iter().skip(4) {
                let (k, v) = extra.split_once('=').expect("key=value");
                bad |= field(c, k) != v;
            }
        }
        if bad {
            let got: Vec<String> = got
                .iter()
                .map(|c| {
                    format!(
                        "{} | {} | {} | {} (role {:?}, to {:?}, pronoun {}, continued {})",
                        c.speaker_name(),
                        c.cue,
                        kind_name(c.kind),
                        c.content,
                        c.role,
                        c.addressee,
                        c.by_pronoun,
                        c.continued
                    )
                })
                .collect();
            failures.push(format!("line {}: {:?}\n  want {:?}\n  got  {:?}", case.line, case.text, case.want, got));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), table.len(), failures.join("\n"));
}

#[test]
fn speaker_is_linked_to_the_mention_covering_it_and_by_surname_later() {
    let body = "Kremlin aide Yuri Ushakov said the talks would go on. Later Ushakov said they had stalled.\n";
    let section = dateline::text::analyze(body, None).main;
    let at = body.find("Yuri Ushakov").unwrap();
    let mentions = vec![Mention {
        entity: "yuri-ushakov".into(),
        kind: Kind::Person,
        text: "Yuri Ushakov".into(),
        span: Span::new(at, at + 12),
        sentence: 0,
    }];
    let cs = claims::extract(body, &section, &mentions, &[]);
    assert_eq!(cs.len(), 2);
    assert_eq!(cs[0].speaker.as_deref(), Some("yuri-ushakov"));
    assert_eq!(cs[0].role.as_deref(), Some("Kremlin aide"));
    assert_eq!(cs[1].speaker_text, "Ushakov");
    assert_eq!(cs[1].speaker.as_deref(), Some("yuri-ushakov"));
}

#[test]
fn pronoun_resolves_to_the_latest_person_mention_when_no_earlier_speaker() {
    let body = "Maria Zakharova spoke in Moscow. She said the pause should not be long.\n";
    let section = dateline::text::analyze(body, None).main;
    let mentions = vec![Mention {
        entity: "maria-zakharova".into(),
        kind: Kind::Person,
        text: "Maria Zakharova".into(),
        span: Span::new(0, 15),
        sentence: 0,
    }];
    let cs = claims::extract(body, &section, &mentions, &[]);
    assert_eq!(cs.len(), 1);
    assert!(cs[0].by_pronoun);
    assert_eq!(cs[0].speaker_text, "She");
    assert_eq!(cs[0].antecedent.as_deref(), Some("Maria Zakharova"));
    assert_eq!(cs[0].speaker.as_deref(), Some("maria-zakharova"));
}

#[test]
fn statement_date_comes_from_the_time_expression_next_to_the_cue() {
    let body = "Ushakov said on Tuesday that talks in April had helped.\n";
    let section = dateline::text::analyze(body, None).main;
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 6, 25);
    let times = dateline::time::extract(body, &section, reference);
    let cs = claims::extract(body, &section, &[], &times);
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].date, dateline::time::parse_value("2025-06-24"));
    assert_eq!(cs[0].content, "talks in April had helped");
}

#[test]
fn the_same_quote_in_several_outlets_is_one_group_with_all_sources() {
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let per_doc: Vec<(String, Vec<Claim>)> = docs
        .iter()
        .flat_map(|d| {
            let s = dateline::text::analyze(&d.body, d.meta.title());
            let mut out = vec![(d.name.to_string(), claims::extract(&d.body, &s.main, &[], &[]))];
            for b in &s.blurbs {
                out.push((format!("{}#{}", d.name, b.number), claims::extract(&d.body, &b.section, &[], &[])));
            }
            out
        })
        .collect();
    let input: Vec<(&str, Option<&str>, &[Claim])> =
        per_doc.iter().map(|(id, cs)| (id.as_str(), None, cs.as_slice())).collect();
    let groups = claims::group(&input);
    let recovery = groups.iter().find(|g| g.content.contains("The recovery of Russian-American relations")).unwrap();
    // The two copies of the Reuters blurb carry the same Darchiev quote (curly and straight quotes).
    assert_eq!(recovery.members.len(), 2);
    assert_eq!(recovery.speaker_text, "Alexander Darchiev");
    let total: usize = groups.iter().map(|g| g.members.len()).sum();
    assert_eq!(total, per_doc.iter().map(|(_, c)| c.len()).sum::<usize>());
}

proptest! {
    #[test]
    fn never_panics_and_spans_stay_in_the_body(text in "[A-Za-z ,.:;'\"“”‘’«»„\n-]{0,300}") {
        for c in claims::extract_text(&text) {
            prop_assert!(c.content_span.end <= text.len());
            prop_assert!(text.is_char_boundary(c.content_span.start) && text.is_char_boundary(c.content_span.end));
            for p in &c.content_parts {
                prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end) && p.end <= text.len());
            }
        }
    }

    #[test]
    fn never_panics_on_arbitrary_unicode(text in "\\PC{0,200}") {
        for c in claims::extract_text(&text) {
            prop_assert!(c.content_span.end <= text.len());
            prop_assert!(text.is_char_boundary(c.content_span.start) && text.is_char_boundary(c.content_span.end));
        }
    }

    #[test]
    fn quotes_are_nested_inside_their_paragraph(text in "[a-z '\"“”‘’«»„.,]{0,120}") {
        for q in claims::quotes::find(&text, 0) {
            prop_assert!(q.outer.contains(q.inner));
            prop_assert!(q.outer.end <= text.len());
            prop_assert!(text.is_char_boundary(q.inner.start) && text.is_char_boundary(q.inner.end));
        }
    }
}

#[test]
fn with_the_sample_gazetteer_seed_speakers_link_to_entities_also_through_pronouns_and_roles() {
    let gazetteer = dateline::gazetteer::Gazetteer::from_tsv(include_str!("../examples/data/gazetteer.tsv"))
        .expect("gazetteer loads");
    let docs = dateline::corpus::parse(SEEDS).unwrap();
    let mut linked: Vec<(String, String, Option<String>)> = Vec::new();
    for d in &docs {
        for s in sections(&d.body, d.meta.title()) {
            let mentions = gazetteer.mentions(&d.body, &s);
            let times = dateline::time::extract(&d.body, &s, d.meta.date());
            for c in claims::extract(&d.body, &s, &mentions, &times) {
                linked.push((c.speaker_text.clone(), c.cue.clone(), c.speaker.clone()));
            }
        }
    }
    let find = |text: &str, cue: &str| {
        linked.iter().find(|(t, c, _)| t == text && c == cue).and_then(|(_, _, e)| e.clone()).unwrap_or_default()
    };
    assert_eq!(find("Yuri Ushakov", "according to"), "yuri-ushakov");
    assert_eq!(find("Ushakov", "expressed"), "yuri-ushakov");
    assert_eq!(find("Tammy Bruce", "said"), "tammy-bruce");
    // A pronoun resolves past the person named inside the quote it attributes.
    assert_eq!(find("she", "continued"), "tammy-bruce");
    // A definite description repeats an earlier speaker's role.
    assert_eq!(find("the State Department spokesperson", "confirmed"), "tammy-bruce");
    assert_eq!(find("who", "acknowledged"), "yuri-ushakov");
    assert_eq!(find("Maria Zakharova", "said"), "maria-zakharova");
    // Coordinations and post-modified heads name no single entity.
    assert_eq!(find("Moscow and Washington", "according to"), "");
    assert_eq!(find("Russia's new ambassador to Washington", "told"), "");
}

#[test]
fn a_paragraph_of_thousands_of_quotes_gives_every_claim() {
    // Linear time is asserted by `cargo bench --bench claims`; here the claims are checked.
    let mut body = String::new();
    for i in 0..1_000 {
        body.push_str(&format!(
            "\"We will win round {i},\" he said. \"It is ours.\" \"The rest,\" Jones added, \"can wait.\" Officials said the \"plan {i}\" was ready. "
        ));
    }
    body.push('\n');
    let claims = claims::extract_text(&body);
    assert_eq!(claims.len(), 3_000);
    let last = &claims[2_999];
    assert_eq!((last.speaker_text.as_str(), last.content.as_str()), ("Officials", "the \"plan 999\" was ready"));
    assert_eq!(claims[2_997].content, "We will win round 999 It is ours.");
    assert_eq!(claims[2_998].content, "The rest can wait.");
}
