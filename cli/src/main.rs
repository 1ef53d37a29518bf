//! The `dateline` command: the library's pipeline from the shell.
//!
//! Each subcommand reads its inputs through [`input`] (corpus files,
//! directories of `.txt` files, JSON lines, standard input), reports a bad
//! document through [`report`] and goes on, and writes through [`output`],
//! which turns a closed pipe into a quiet end.

mod cmd;
mod input;
mod options;
mod output;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::report::Fatal;

/// Turn a corpus of scraped news articles into a dated, sourced timeline,
/// per-document extractions, deduplicated stories or marked-up article structure.
///
/// INPUT is a corpus file (`==> NAME <==` documents), a directory of `.txt`
/// files, a JSON-lines file (`.jsonl`/`.ndjson`: one object per document with
/// `id`, `text` and optional `date`, `source`, `url`, `title`, `lang`), or `-`
/// for standard input.
#[derive(Parser)]
#[command(name = "dateline", version, about, long_about, max_term_width = 100)]
#[command(after_help = "\
Exit status:
  0  success (also when the reader of the output closed the pipe early)
  1  some documents had errors: each was reported on standard error and skipped
     (with --strict, the run stopped at the first)
  2  usage error, or an input, gazetteer or output that could not be read or written")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the story's timeline: events in date order with their sources and key quote.
    Timeline(cmd::timeline::Args),
    /// Per-document entities, dates and claims (one JSON line per page or related-story blurb).
    Extract(cmd::extract::Args),
    /// Merge syndicated copies into stories (one JSON line per story with copies).
    Dedup(cmd::dedup::Args),
    /// Show each page's structure: headline, article text, boilerplate and related-story blurbs.
    Structure(cmd::structure::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Timeline(args) => cmd::timeline::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Dedup(args) => cmd::dedup::run(args),
        Command::Structure(args) => cmd::structure::run(args),
    };
    match result {
        Ok(summary) => ExitCode::from(summary.exit_code()),
        // The reader of our output has all it wants: not an error.
        Err(Fatal::Closed) => ExitCode::SUCCESS,
        Err(Fatal::Stopped(code)) => ExitCode::from(code),
        Err(Fatal::Failed(message)) => {
            report::error(&message);
            ExitCode::from(2)
        }
    }
}
