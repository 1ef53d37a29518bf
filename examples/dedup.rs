//! Merge syndicated copies in a corpus: `cargo run --release --example dedup -- CORPUS [--threads N]`
//! (and `--containment T --partial T --min-run W --long-run W --min-shared W --common-limit N
//! --window G --shingle K` to try other parameters; `--whole-body` compares every line of each body
//! without structure analysis, as the Python tools in `benches/compare/dedup.py` do; `--exact` is
//! accepted and changes nothing: the evidence is always exact fingerprints).
//!
//! Prints one JSON line per story with at least two members:
//! `{"story": ID, "canonical": DOC_ID, "members": [{"id": DOC_ID, "similarity": F, "source": S, ...}]}`
//! (members also carry `date`, `containment`, `matched`, `lacks` and `adds`, and what they share with
//! the canonical text: `words` (narrative words), `shared_words`, `longest_run` and `runs`, each
//! `[start, canonical_start, words]` in narrative words).
//! Without CORPUS it reads the bundled sample corpus. Shows progress on
//! stderr when stderr is a terminal, and a summary line at the end.

mod cli;

use std::process::ExitCode;
use std::time::Instant;

use dateline::dedup::{DedupConfig, Deduplicator, Member, Run, SketchedText, Story};
use serde::Serialize;

/// Documents per batch handed from the reader thread to the deduplicator.
const BATCH: usize = 4096;

/// One output line, fields in the documented order.
#[derive(Serialize)]
struct StoryLine<'a> {
    story: &'a str,
    canonical: &'a str,
    members: Vec<MemberLine<'a>>,
}

#[derive(Serialize)]
struct MemberLine<'a> {
    id: &'a str,
    similarity: f64,
    source: Option<&'a str>,
    date: Option<String>,
    containment: f64,
    matched: &'a str,
    lacks: &'a [usize],
    adds: &'a [usize],
    words: u32,
    shared_words: u32,
    longest_run: u32,
    runs: Vec<[u32; 3]>,
}

impl<'a> StoryLine<'a> {
    fn of(s: &'a Story) -> StoryLine<'a> {
        let member = |m: &'a Member| MemberLine {
            id: &m.id,
            similarity: m.similarity,
            source: m.source.as_deref(),
            date: m.date.map(|d| d.to_string()),
            containment: m.containment,
            matched: &m.matched,
            lacks: &m.lacks,
            adds: &m.adds,
            words: m.words,
            shared_words: m.shared_words,
            longest_run: m.longest_run,
            runs: m.runs.iter().map(|r: &Run| [r.start, r.canonical_start, r.words]).collect(),
        };
        StoryLine { story: &s.id, canonical: &s.canonical, members: s.members.iter().map(member).collect() }
    }
}

fn main() -> ExitCode {
    let mut path = None;
    let mut threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut config = DedupConfig::new();
    let mut whole_body = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => threads = n,
                None => return usage(),
            },
            "--exact" => {}
            "--whole-body" => whole_body = true,
            "--containment" | "--partial" | "--min-run" | "--long-run" | "--min-shared" | "--common-limit"
            | "--window" | "--shingle" | "--relaxed" | "--relaxed-run" | "--cross-stories" => {
                let Some(v) = args.next().and_then(|v| v.parse::<f64>().ok()) else { return usage() };
                config = match a.as_str() {
                    "--containment" => config.containment(v),
                    "--partial" => config.partial_containment(v),
                    "--min-run" => config.min_run(v as u32),
                    "--long-run" => config.long_run(v as u32),
                    "--min-shared" => config.min_shared_words(v as u32),
                    "--common-limit" => config.common_limit(v as u32),
                    "--window" => config.window(v as usize),
                    "--relaxed" => config.relaxed(v),
                    "--relaxed-run" => config.relaxed_run(v as u32),
                    "--cross-stories" => config.cross_stories(v as u32),
                    _ => config.shingle_size(v as usize),
                };
            }
            "-h" | "--help" => cli::help(USAGE),
            _ if a.starts_with("--") => return usage(),
            _ => path = Some(a),
        }
    }
    let start = Instant::now();
    let mut dedup = match Deduplicator::new(config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut progress = cli::Progress::new();
    let mut documents = 0usize;
    let mut add = |batch: &[dateline::corpus::Document<'_>], dedup: &mut Deduplicator| {
        if whole_body {
            // Every line of the body, boilerplate included, without structure analysis.
            dedup.add_parallel(batch, threads, |config, doc| {
                let body: &str = &doc.body;
                let lines = body.split_inclusive('\n').scan(0, |pos, line| {
                    let span = dateline::Span::new(*pos, *pos + line.len());
                    *pos += line.len();
                    Some(span)
                });
                vec![SketchedText {
                    id: doc.name.to_string(),
                    source: doc.meta.source().map(str::to_string),
                    date: doc.meta.date(),
                    sketch: config.sketch(body, lines),
                }]
            });
        } else {
            dedup.add_documents(batch, threads);
        }
        documents += batch.len();
        progress.add(batch.len());
    };
    match &path {
        None => match dateline::corpus::parse(include_str!("data/seeds.corpus")) {
            Ok(docs) => add(&docs, &mut dedup),
            Err(e) => {
                eprintln!("error: seeds.corpus: {e}");
                return ExitCode::FAILURE;
            }
        },
        Some(p) => {
            // A reader thread streams batches of documents (memory bounded by
            // a few batches) while this thread and the workers dedup the last one.
            let reader = match dateline::corpus::ReaderBuilder::new().from_path(p) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: cannot read {p}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let (tx, rx) = std::sync::mpsc::sync_channel::<dateline::Result<Vec<_>>>(2);
            let read = std::thread::spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                for doc in reader.into_documents() {
                    match doc {
                        Ok(d) => batch.push(d),
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            return;
                        }
                    }
                    if batch.len() == BATCH && tx.send(Ok(std::mem::take(&mut batch))).is_err() {
                        return;
                    }
                }
                let _ = tx.send(Ok(batch));
            });
            for batch in rx {
                match batch {
                    Ok(docs) => add(&docs, &mut dedup),
                    Err(e) => {
                        eprintln!("error: {p}: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            let _ = read.join();
        }
    }
    progress.finish();
    dedup.shrink_to_fit();
    let stories = dedup.stories();
    // One closed-pipe-safe write path, as the other examples: a closed pipe
    // ends the output quietly, any other write error is said.
    let mut out = cli::Out::new();
    for s in &stories {
        let line = serde_json::to_string(&StoryLine::of(s)).unwrap_or_default() + "\n";
        match out.write(&line) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return cli::exit(Err(e)),
        }
    }
    if let Err(e) = out.finish() {
        return cli::exit(Err(e));
    }
    let secs = start.elapsed().as_secs_f64();
    let largest = stories.iter().map(|s| s.members.len()).max().unwrap_or(0);
    eprintln!(
        "{documents} documents ({} texts) in {secs:.2} s: {:.0} docs/s on {threads} threads; {} stories with copies, the largest of {largest}; index {:.0} bytes/text",
        dedup.len(),
        documents as f64 / secs,
        stories.len(),
        dedup.index_bytes() as f64 / dedup.len().max(1) as f64
    );
    ExitCode::SUCCESS
}

const USAGE: &str = "usage: dedup [CORPUS] [--threads N] [--whole-body] [--containment T] [--partial T] [--min-run W] [--long-run W] [--min-shared W] [--common-limit N] [--relaxed T] [--relaxed-run W] [--cross-stories N] [--window G] [--shingle K]";

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::FAILURE
}
