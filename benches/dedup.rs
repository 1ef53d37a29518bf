//! Dedup bench: docs/s of `Deduplicator::add_documents` (parse, structure,
//! sketch on all cores, ordered adds) on generated syndicated corpora, with
//! precision and recall of the copy pairs against the generator's truth,
//! index bytes per text and the estimation error of the signatures.
//!
//! `cargo bench --bench dedup` (set `DEDUP_BENCH_DOCS=10000,100000` to choose sizes).

mod common;
#[path = "common/syndicate.rs"]
mod syndicate;

use std::time::Duration;

use dateline::dedup::{DedupConfig, Deduplicator};

fn run(corpus: &str, config: &DedupConfig, threads: usize) -> Deduplicator {
    let docs = dateline::corpus::parse(corpus).expect("generated corpus parses");
    let mut dedup = Deduplicator::new(config.clone()).expect("valid config");
    dedup.add_documents(&docs, threads);
    dedup
}

fn main() {
    let sizes: Vec<usize> = std::env::var("DEDUP_BENCH_DOCS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    for &n in &sizes {
        let generated = syndicate::syndicated_corpus(n, 7);
        for (name, config) in
            [("signatures", DedupConfig::new()), ("exact sets", DedupConfig::new().keep_shingles(true))]
        {
            let (secs, dedup) = common::best_time(Duration::from_secs(3), || {
                let d = run(&generated.corpus, &config, threads);
                assert_eq!(d.len(), n, "every document indexed");
                assert!(!d.stories().is_empty(), "copies found");
                d
            });
            let predicted: Vec<Vec<String>> =
                dedup.stories().iter().map(|s| s.members.iter().map(|m| m.id.clone()).collect()).collect();
            let (p, r, truth_pairs, found_pairs) = syndicate::pair_scores(&generated.truth, &predicted);
            common::report(&format!("dedup {name}, {threads} threads"), generated.corpus.len(), n, secs);
            println!(
                "    precision {p:.4}  recall {r:.4}  ({found_pairs} pairs found, {truth_pairs} true)  index {:.0} bytes/text  peak RSS {:.0} MB",
                dedup.index_bytes() as f64 / n as f64,
                common::peak_rss().unwrap_or(0) as f64 / 1e6
            );
        }
    }
}
