//! Claims extraction throughput: `cargo bench --bench claims`.
//!
//! Structure analysis runs once before timing; the timed loop runs only
//! `claims::extract` over every document's main section (no gazetteer
//! mentions, no time expressions), so the figure is the claims stage alone.
//! Each line gives wall-clock MB/s and MB/s per second of this thread's CPU
//! time (`/proc/thread-self/schedstat`), which a loaded machine disturbs less.
//!
//! The second part times one paragraph of 20,000 and of 200,000 quotes (each
//! attributed, continued, split by its attribution, or a scare quote) and
//! asserts that ten times the quotes cost at most 25 times the CPU time, with
//! a margin for noise: the extractor is linear on any input.

mod common;

use std::time::{Duration, Instant};

/// CPU time of this thread so far in seconds, when Linux says.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Best wall and CPU seconds per run of `f` over at least `min` (CPU 0 when unknown).
fn timed<T>(min: Duration, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let start = Instant::now();
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    loop {
        let (t, c) = (Instant::now(), cpu_secs());
        let out = f();
        wall = wall.min(t.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_secs().zip(c).map_or(0.0, |(b, a)| b - a));
        if start.elapsed() >= min {
            return (wall, cpu, out);
        }
    }
}

fn line(what: &str, bytes: usize, wall: f64, cpu: f64) {
    let mb = bytes as f64 / 1e6;
    println!("{what:<44} {mb:>8.1} MB  {:>7.1} MB/s wall  {:>7.1} MB/s CPU", mb / wall, mb / cpu.max(1e-9));
}

/// One paragraph of `n` quotes: per four, an attributed quote, a continued one,
/// one split by its attribution and a scare quote in reported speech.
fn many_quotes(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n / 4 {
        s.push_str(&format!(
            "\"We will win round {i},\" he said. \"It is ours.\" \"The rest,\" Jones added, \"can wait.\" Officials said the \"plan {i}\" was ready. "
        ));
    }
    s.push('\n');
    s
}

fn main() {
    let input = common::news_corpus(20_000_000, 6);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let prepared: Vec<(&str, dateline::text::Section)> =
        docs.iter().map(|d| (&*d.body, dateline::text::analyze(&d.body, d.meta.title()).main)).collect();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let run = || prepared.iter().map(|(body, s)| dateline::claims::extract(body, s, &[], &[]).len()).sum::<usize>();
    let expected = run();
    assert!(expected > docs.len() / 2, "the generated news text carries claims");
    let (wall, cpu, n) = timed(Duration::from_secs(5), || {
        let n = run();
        assert_eq!(n, expected);
        n
    });
    common::report(&format!("claims::extract ({n} claims)"), bytes, docs.len(), wall);
    line("claims::extract, wall and CPU", bytes, wall, cpu);

    let mut per_quote = Vec::new();
    for n in [20_000, 200_000] {
        let body = many_quotes(n);
        let section = dateline::text::analyze(&body, None).main;
        let (wall, cpu, claims) = timed(Duration::from_secs(2), || {
            let c = dateline::claims::extract(&body, &section, &[], &[]);
            // Per four quotes: "he said" (with its continuation), "Jones added" (split), "Officials said".
            assert_eq!(c.len(), n / 4 * 3);
            c.len()
        });
        line(&format!("one paragraph of {n} quotes ({claims} claims)"), body.len(), wall, cpu);
        per_quote.push(if cpu > 0.0 { cpu } else { wall } / n as f64);
    }
    let ratio = per_quote[1] / per_quote[0];
    println!("cost per quote at 200,000 / at 20,000 quotes: {ratio:.2} (linear: 1)");
    assert!(ratio < 2.5, "the extractor is not linear in the number of quotes: {ratio:.2}");
    if let Some(rss) = common::peak_rss() {
        println!("peak RSS {:.0} MB", rss as f64 / 1e6);
    }
}
