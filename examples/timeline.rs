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
    let gazetteer_path = args.gazetteer.clone().or_else(|| {
        (args.corpus.is_none() && std::path::Path::new(cli::GAZETTEER).exists()).then(|| cli::GAZETTEER.to_string())
    });
    let corpus = args.corpus.clone().unwrap_or_else(|| cli::SEEDS.to_string());
    let pipeline = args.pipeline(gazetteer_path.as_deref())?;
    let mut session = pipeline.session().keep_documents(matches!(format, "json" | "html"));
    let mut progress = cli::Progress::new();
    cli::for_each_document(&corpus, |doc| {
        session.add(doc);
        progress.tick();
    })?;
    progress.finish();
    let report = session.finish();
    let out = match format {
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
        "html" => render::html::render(&report),
        "timelinejs" => serde_json::to_string_pretty(&render::timelinejs::from_timeline(&report.timeline))
            .map_err(|e| e.to_string())?,
        _ => render::text::render_report(&report),
    };
    println!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    cli::exit(run())
}
