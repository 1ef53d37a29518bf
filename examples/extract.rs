//! One JSON line per document (related-story blurbs included), each object
//! a `documents` entry of the interchange format: `id`, `parent`, `date`,
//! `title`, `mentions`, `times`, `claims`.
//!
//! ```text
//! cargo run --release --example extract -- CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]
//! ```
//!
//! Documents are analysed and written one at a time through the `Pipeline`.

mod cli;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: extract CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]";

fn run() -> Result<(), String> {
    let args = cli::parse_args(USAGE, &[], |_, _| Ok(()))?;
    let corpus = args.corpus.clone().ok_or_else(|| USAGE.to_string())?;
    let pipeline = args.pipeline(args.gazetteer.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut progress = cli::Progress::new();
    let mut failed = None;
    cli::for_each_document(&corpus, |doc| {
        if failed.is_some() {
            return;
        }
        for a in pipeline.analyze(doc) {
            let line = serde_json::to_string(&a.record()).map_err(|e| e.to_string());
            let written = line.and_then(|l| match writeln!(out, "{l}") {
                // A closed pipe (`| head`) is the reader saying it has enough.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(String::new()),
                r => r.map_err(|e| format!("cannot write output: {e}")),
            });
            if let Err(e) = written {
                failed = Some(e);
                return;
            }
        }
        progress.tick();
    })?;
    progress.finish();
    match failed {
        Some(e) if e.is_empty() => return Ok(()),
        Some(e) => return Err(e),
        None => {}
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    cli::exit(run())
}
