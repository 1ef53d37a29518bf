//! Fuzz the whole pipeline: `cargo +nightly fuzz run pipeline` (from the crate root).
//!
//! Checks, on any bytes read as a corpus (lossy UTF-8): no panic anywhere in
//! the pipeline (structure, entities, dates, claims, dedup, focus, timeline);
//! every span of every analysis lies inside its document body on character
//! boundaries; every timeline evidence span lies inside its body; and the
//! work stays linear (a slow input is reported by libFuzzer's `-timeout`;
//! run with `-timeout=2 -max_len=200000`). Crashes and slow inputs go to
//! `tests/data/pipeline/crashes/`, which `tests/pipeline.rs` replays.
#![no_main]

use dateline::corpus::{Document, DuplicatePolicy, ReaderBuilder};
use dateline::pipeline::Pipeline;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .threads(1)
            .max_document_bytes(64 * 1024)
            .reference_date(dateline::chrono::NaiveDate::from_ymd_opt(2025, 4, 11).expect("valid date"))
            .build()
            .expect("pipeline builds")
    })
}

fn inside(body: &str, start: usize, end: usize) -> bool {
    start <= end && body.get(start..end).is_some()
}

fuzz_target!(|data: &[u8]| {
    let mut docs: Vec<Document<'static>> = ReaderBuilder::new()
        .duplicates(DuplicatePolicy::KeepAll)
        .lossy(true)
        .from_reader(data)
        .into_documents()
        .filter_map(Result::ok)
        .collect();
    // Bytes that are not a corpus are one document's body.
    if docs.is_empty() {
        docs.push(Document::new("fuzz.txt", String::from_utf8_lossy(data).into_owned()));
    }
    let p = pipeline();
    for doc in &docs {
        let body: &str = &doc.body;
        for a in p.analyze(doc) {
            for m in &a.mentions {
                assert!(inside(body, m.span.start, m.span.end), "mention {m:?}");
            }
            for t in &a.times {
                assert!(inside(body, t.span.start, t.span.end), "time {t:?}");
            }
            for c in &a.claims {
                assert!(inside(body, c.content_span.start, c.content_span.end), "claim {c:?}");
            }
            for s in &a.section.sentences {
                assert!(inside(body, s.span.start, s.span.end), "sentence {s:?}");
            }
        }
    }
    let report = p.analyze_corpus(&docs);
    for e in &report.timeline.events {
        for ev in &e.evidence {
            let body = docs.iter().find(|d| ev.document.split('#').next() == Some(&*d.name)).map(|d| &*d.body);
            if let Some(body) = body {
                assert!(inside(body, ev.start, ev.end), "evidence {ev:?}");
            }
        }
    }
});
