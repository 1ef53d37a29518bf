//! The whole pipeline end to end (structure, entities, time, claims, dedup,
//! focus, events): `cargo bench --bench timeline`. Prints documents/s and
//! MB/s for the per-document analysis alone on one thread (what the
//! `extract` example does) and for a full session that also builds stories
//! and the timeline, on one thread and on two (with the speed-up).

mod common;
#[path = "common/wire.rs"]
mod wire;

use std::time::Duration;

use dateline::pipeline::Pipeline;

fn main() {
    let input = common::news_corpus(20_000_000, 8);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let one = Pipeline::builder().threads(1).build().expect("default pipeline builds");

    let (secs, n) = common::best_time(Duration::from_secs(3), || {
        let mut n = 0;
        for d in &docs {
            n += one.analyze(d).len();
        }
        n
    });
    assert!(n >= docs.len(), "every document is analysed");
    common::report("pipeline analyze (1 thread)", bytes, docs.len(), secs);

    // The news corpus recombines five articles (4 stories of ~1,500 copies);
    // the wire corpus has realistic story sizes (most stories 1-8 copies).
    let wire = wire::wire_corpus(6_000, 7).corpus;
    let wire_docs = dateline::corpus::parse(&wire).expect("generated wire corpus parses");
    let wire_bytes: usize = wire_docs.iter().map(|d| d.body.len()).sum();
    for (name, docs, bytes) in [("news", &docs, bytes), ("wire", &wire_docs, wire_bytes)] {
        session(name, docs, bytes);
    }
}

fn session(corpus: &str, docs: &[dateline::corpus::Document<'_>], bytes: usize) {
    let mut one_thread = 0.0;
    for threads in [1, 2] {
        let pipeline = Pipeline::builder().threads(threads).build().expect("default pipeline builds");
        let (secs, report) = common::best_time(Duration::from_secs(3), || {
            let mut session = pipeline.session().keep_documents(false);
            for batch in docs.chunks(4096) {
                session.add_batch(batch);
            }
            session.finish()
        });
        assert!(report.documents.is_empty());
        assert!(!report.timeline.events.is_empty() || !report.stories.is_empty(), "the corpus has a result");
        common::report(
            &format!("session, {corpus} corpus ({threads} thread{})", if threads > 1 { "s" } else { "" }),
            bytes,
            docs.len(),
            secs,
        );
        if threads == 1 {
            one_thread = secs;
        } else {
            println!("{:<40} {:.2}x one thread", "session speed-up", one_thread / secs);
        }
        println!(
            "{:<40} {} events, {} stories, peak RSS {:.0} MB",
            "timeline",
            report.timeline.events.len(),
            report.stories.len(),
            common::peak_rss().unwrap_or(0) as f64 / 1e6
        );
    }
}
