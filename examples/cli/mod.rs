//! Shared command-line plumbing of the pipeline examples: reading a corpus
//! file or a directory of `.txt` files as a stream, loading a gazetteer, and
//! progress on stderr when stderr is a terminal.
#![allow(dead_code)]

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use dateline::corpus::Document;
use dateline::gazetteer::Gazetteer;

/// The bundled sample corpus.
pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seeds.corpus");
/// The bundled gazetteer for the sample corpus.
pub const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gazetteer.tsv");

/// The exit code for a run's result, printing the error as `error: ...`.
pub fn exit(result: Result<(), String>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Load a gazetteer file, with the file name in the error.
pub fn load_gazetteer(path: &str) -> Result<Gazetteer, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read gazetteer {path}: {e}"))?;
    Gazetteer::from_tsv(&text).map_err(|e| format!("gazetteer {path}: {e}"))
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("--reference-date {s:?} is not a date; expected YYYY-MM-DD"))
}

/// Call `f` on every document of the corpus at `path` (a corpus file, read
/// as a stream with memory bounded by the largest document, or a directory
/// of `.txt` files), in order. Stops at the first read error.
pub fn for_each_document(path: &str, mut f: impl FnMut(&Document<'_>)) -> Result<(), String> {
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| format!("cannot read {path}: {e}"))?;
    if meta.is_dir() {
        let docs = dateline::corpus::read_dir(p).map_err(|e| format!("{path}: {e}"))?;
        if docs.is_empty() {
            return Err(format!("{path} has no .txt files"));
        }
        docs.iter().for_each(f);
        return Ok(());
    }
    let mut reader = dateline::corpus::Reader::from_path(p).map_err(|e| format!("cannot read {path}: {e}"))?;
    while let Some(doc) = reader.read_document().map_err(|e| format!("{path}: {e}"))? {
        f(&doc);
    }
    Ok(())
}

/// Progress on stderr (documents done, rate), only when stderr is a terminal.
pub struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    done: usize,
}

impl Progress {
    /// A progress line that shows itself only on a terminal.
    pub fn new() -> Progress {
        let now = Instant::now();
        Progress { on: std::io::stderr().is_terminal(), start: now, last: now, done: 0 }
    }

    /// Count one document.
    pub fn tick(&mut self) {
        self.done += 1;
        if self.on && self.last.elapsed().as_millis() >= 250 {
            self.last = Instant::now();
            self.show();
        }
    }

    fn show(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!("\r{} documents, {:.0} docs/s   ", self.done, self.done as f64 / secs);
        let _ = std::io::stderr().flush();
    }

    /// Final line.
    pub fn finish(&self) {
        if self.on {
            self.show();
            eprintln!();
        }
    }
}
