//! The pipeline facade on whole corpora: sub-document ids, spans into the
//! corpus bodies, the `documents` record shape, streaming equals batch, and
//! no panic on arbitrary text.

use dateline::corpus::Document;
use dateline::pipeline::{DocumentAnalysis, Pipeline};
use proptest::prelude::*;

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");

fn pipeline() -> Pipeline {
    Pipeline::builder().build().expect("default pipeline builds")
}

#[test]
fn pages_come_first_and_blurbs_get_page_hash_number_ids_with_their_parent() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let p = pipeline();
    let mut blurbs = 0;
    for doc in &docs {
        let a = p.analyze(doc);
        assert_eq!(a[0].id, doc.name);
        assert_eq!(a[0].parent, None);
        for (n, b) in a.iter().skip(1).enumerate() {
            assert_eq!(b.id, format!("{}#{}", doc.name, n + 1));
            assert_eq!(b.parent.as_deref(), Some(&*doc.name));
            blurbs += 1;
        }
    }
    // 001 carries five "Read next" blurbs, 002 three "Related Articles".
    assert_eq!(blurbs, 8);
}

fn assert_spans_inside(doc: &Document<'_>, a: &DocumentAnalysis) {
    let body: &str = &doc.body;
    for m in &a.mentions {
        assert_eq!(m.span.slice(body), m.text, "mention {m:?} of {}", a.id);
    }
    for t in &a.times {
        assert_eq!(t.span.slice(body), t.text, "time {t:?} of {}", a.id);
    }
    for c in &a.claims {
        assert!(body.get(c.content_span.start..c.content_span.end).is_some(), "claim {c:?} of {}", a.id);
    }
}

#[test]
fn every_span_of_pages_and_blurbs_is_a_byte_range_of_the_corpus_body() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let p = pipeline();
    for doc in &docs {
        for a in p.analyze(doc) {
            assert_spans_inside(doc, &a);
        }
    }
}

#[test]
fn record_has_exactly_the_fields_of_a_documents_entry() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let a = pipeline().analyze(&docs[0]);
    let v = serde_json::to_value(a[0].record()).expect("serializes");
    let mut keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["claims", "date", "id", "mentions", "parent", "times", "title"]);
    assert_eq!(v["date"], "2025-06-25");
    assert!(v["parent"].is_null());
}

#[test]
fn analysis_round_trips_through_serde() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    for a in pipeline().analyze(&docs[2]) {
        let json = serde_json::to_string(&a).expect("serializes");
        let back: DocumentAnalysis = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, a);
    }
}

#[test]
fn streaming_session_gives_the_same_report_as_the_batch_call() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let p = pipeline();
    let batch = p.analyze_corpus(&docs);
    let mut session = p.session();
    let mut streamed = Vec::new();
    let mut reader = dateline::corpus::Reader::from_reader(SEEDS.as_bytes());
    while let Some(doc) = reader.read_document().expect("reads") {
        streamed.extend(session.add(&doc).iter().map(DocumentAnalysis::record));
    }
    let report = session.finish();
    assert_eq!(streamed, batch.documents);
    assert_eq!(report, batch);
}

#[test]
fn reference_date_resolves_relative_dates_of_undated_documents() {
    let doc = Document::new("u.txt", "Dock workers walked out on Monday, the union said.\n");
    let day = chrono::NaiveDate::from_ymd_opt(2024, 10, 9).expect("valid date");
    let with = Pipeline::builder().reference_date(day).build().expect("builds").analyze(&doc);
    let without = pipeline().analyze(&doc);
    assert_eq!(with[0].date.map(|d| d.to_string()).as_deref(), Some("2024-10-09"));
    assert_eq!(without[0].date, None);
    let value = |a: &[DocumentAnalysis]| a[0].times.iter().find_map(|t| t.value).map(|v| v.to_string());
    assert_eq!(value(&with).as_deref(), Some("2024-10-07"));
    assert_eq!(value(&without), None);
}

#[test]
fn configuration_errors_say_what_was_expected() {
    let e = Pipeline::builder().focus_threshold(2.0).build().expect_err("out of range");
    assert!(e.to_string().contains("expected a number from 0.0 to 1.0"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn pipeline_never_panics_and_spans_stay_in_the_body(body in "(\\PC|\n|«|»|“|”){0,400}") {
        let doc = Document::new("x.txt", body.as_str());
        let p = pipeline();
        for a in p.analyze(&doc) {
            assert_spans_inside(&doc, &a);
        }
        let t = p.timeline([&doc]);
        for e in &t.events {
            for ev in &e.evidence {
                prop_assert!(body.get(ev.start..ev.end).is_some());
            }
        }
    }
}

#[path = "../benches/common/mod.rs"]
mod common;

#[test]
fn every_thread_count_gives_the_report_of_one_thread() {
    let mut corpus = common::news_corpus(300_000, 3);
    corpus.push('\n');
    corpus.push_str(SEEDS);
    let docs = dateline::corpus::parse(&corpus).expect("generated corpus parses");
    assert!(docs.len() > 50);
    let one = Pipeline::builder().threads(1).build().expect("builds").analyze_corpus(&docs);
    assert!(!one.timeline.events.is_empty());
    for threads in [2, 3, 8] {
        let many = Pipeline::builder().threads(threads).build().expect("builds").analyze_corpus(&docs);
        assert_eq!(many, one, "{threads} threads");
    }
}

#[test]
fn a_batch_gives_the_analyses_and_verdicts_of_adding_one_by_one_in_input_order() {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    // Every document twice: the second copies are syndicated copies of the first.
    let twice: Vec<&Document<'_>> = docs.iter().chain(docs.iter()).collect();
    let p = Pipeline::builder().threads(3).build().expect("builds");
    let mut one = p.session();
    let single: Vec<DocumentAnalysis> = twice.iter().flat_map(|d| one.add(d)).collect();
    let mut many = p.session();
    let batch = many.add_batch(&twice);
    assert_eq!(batch, single);
    assert_eq!(many.finish(), one.finish());
    let pages = single.iter().filter(|a| !a.is_blurb()).count();
    assert_eq!(pages, 2 * docs.len());
    // The second copy of each page is a copy of the first, said with its analysis.
    let page = |id: &str, n: usize| single.iter().filter(|a| a.id == id).nth(n).expect("page twice").clone();
    let (first, second) = (page(&docs[0].name, 0), page(&docs[0].name, 1));
    assert!(!first.verdict.as_ref().expect("a verdict").is_copy());
    assert!(second.verdict.as_ref().expect("a verdict").is_copy());
    // `analyze` alone gives no verdict.
    assert_eq!(p.analyze(&docs[0])[0].verdict, None);
}

#[test]
fn a_document_over_the_size_limit_is_analysed_up_to_a_paragraph_break_and_says_so() {
    let para = "Diplomats met in Geneva on Thursday, officials said.\n\n";
    let body = para.repeat(40);
    let doc = Document::new("big.txt", body.as_str());
    let p = Pipeline::builder().max_document_bytes(1000).reference_date(day(2025, 4, 11)).build().expect("builds");
    let a = p.analyze(&doc);
    let cut = (1000 / para.len()) * para.len();
    assert_eq!(
        a[0].warnings,
        [dateline::pipeline::Warning::Truncated { limit: 1000, length: body.len(), analyzed: cut }]
    );
    // Everything up to the cut is analysed, nothing after it.
    assert_eq!(a[0].times.len(), 1000 / para.len());
    assert!(a[0].times.iter().all(|t| t.span.end <= cut));
    let record = serde_json::to_value(a[0].record()).expect("serializes");
    let warning = record["warnings"][0].as_str().expect("a warning sentence");
    assert!(warning.contains("over the limit of 1000"), "{warning}");
    // Under the limit: no warning, and the record has no `warnings` key.
    let small = Pipeline::builder().build().expect("builds").analyze(&doc);
    assert!(small[0].warnings.is_empty());
    assert_eq!(small[0].times.len(), 40);
    assert!(serde_json::to_value(small[0].record()).expect("serializes").get("warnings").is_none());
    // The session keeps the warning in the report.
    let report = p.analyze_corpus([&doc]);
    assert_eq!(report.documents[0].warnings.len(), 1);
}

#[test]
fn zero_threads_or_a_zero_size_limit_is_a_configuration_error() {
    let e = Pipeline::builder().threads(0).build().expect_err("zero threads");
    assert!(e.to_string().contains("expected at least 1"), "{e}");
    let e = Pipeline::builder().max_document_bytes(0).build().expect_err("zero limit");
    assert!(e.to_string().contains("expected at least 1 byte"), "{e}");
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Inputs the fuzz target (`fuzz/fuzz_targets/pipeline.rs`) found or that
/// were written to stand for its findings: each runs through the whole
/// pipeline without a panic, with spans inside the body, in well under a second.
#[test]
fn fuzz_crash_and_slow_inputs_replay_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pipeline/crashes");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("crash directory exists") {
        let path = entry.expect("directory entry").path();
        let bytes = std::fs::read(&path).expect("crash input reads");
        let text = String::from_utf8_lossy(&bytes);
        let docs = dateline::corpus::ReaderBuilder::new()
            .lossy(true)
            .parse(&text)
            .unwrap_or_else(|_| vec![Document::new("fuzz.txt", text.as_ref())]);
        let start = std::time::Instant::now();
        let p = pipeline();
        for doc in &docs {
            for a in p.analyze(doc) {
                assert_spans_inside(doc, &a);
            }
        }
        let report = p.analyze_corpus(&docs);
        assert!(report.documents.len() >= docs.len(), "{}", path.display());
        // Generous for debug builds under load; a quadratic input takes minutes.
        assert!(start.elapsed().as_secs() < 20, "{} is slow", path.display());
        n += 1;
    }
    assert!(n >= 2);
}

#[test]
fn a_malformed_date_set_in_code_is_not_used_and_the_analysis_says_so() {
    use dateline::corpus::Metadata;
    let doc = Document::new("a.txt", "Diplomats met in Geneva on Thursday, officials said.\n")
        .with_meta(Metadata::new().with("date", "2025-4-1"));
    assert!(doc.validate().is_err());
    let p = Pipeline::builder().reference_date(day(2025, 4, 11)).build().expect("builds");
    let a = p.analyze(&doc);
    assert_eq!(a[0].warnings, [dateline::pipeline::Warning::MalformedDate { value: "2025-4-1".to_string() }]);
    // The reference date dates the page, not a guess from the malformed value.
    assert_eq!(a[0].date, Some(dateline::time::TimeValue::Day(day(2025, 4, 11))));
    let record = serde_json::to_value(a[0].record()).expect("serializes");
    assert!(record["warnings"][0].as_str().expect("a sentence").contains("\"2025-4-1\" is not a date"));
}

#[test]
fn claim_records_carry_the_resolved_speaker_role_and_addressee() {
    let body = "\"We are ready,\" Alexander Darchiev, Russia's ambassador, said in Moscow on Thursday.\n\n\
                \"The talks will continue,\" he told reporters.\n";
    let doc = Document::new("a.txt", body);
    let p = Pipeline::builder().reference_date(day(2025, 4, 11)).build().expect("builds");
    let record = serde_json::to_value(p.analyze(&doc)[0].record()).expect("serializes");
    assert_eq!(record["claims"][0]["role"], "Russia's ambassador");
    let claim = &record["claims"][1];
    assert_eq!(claim["speaker_text"], "he");
    assert_eq!(claim["speaker_name"], "Alexander Darchiev");
    assert_eq!(claim["by_pronoun"], true);
    assert_eq!(claim["by_role"], false);
    assert_eq!(claim["addressee"], "reporters");
}
