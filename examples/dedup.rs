//! Merge syndicated copies in a corpus: `cargo run --release --example dedup -- CORPUS [--threads N] [--exact]`
//! (and `--resemblance T --containment T --bins K --bands B --rows R --shingle W` to try other parameters).
//!
//! Prints one JSON line per story with at least two members:
//! `{"story": ID, "canonical": DOC_ID, "members": [{"id": DOC_ID, "similarity": F, "source": S, ...}]}`
//! (members also carry `date`, `containment`, `matched`, `lacks` and `adds`).
//! Without CORPUS it reads the bundled sample corpus. Shows progress on
//! stderr when stderr is a terminal, and a summary line at the end.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use dateline::dedup::{DedupConfig, Deduplicator};
use serde_json::json;

fn main() -> ExitCode {
    let mut path = None;
    let mut threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut config = DedupConfig::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => threads = n,
                None => return usage(),
            },
            "--exact" => config = config.keep_shingles(true),
            "--resemblance" | "--containment" | "--bins" | "--bands" | "--rows" | "--shingle" => {
                let Some(v) = args.next().and_then(|v| v.parse::<f64>().ok()) else { return usage() };
                config = match a.as_str() {
                    "--resemblance" => config.resemblance(v),
                    "--containment" => config.containment(v),
                    "--bins" => config.bins(v as usize),
                    "--bands" => config.bands(v as usize),
                    "--rows" => config.rows(v as usize),
                    _ => config.shingle_size(v as usize),
                };
            }
            _ if a.starts_with("--") => return usage(),
            _ => path = Some(a),
        }
    }
    let start = Instant::now();
    let text = match &path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read {p}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => include_str!("data/seeds.corpus").to_string(),
    };
    let docs = match dateline::corpus::parse(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {}: {e}", path.as_deref().unwrap_or("seeds.corpus"));
            return ExitCode::FAILURE;
        }
    };
    let parsed = start.elapsed().as_secs_f64();
    let mut dedup = match Deduplicator::new(config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let progress = std::io::stderr().is_terminal();
    for chunk in docs.chunks(8192) {
        dedup.add_documents(chunk, threads);
        if progress {
            let secs = start.elapsed().as_secs_f64();
            eprint!("\r{} documents, {:.0} docs/s   ", dedup.len(), dedup.len() as f64 / secs);
        }
    }
    if progress {
        eprintln!();
    }
    dedup.shrink_to_fit();
    let stories = dedup.stories();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for s in &stories {
        let members: Vec<_> = s
            .members
            .iter()
            .map(|m| {
                json!({"id": m.id, "similarity": m.similarity, "source": m.source, "date": m.date.map(|d| d.to_string()),
                       "containment": m.containment, "matched": m.matched, "lacks": m.lacks, "adds": m.adds})
            })
            .collect();
        if writeln!(out, "{}", json!({"story": s.id, "canonical": s.canonical, "members": members})).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} documents ({} texts) in {:.2} s (read and parse {parsed:.2} s): {:.0} docs/s on {threads} threads; {} stories with copies; index {:.0} bytes/text",
        docs.len(),
        dedup.len(),
        secs,
        docs.len() as f64 / secs,
        stories.len(),
        dedup.index_bytes() as f64 / dedup.len().max(1) as f64
    );
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: dedup [CORPUS] [--threads N] [--exact] [--resemblance T] [--containment T] [--bins K] [--bands B] [--rows R] [--shingle W]"
    );
    ExitCode::FAILURE
}
