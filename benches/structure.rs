//! Structure analysis throughput: `cargo bench --bench structure`.
//!
//! Prints two figures: MB/s over wall-clock time (what `common::best_time`
//! measures) and MB/s over this thread's CPU time (from
//! `/proc/thread-self/schedstat`), which is the one-core figure when the
//! machine is shared and the wall clock includes time spent waiting for a
//! core.

mod common;

use std::time::Duration;

/// CPU time of this thread in seconds, if the kernel reports it.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse::<f64>().ok().map(|ns| ns / 1e9)
}

fn main() {
    let input = common::news_corpus(100_000_000, 3);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let count = |docs: &[dateline::corpus::Document]| -> (usize, usize) {
        let mut sentences = 0;
        let mut boilerplate = 0;
        for d in docs {
            let s = dateline::text::analyze(&d.body, d.meta.title());
            sentences += s.main.sentences.len();
            boilerplate += s.regions.iter().filter(|r| r.kind == dateline::text::RegionKind::Boilerplate).count();
        }
        (sentences, boilerplate)
    };
    let expected = count(&docs);
    assert!(expected.0 > docs.len() * 4, "every generated article has several sentences");
    assert!(expected.1 > docs.len() / 2, "the generated boilerplate lines are found");
    let mut best_cpu = f64::INFINITY;
    let (secs, got) = common::best_time(Duration::from_secs(3), || {
        let before = thread_cpu();
        let got = count(&docs);
        if let (Some(a), Some(b)) = (before, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
        got
    });
    assert_eq!(got, expected);
    common::report("text::analyze (wall clock)", bytes, docs.len(), secs);
    if best_cpu.is_finite() {
        common::report("text::analyze (one core, CPU time)", bytes, docs.len(), best_cpu);
    }
    if let Some(rss) = common::peak_rss() {
        println!("peak RSS {:.1} MB", rss as f64 / 1e6);
    }
}
