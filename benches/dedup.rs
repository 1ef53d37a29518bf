//! Dedup bench: the default mode of `Deduplicator::add_documents` (parse,
//! structure analysis, sketching, ordered adds) on the realistic generated
//! news stream of `benches/common/wire.rs` (wire versions, excerpts,
//! galleries, independent reports quoting the same statements, outlet
//! furniture, "Read next" teasers, shared background paragraphs), fed in
//! batches of 8,192 pages as a stream would be. Reports, per size:
//!
//! - copy-pair precision and recall of `stories()` (the closure a user gets)
//!   against the generator's truth, the largest story and how many stories
//!   mix pages of different true stories;
//! - documents per second on one thread and on all threads, wall clock and
//!   per CPU-second of the process (generation excluded, parsing included;
//!   CPU time is what a shared machine disturbs least);
//! - index bytes per document after `shrink_to_fit`, peak RSS.
//!
//! Then it checks the targets: precision >= 0.99, recall >= 0.98, index
//! <= 1,024 bytes per document, and >= 15,000 documents per CPU-second on
//! one thread. A missed target prints `TARGET MISSED` and makes the bench
//! exit with status 1, unless `DATELINE_BENCH_ASSERT=0`.
//!
//! `cargo bench --bench dedup` runs 100,000 documents. The 1M-document run
//! takes several minutes (two passes of generation and dedup), so it is
//! opt-in: `DEDUP_BENCH_DOCS=100000,1000000 cargo bench --bench dedup`.
//! `DEDUP_BENCH_THREADS=1` skips the all-threads pass.

mod common;
#[path = "common/wire.rs"]
mod wire;

use std::process::ExitCode;
use std::time::Instant;

use dateline::dedup::{DedupConfig, Deduplicator};

/// Pages handed to `add_documents` at a time.
const BATCH: usize = 8192;
/// The generator's seed.
const SEED: u64 = 7;

/// CPU seconds (user + system) of this process so far, from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

struct Run {
    dedup: Deduplicator,
    truth: Vec<(String, u32)>,
    bytes: usize,
    wall: f64,
    cpu: f64,
}

/// Generate `n` pages and add them in batches on `threads` threads; time the dedup only.
fn run(n: usize, threads: usize) -> Run {
    let mut dedup = Deduplicator::new(DedupConfig::new()).expect("the default config is valid");
    let mut truth = Vec::with_capacity(n);
    let (mut wall, mut cpu, mut bytes) = (0.0, 0.0, 0usize);
    let mut pages = wire::Generator::new(n, SEED).peekable();
    let mut chunk = String::with_capacity(BATCH * 3500);
    while pages.peek().is_some() {
        chunk.clear();
        for (k, page) in pages.by_ref().take(BATCH).enumerate() {
            page.write_to(&mut chunk, k == 0);
            truth.push((page.id, page.cluster));
        }
        bytes += chunk.len();
        let (t, c) = (Instant::now(), cpu_seconds());
        let docs = dateline::corpus::parse(&chunk).expect("the generated corpus parses");
        dedup.add_documents(&docs, threads);
        wall += t.elapsed().as_secs_f64();
        cpu += cpu_seconds() - c;
    }
    Run { dedup, truth, bytes, wall, cpu }
}

fn main() -> ExitCode {
    let sizes: Vec<usize> = std::env::var("DEDUP_BENCH_DOCS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000]);
    let all = std::env::var("DEDUP_BENCH_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let assert = std::env::var("DATELINE_BENCH_ASSERT").map_or(true, |v| v != "0");
    let mut missed = Vec::new();
    for &n in &sizes {
        // One thread: the throughput target.
        let one = run(n, 1);
        let (one_wall, one_cpu) = (n as f64 / one.wall, n as f64 / one.cpu.max(1e-9));
        common::report(&format!("dedup default mode, {n} docs, 1 thread"), one.bytes, n, one.wall);
        println!("    {one_cpu:.0} docs per CPU-second");
        drop(one);
        // All threads: the run that is scored.
        let mut r = if all > 1 { run(n, all) } else { run(n, 1) };
        if all > 1 {
            common::report(&format!("dedup default mode, {n} docs, {all} threads"), r.bytes, n, r.wall);
            println!("    {:.0} docs per CPU-second", n as f64 / r.cpu.max(1e-9));
        }
        let t = Instant::now();
        let stories = r.dedup.stories();
        let closure = t.elapsed().as_secs_f64();
        let predicted: Vec<Vec<String>> =
            stories.iter().map(|s| s.members.iter().map(|m| m.id.clone()).collect()).collect();
        let s = wire::score(&r.truth, &predicted);
        let growing = r.dedup.index_bytes() as f64 / n as f64;
        r.dedup.shrink_to_fit();
        let per_doc = r.dedup.index_bytes() as f64 / n as f64;
        println!(
            "    precision {:.4}  recall {:.4}  ({} pairs found, {} true)  stories with copies {}  largest story {}  \
             stories mixing true stories {}",
            s.precision,
            s.recall,
            s.found_pairs,
            s.true_pairs,
            stories.len(),
            s.largest,
            s.mixing
        );
        println!(
            "    stories() {closure:.2} s  index {per_doc:.0} bytes/doc ({growing:.0} before shrink_to_fit)  peak RSS {:.0} MB",
            common::peak_rss().unwrap_or(0) as f64 / 1e6
        );
        let mut check = |ok: bool, what: String| {
            if !ok {
                println!("TARGET MISSED at {n} docs: {what}");
                missed.push(what);
            }
        };
        check(s.precision >= 0.99, format!("precision {:.4} < 0.99", s.precision));
        check(s.recall >= 0.98, format!("recall {:.4} < 0.98", s.recall));
        check(per_doc <= 1024.0, format!("index {per_doc:.0} bytes/doc > 1024"));
        check(
            one_cpu >= 15_000.0,
            format!("one thread {one_cpu:.0} docs per CPU-second < 15,000 (wall {one_wall:.0} docs/s)"),
        );
    }
    if missed.is_empty() {
        println!("all targets met");
        ExitCode::SUCCESS
    } else if assert {
        println!("{} target(s) missed (set DATELINE_BENCH_ASSERT=0 to report without failing)", missed.len());
        ExitCode::FAILURE
    } else {
        println!("{} target(s) missed; not failing because DATELINE_BENCH_ASSERT=0", missed.len());
        ExitCode::SUCCESS
    }
}
