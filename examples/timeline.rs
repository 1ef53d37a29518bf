//! The crate's main job: read a corpus and print the story's timeline.
//!
//! ```text
//! cargo run --example timeline                      # the bundled sample corpus and gazetteer
//! cargo run --example timeline -- CORPUS_OR_DIR [--gazetteer FILE] [--reference-date YYYY-MM-DD]
//!                                               [--format text|json|timelinejs]
//! ```
//!
//! `text` (default) groups events by date with their sources and key quote;
//! `json` is the crate's interchange format; `timelinejs` is the JSON that
//! Knight Lab's TimelineJS loads.

mod cli;

use std::process::ExitCode;

use dateline::pipeline::Pipeline;
use dateline::timeline::render;

const USAGE: &str = "usage: timeline [CORPUS | DIR] [--gazetteer FILE] [--reference-date YYYY-MM-DD] \
                     [--format text|json|timelinejs]";

struct Args {
    corpus: Option<String>,
    gazetteer: Option<String>,
    reference_date: Option<chrono::NaiveDate>,
    format: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { corpus: None, gazetteer: None, reference_date: None, format: "text".into() };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match a.as_str() {
            "--gazetteer" => args.gazetteer = Some(value("--gazetteer")?),
            "--reference-date" => args.reference_date = Some(cli::parse_date(&value("--reference-date")?)?),
            "--format" => {
                let f = value("--format")?;
                if !matches!(f.as_str(), "text" | "json" | "timelinejs") {
                    return Err(format!("unknown format {f:?}; expected text, json or timelinejs"));
                }
                args.format = f;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if args.corpus.is_some() => return Err(format!("more than one corpus given\n{USAGE}")),
            _ => args.corpus = Some(a),
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    // With no corpus given, the bundled sample and its gazetteer.
    let gazetteer_path = args.gazetteer.clone().or_else(|| {
        (args.corpus.is_none() && std::path::Path::new(cli::GAZETTEER).exists()).then(|| cli::GAZETTEER.to_string())
    });
    let corpus = args.corpus.unwrap_or_else(|| cli::SEEDS.to_string());
    let mut builder = Pipeline::builder();
    if let Some(g) = &gazetteer_path {
        builder = builder.gazetteer(cli::load_gazetteer(g)?);
    }
    if let Some(d) = args.reference_date {
        builder = builder.reference_date(d);
    }
    let pipeline = builder.build().map_err(|e| e.to_string())?;
    let mut session = pipeline.session().keep_documents(args.format == "json");
    let mut progress = cli::Progress::new();
    cli::for_each_document(&corpus, |doc| {
        session.add(doc);
        progress.tick();
    })?;
    progress.finish();
    let report = session.finish();
    let out = match args.format.as_str() {
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
        "timelinejs" => serde_json::to_string_pretty(&render::timelinejs::from_timeline(&report.timeline))
            .map_err(|e| e.to_string())?,
        _ => {
            let mut s = render::text::render(&report.timeline);
            if !report.off_focus.is_empty() {
                s.push_str(&format!(
                    "\nLeft out as other stories (related-story blurbs): {}\n",
                    report.off_focus.join(", ")
                ));
            }
            s
        }
    };
    println!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    cli::exit(run())
}
