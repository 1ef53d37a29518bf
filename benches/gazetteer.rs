//! Gazetteer bench: build time, matcher memory and matching throughput, for
//! the example gazetteer (with the built-in world list) and for a gazetteer
//! of over 100,000 aliases, on the shared generated news corpus.
//!
//! `cargo bench --bench gazetteer`. Also writes the 100k alias list and the
//! matched text to `target/compare/gazetteer/` for `benches/compare/gazetteer.py`.

mod common;

use std::time::{Duration, Instant};

use common::{best_time, news_corpus, peak_rss, report, Rng};
use dateline::gazetteer::Gazetteer;
use dateline::text::Section;

const EXAMPLE: &str = include_str!("../examples/data/gazetteer.tsv");

const FIRST: &[&str] = &[
    "Maria", "John", "Olena", "Ahmed", "Li", "Anna", "Pierre", "Kenji", "Fatima", "Carlos", "Sergei", "Priya", "Elena",
    "David", "Aisha", "Mikhail", "Sofia", "James", "Yuki", "Omar", "Ingrid", "Pablo", "Nadia", "Tomas", "Leila",
    "Viktor", "Hana", "Samuel", "Irina", "Kwame", "Lucia", "Dmitry", "Amara", "Felix", "Zhang", "Rosa", "Ivan", "Noor",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "vi", "len", "mar", "tu", "shi", "ov", "ski", "ber", "da", "no", "gu", "ran", "lo", "pe", "zar",
    "chen", "mi", "tor", "sa", "bel", "ko", "dze", "ha", "ni", "var", "el", "to", "ri",
];
const TITLES: &[&str] = &["Minister", "President", "Senator", "Ambassador", "General", "spokesperson", "Governor"];

/// A TSV gazetteer of synthetic people and organisations with at least `aliases` names and aliases.
fn synthetic(aliases: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut i = 0;
    while n < aliases {
        let mut last = String::new();
        for _ in 0..2 + rng.below(2) {
            last.push_str(rng.word(SYLLABLES));
        }
        let last = format!("{}{}", last[..1].to_uppercase(), &last[1..]);
        if i % 10 == 9 {
            let acronym: String = (0..4).map(|_| (b'A' + rng.below(26) as u8) as char).collect();
            out.push_str(&format!("org{i}\torganization\t{last} Holdings\t{acronym}|{last} Group\n"));
        } else {
            let first = rng.word(FIRST);
            let title = rng.word(TITLES);
            out.push_str(&format!("p{i}\tperson\t{first} {last}\t{title} {first} {last}\n"));
        }
        n += if i % 10 == 9 { 3 } else { 2 };
        i += 1;
    }
    out
}

fn alias_count(g: &Gazetteer) -> usize {
    g.entities().iter().map(|e| 1 + e.aliases.len()).sum()
}

/// CPU time of this thread in seconds (Linux `schedstat`), if known. The
/// machine is shared, so the on-CPU time is the fairer single-core figure.
fn cpu_now() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<u64>().ok()? as f64 / 1e9)
}

/// Like `best_time`, but the best on-CPU time per run (falls back to wall time).
fn best_cpu<T>(min: Duration, mut f: impl FnMut() -> T) -> (f64, T) {
    let start = Instant::now();
    let mut best = f64::INFINITY;
    loop {
        let (c, t) = (cpu_now(), Instant::now());
        let out = f();
        let secs = match (c, cpu_now()) {
            (Some(a), Some(b)) => b - a,
            _ => t.elapsed().as_secs_f64(),
        };
        best = best.min(secs);
        if start.elapsed() >= min {
            return (best, out);
        }
    }
}

/// Analyse every document's main section (`Gazetteer::analyze`: mentions with
/// links, candidates and entity counts); return the number of mentions.
fn run(g: &Gazetteer, docs: &[(&str, Section)]) -> usize {
    docs.iter().map(|(body, s)| g.analyze(body, s).found.len()).sum()
}

/// The fast path: `Gazetteer::find_into` into one reused buffer (no
/// allocation per mention); return the number of mentions.
fn run_find(g: &Gazetteer, docs: &[(&str, Section)]) -> usize {
    let mut out = Vec::new();
    docs.iter()
        .map(|(body, s)| {
            out.clear();
            g.find_into(body, s, &mut out);
            out.len()
        })
        .sum()
}

/// `find_into` gives exactly the mentions of `Gazetteer::mentions` (checked once, outside the timing).
fn assert_same(g: &Gazetteer, docs: &[(&str, Section)]) {
    for (body, s) in docs {
        let fast: Vec<_> = g.find(body, s).iter().map(|m| m.to_mention(body)).collect();
        assert_eq!(fast, g.mentions(body, s));
    }
}

/// Time the fast path and `analyze` on the same input in one run.
fn measure(label: &str, g: &Gazetteer, docs: &[(&str, Section)], bytes: usize, min: Duration) -> usize {
    assert_same(g, docs);
    let expected = run_find(g, docs);
    assert!(expected > docs.len(), "the gazetteer finds mentions in news text");
    assert_eq!(run(g, docs), expected);
    let (secs, found) = best_time(min, || run_find(g, docs));
    assert_eq!(found, expected);
    report(&format!("{label}: find_into (wall)"), bytes, docs.len(), secs);
    let (secs, found) = best_cpu(min, || run_find(g, docs));
    assert_eq!(found, expected);
    report(&format!("{label}: find_into (cpu)"), bytes, docs.len(), secs);
    let (secs, found) = best_cpu(min, || run(g, docs));
    assert_eq!(found, expected);
    report(&format!("{label}: analyze (cpu)"), bytes, docs.len(), secs);
    expected
}

fn main() {
    let corpus = news_corpus(32 << 20, 7);
    let docs = dateline::corpus::parse(&corpus).expect("generated corpus parses");
    let sections: Vec<(&str, Section)> =
        docs.iter().map(|d| (&*d.body, dateline::text::analyze(&d.body, d.meta.title()).main)).collect();
    let bytes: usize = sections.iter().map(|(_, s)| s.sentences.iter().map(|x| x.span.len()).sum::<usize>()).sum();
    let min = Duration::from_secs(3);

    // The example gazetteer with the built-in world list.
    let t = Instant::now();
    let example = Gazetteer::builder().builtin().tsv(EXAMPLE).build().expect("builds");
    let build = t.elapsed().as_secs_f64();
    println!(
        "example+builtin gazetteer: {} entities, {} aliases, {} patterns, built in {:.1} ms, matcher {:.2} MB",
        example.len(),
        alias_count(&example),
        example.pattern_count(),
        build * 1e3,
        example.memory_usage() as f64 / 1e6
    );
    let expected = measure("example+builtin", &example, &sections, bytes, min);
    println!("mentions: {expected} ({:.1} per KB)", expected as f64 / (bytes as f64 / 1e3));

    if std::env::var("DATELINE_BENCH_ONLY").as_deref() == Ok("example") {
        return;
    }

    // A gazetteer of 100,000+ aliases: synthetic people and organisations plus the example and world lists.
    let mut rng = Rng::new(42);
    let tsv = synthetic(100_000, &mut rng);
    // Parsed once here, so the timed builds measure validation and the matcher, not TSV parsing.
    let parsed = Gazetteer::builder().tsv(tsv.as_str()).builtin().tsv(EXAMPLE).build().expect("parses");
    let entities = Gazetteer::builder().entities(parsed.entities().iter().cloned());
    let t = Instant::now();
    let big = entities.clone().build().expect("builds");
    let build = t.elapsed().as_secs_f64();
    let (best_build, _) = best_cpu(Duration::from_secs(2), || entities.clone().build().map(|g| g.len()));
    println!(
        "100k gazetteer: {} entities, {} aliases, {} patterns, built in {:.0} ms wall (best {:.0} ms cpu), matcher {:.1} MB",
        big.len(),
        alias_count(&big),
        big.pattern_count(),
        build * 1e3,
        best_build * 1e3,
        big.memory_usage() as f64 / 1e6
    );
    assert!(alias_count(&big) >= 100_000);
    measure("100k aliases", &big, &sections, bytes, min);
    // Calibration on this (shared) machine: a plain aho-corasick automaton over
    // the same aliases, default configuration, unanchored `find_iter` over the
    // same sentences, no word boundaries, case rules or mentions.
    let names: Vec<&str> = big.entities().iter().flat_map(|e| e.names()).collect();
    let (secs, ac) = best_cpu(Duration::from_secs(2), || aho_corasick::AhoCorasick::new(&names).expect("builds"));
    println!("reference: AhoCorasick::new over the same {} aliases: {:.0} ms cpu", names.len(), secs * 1e3);
    let (secs, n) = best_cpu(min, || {
        sections
            .iter()
            .flat_map(|(b, s)| s.sentences.iter().map(|x| ac.find_iter(x.span.slice(b)).count()))
            .sum::<usize>()
    });
    assert!(n > 0);
    report("reference: aho-corasick find_iter (cpu)", bytes, docs.len(), secs);
    if let Some(rss) = peak_rss() {
        println!("peak RSS {:.0} MB", rss as f64 / 1e6);
    }

    // Identical inputs for the Python comparison (benches/compare/gazetteer.py).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/compare/gazetteer");
    if std::fs::create_dir_all(&dir).is_ok() {
        let names: Vec<&str> = big.entities().iter().flat_map(|e| e.names()).collect();
        let text: String = sections
            .iter()
            .flat_map(|(b, s)| s.sentences.iter().map(|x| x.span.slice(b)))
            .collect::<Vec<_>>()
            .join("\n");
        let wrote = std::fs::write(dir.join("aliases.txt"), names.join("\n") + "\n")
            .and_then(|_| std::fs::write(dir.join("news.txt"), &text));
        match wrote {
            Ok(()) => println!(
                "wrote {} aliases and {:.1} MB of text to {}",
                names.len(),
                text.len() as f64 / 1e6,
                dir.display()
            ),
            Err(e) => println!("could not write comparison inputs: {e}"),
        }
        let (secs, n) = best_cpu(min, || {
            let mut s = Section::default();
            let mut pos = 0;
            for line in text.split('\n') {
                let span = dateline::Span::new(pos, pos + line.len());
                s.sentences.push(dateline::text::Sentence { span, paragraph: 0 });
                pos += line.len() + 1;
            }
            big.analyze(&text, &s).found.len()
        });
        assert!(n > 0);
        report("gazetteer match, 100k, comparison text (cpu)", text.len(), 1, secs);
        println!("mentions in comparison text: {n}");
    }
}
