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
