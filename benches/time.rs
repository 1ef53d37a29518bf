//! Time-expression throughput: `cargo bench --bench time`.
//!
//! On a generated news corpus (`common::news_corpus`, 30 MB): `time::extract`
//! over every document's article section, with the document date as
//! reference; MB/s of section text and expressions per second. Structure
//! analysis runs once, outside the timed loop.
//!
//! For the Python comparison (`benches/compare/dates.py`):
//! - `cargo bench --bench time -- --write-sample PATH [BYTES]` writes a smaller
//!   generated corpus (default 300 kB) and exits;
//! - `cargo bench --bench time -- --file PATH` measures one pass of the same
//!   extraction over a corpus file and prints one line with MB/s, expressions
//!   and the elapsed time.

mod common;

use std::time::Duration;

use dateline::text::Section;

const MIN: Duration = Duration::from_secs(3);

struct Prepared<'a> {
    body: &'a str,
    date: Option<chrono::NaiveDate>,
    section: Section,
}

fn prepare<'a>(docs: &'a [dateline::corpus::Document<'a>]) -> Vec<Prepared<'a>> {
    docs.iter()
        .map(|d| Prepared {
            body: &d.body,
            date: d.meta.date(),
            section: dateline::text::analyze(&d.body, d.meta.title()).main,
        })
        .collect()
}

fn section_bytes(p: &[Prepared]) -> usize {
    p.iter().map(|p| p.section.sentences.iter().map(|s| s.span.len()).sum::<usize>()).sum()
}

fn run(p: &[Prepared]) -> usize {
    p.iter().map(|p| dateline::time::extract(p.body, &p.section, p.date).len()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if let Some(i) = args.iter().position(|a| a == "--write-sample") {
        let path = args.get(i + 1).expect("--write-sample PATH [BYTES]");
        let bytes = args.get(i + 2).and_then(|b| b.parse().ok()).unwrap_or(300_000);
        std::fs::write(path, common::news_corpus(bytes, 7)).expect("writable sample path");
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--file") {
        let path = args.get(i + 1).expect("--file PATH");
        let text = std::fs::read_to_string(path).expect("readable corpus");
        let docs = dateline::corpus::parse(&text).expect("valid corpus");
        let prepared = prepare(&docs);
        // One pass, as the Python tool gets: repeating a small sample would let the
        // branch predictor learn it. The lexicon is loaded first, outside the timing.
        let warm = dateline::text::analyze("Talks on Thursday.\n", None).main;
        assert_eq!(dateline::time::extract("Talks on Thursday.\n", &warm, None).len(), 1);
        let t = std::time::Instant::now();
        let n = run(&prepared);
        let secs = t.elapsed().as_secs_f64();
        assert!(n > 0, "the sample holds temporal expressions");
        let bytes = section_bytes(&prepared);
        println!(
            "dateline {:.3} MB {n} expressions {secs:.6} s {:.1} MB/s",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs
        );
        return;
    }

    let input = common::news_corpus(30_000_000, 1);
    let docs = dateline::corpus::parse(&input).expect("generated corpus parses");
    let prepared = prepare(&docs);
    let bytes = section_bytes(&prepared);
    let expected = run(&prepared);
    // The generator writes dates, weekdays and deictics into most paragraphs.
    assert!(expected > docs.len(), "{expected} expressions in {} documents", docs.len());

    let (secs, n) = common::best_time(MIN, || run(&prepared));
    assert_eq!(n, expected);
    common::report("time::extract (article sections)", bytes, docs.len(), secs);
    println!("{:<40} {:>9} expressions  {:>12.0} expressions/s", "", n, n as f64 / secs);

    // Ages of blurbs, the pipeline's other entry point.
    let ages = ["33 minutes ago", "an hour ago", "2 hours ago", "three days ago", "yesterday"];
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 4, 9);
    let (secs, n) = common::best_time(Duration::from_secs(1), || {
        (0..100_000).filter(|i| dateline::time::resolve_age(ages[i % ages.len()], reference).is_some()).count()
    });
    assert_eq!(n, 100_000);
    println!("{:<40} {:>9} calls        {:>12.0} calls/s", "time::resolve_age", n, n as f64 / secs);
    if let Some(rss) = common::peak_rss() {
        println!("peak RSS {:.1} MB", rss as f64 / 1e6);
    }
}
