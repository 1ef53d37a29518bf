//! Claims extraction throughput: `cargo bench --bench claims`.
//!
//! Structure analysis runs once before timing; the timed loop runs only
//! `claims::extract` over every document's main section (no gazetteer
//! mentions, no time expressions), so the figure is the claims stage alone.

mod common;

use std::time::Duration;

fn main() {
    let input = common::news_corpus(20_000_000, 6);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let prepared: Vec<(&str, dateline::text::Section)> =
        docs.iter().map(|d| (&*d.body, dateline::text::analyze(&d.body, d.meta.title()).main)).collect();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let run = || prepared.iter().map(|(body, s)| dateline::claims::extract(body, s, &[], &[]).len()).sum::<usize>();
    let expected = run();
    assert!(expected > docs.len() / 2, "the generated news text carries claims");
    let (secs, n) = common::best_time(Duration::from_secs(5), || {
        let n = run();
        assert_eq!(n, expected);
        n
    });
    common::report(&format!("claims::extract ({n} claims)"), bytes, docs.len(), secs);
    if let Some(rss) = common::peak_rss() {
        println!("peak RSS {:.0} MB", rss as f64 / 1e6);
    }
}
