//! One JSON line per document (related-story blurbs included), each object
//! a `documents` entry of the interchange format: `id`, `parent`, `date`,
//! `title`, `mentions`, `times`, `claims`.
//!
//! ```text
//! cargo run --release --example extract -- CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]
//! ```
//!
//! Documents are analysed and written one at a time through the `Pipeline`.
//! `dateline extract` (the command in `cli/`) does the same on every core,
//! from standard input and JSON lines too, skipping and reporting bad documents.

mod cli;

use std::process::ExitCode;

const USAGE: &str = "usage: extract CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]";

fn run() -> Result<(), String> {
    let args = cli::parse_args(USAGE, &[], |_, _| Ok(()))?;
    let corpus = args.corpus.clone().ok_or_else(|| USAGE.to_string())?;
    let pipeline = args.pipeline(args.gazetteer.as_deref())?;
    let mut out = cli::Out::new();
    cli::for_each_document(&corpus, |doc| {
        for a in pipeline.analyze(doc) {
            let line = serde_json::to_string(&a.record()).map_err(|e| e.to_string())?;
            if !out.write(&(line + "\n"))? {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    out.finish()
}

fn main() -> ExitCode {
    cli::exit(run())
}
