//! The crate's main job: read a corpus and print the story's timeline.
//!
//! ```text
//! cargo run --example timeline                      # the bundled sample corpus and gazetteer
//! cargo run --example timeline -- CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]
//!                                               [--format text|json|timelinejs|html]
//! ```
//!
//! `text` (default) groups events by date with their sources and key quote;
//! `json` is the crate's interchange format; `timelinejs` is the JSON that
//! Knight Lab's TimelineJS loads; `html` is one self-contained page to open in a browser.
//! `dateline timeline` (the command in `cli/`) does the same with every input
//! format and option.

mod cli;

use std::process::ExitCode;

use dateline::timeline::render;

const USAGE: &str = "usage: timeline [CORPUS | DIR] [--gazetteer FILE] [--reference-date YYYY-MM-DD] \
                     [--format text|json|timelinejs|html]";

fn run() -> Result<(), String> {
    let args = cli::parse_args(USAGE, &["--format"], |_, f| match f {
        "text" | "json" | "timelinejs" | "html" => Ok(()),
        _ => Err(format!("unknown format {f:?}; expected text, json, timelinejs or html")),
    })?;
    let format = args.option("--format").unwrap_or("text");
    // With no corpus given, the bundled sample and its gazetteer.
    let gazetteer = args.gazetteer.clone().or_else(|| args.corpus.is_none().then(|| cli::GAZETTEER.to_string()));
    let corpus = args.corpus.clone().unwrap_or_else(|| cli::SEEDS.to_string());
    let pipeline = args.pipeline(gazetteer.as_deref())?;
    let mut session = pipeline.session().keep_documents(matches!(format, "json" | "html"));
    cli::for_each_document(&corpus, |doc| {
        session.add(doc);
        Ok(true)
    })?;
    let report = session.finish();
    let json = |v: Result<String, serde_json::Error>| v.map(|s| s + "\n").map_err(|e| e.to_string());
    let text = match format {
        "json" => json(serde_json::to_string_pretty(&report))?,
        "html" => render::html::render(&report),
        "timelinejs" => json(serde_json::to_string_pretty(&render::timelinejs::from_timeline(&report.timeline)))?,
        _ => render::text::render_report(&report),
    };
    let mut out = cli::Out::new();
    out.write(&text)?;
    out.finish()
}

fn main() -> ExitCode {
    cli::exit(run())
}
