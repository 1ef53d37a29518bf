//! Structure analysis throughput: `cargo bench --bench structure`.

mod common;

use std::time::Duration;

fn main() {
    let input = common::news_corpus(100_000_000, 3);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let count = |docs: &[dateline::corpus::Document]| -> usize {
        docs.iter().map(|d| dateline::text::analyze(&d.body, d.meta.title()).main.sentences.len()).sum()
    };
    let expected = count(&docs);
    assert!(expected > docs.len() * 4, "every generated article has several sentences");
    let (secs, sentences) = common::best_time(Duration::from_secs(3), || count(&docs));
    assert_eq!(sentences, expected);
    common::report("text::analyze (one core)", bytes, docs.len(), secs);
    if let Some(rss) = common::peak_rss() {
        println!("peak RSS {:.1} MB", rss as f64 / 1e6);
    }
}
