//! The whole pipeline end to end (structure, entities, time, claims, dedup,
//! focus, events): `cargo bench --bench timeline`. Prints documents/s and
//! MB/s for the per-document analysis alone (what the `extract` example
//! does) and for a full session that also builds stories and the timeline.

mod common;

use std::time::Duration;

use dateline::pipeline::Pipeline;

fn main() {
    let input = common::news_corpus(20_000_000, 8);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let pipeline = Pipeline::builder().build().expect("default pipeline builds");

    let (secs, n) = common::best_time(Duration::from_secs(3), || {
        let mut n = 0;
        for d in &docs {
            n += pipeline.analyze(d).len();
        }
        n
    });
    assert!(n >= docs.len(), "every document is analysed");
    common::report("pipeline analyze (per document)", bytes, docs.len(), secs);

    let (secs, report) = common::best_time(Duration::from_secs(3), || {
        let mut session = pipeline.session().keep_documents(false);
        for d in &docs {
            session.add(d);
        }
        session.finish()
    });
    assert!(report.documents.is_empty());
    common::report("pipeline session (stories + timeline)", bytes, docs.len(), secs);
    println!(
        "{:<40} {} events, {} stories, peak RSS {:.0} MB",
        "timeline",
        report.timeline.events.len(),
        report.stories.len(),
        common::peak_rss().unwrap_or(0) as f64 / 1e6
    );
}
