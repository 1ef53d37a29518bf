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

use dateline::dedup::{DedupConfig, Deduplicator, Similarity};

fn run(corpus: &str, config: &DedupConfig, threads: usize) -> Deduplicator {
    let docs = dateline::corpus::parse(corpus).expect("generated corpus parses");
    let mut dedup = Deduplicator::new(config.clone()).expect("valid config");
    dedup.add_documents(&docs, threads);
    dedup
}

/// Error of the signature estimates against the exact shingle sets, over
/// every copy pair of the truth and as many random (non-copy) pairs.
fn estimation_error(corpus: &str, truth: &[(String, u32)]) {
    let docs = dateline::corpus::parse(corpus).expect("generated corpus parses");
    let (plain, exact) = (DedupConfig::new(), DedupConfig::new().keep_shingles(true));
    let sketch = |c: &DedupConfig| -> Vec<_> { docs.iter().map(|d| c.sketch_document(d).remove(0).sketch).collect() };
    let (ps, es) = (sketch(&plain), sketch(&exact));
    let mut by_cluster: std::collections::HashMap<u32, Vec<usize>> = Default::default();
    for (i, (_, c)) in truth.iter().enumerate() {
        by_cluster.entry(*c).or_default().push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in by_cluster.values() {
        for (k, &a) in members.iter().enumerate() {
            pairs.extend(members[k + 1..].iter().map(|&b| (a, b)));
        }
    }
    let copies = pairs.len();
    let mut rng = common::Rng::new(3);
    while pairs.len() < 2 * copies {
        let (a, b) = (rng.below(docs.len()), rng.below(docs.len()));
        if truth[a].1 != truth[b].1 {
            pairs.push((a, b));
        }
    }
    let decide = |s: Similarity| s.resemblance >= plain.get_resemblance() || s.containment >= plain.get_containment();
    let (mut dj, mut dc, mut flips) = (Vec::new(), Vec::new(), 0usize);
    for &(a, b) in &pairs {
        let (est, ex) = (ps[a].similarity(&ps[b], &plain), es[a].similarity(&es[b], &exact));
        dj.push((est.resemblance - ex.resemblance).abs());
        dc.push((est.containment - ex.containment).abs());
        flips += usize::from(decide(est) != decide(ex));
    }
    let summary = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v.iter().sum::<f64>() / v.len() as f64, v[v.len() * 95 / 100])
    };
    let ((mj, pj), (mc, pc)) = (summary(&mut dj), summary(&mut dc));
    println!(
        "    signature estimate vs exact sets over {} pairs ({copies} copies): resemblance error mean {mj:.4} p95 {pj:.4}; \
         containment error mean {mc:.4} p95 {pc:.4}; copy decision differs on {flips} pairs",
        pairs.len()
    );
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
            let (secs, mut dedup) = common::best_time(Duration::from_secs(3), || {
                let d = run(&generated.corpus, &config, threads);
                assert_eq!(d.len(), n, "every document indexed");
                assert!(!d.stories().is_empty(), "copies found");
                d
            });
            let predicted: Vec<Vec<String>> =
                dedup.stories().iter().map(|s| s.members.iter().map(|m| m.id.clone()).collect()).collect();
            let (p, r, truth_pairs, found_pairs) = syndicate::pair_scores(&generated.truth, &predicted);
            common::report(&format!("dedup {name}, {threads} threads"), generated.corpus.len(), n, secs);
            let growing = dedup.index_bytes() as f64 / n as f64;
            dedup.shrink_to_fit();
            println!(
                "    precision {p:.4}  recall {r:.4}  ({found_pairs} pairs found, {truth_pairs} true)  index {:.0} bytes/text ({growing:.0} before shrink_to_fit)  peak RSS {:.0} MB",
                dedup.index_bytes() as f64 / n as f64,
                common::peak_rss().unwrap_or(0) as f64 / 1e6
            );
        }
        if n <= 10_000 {
            estimation_error(&generated.corpus, &generated.truth);
        }
    }
}
