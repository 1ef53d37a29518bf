//! `dateline timeline`: the story's dated, sourced events.

use clap::Args as ClapArgs;
use dateline::timeline::{render, Event};

use crate::input::Inputs;
use crate::options::{self, AnalysisArgs, DedupArgs, Format, InputArgs, OutputArgs};
use crate::output::Sink;
use crate::report::{Fatal, Reporter, Summary};

/// Options of `dateline timeline`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    analysis: AnalysisArgs,
    /// The share of the pages' median focus score a related-story blurb needs
    /// to join the timeline, 0.0 to 1.0 [default: 0.5].
    #[arg(long, value_name = "SHARE")]
    focus_threshold: Option<f64>,
    #[command(flatten)]
    dedup: DedupArgs,
    /// `text`: events grouped by date; `json`: the crate's interchange format
    /// (documents, stories, events); `jsonl`: one event per line; `csv`: one
    /// event per row; `timelinejs`: Knight Lab's TimelineJS JSON; `html`: one
    /// self-contained page to open in a browser.
    #[arg(short, long, value_name = "FORMAT", default_value = "text",
          value_parser = options::formats(&["text", "json", "jsonl", "csv", "timelinejs", "html"]))]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
}

/// Documents read before they are analysed together.
const BATCH: usize = 256;

/// Read every document, build the timeline, write it.
pub fn run(args: Args) -> Result<Summary, Fatal> {
    let pipeline = options::pipeline(&args.analysis, args.focus_threshold, Some(args.dedup.config()))?;
    let mut rep = Reporter::new(args.input.strict, args.input.quiet);
    let mut inputs = Inputs::new(&args.input);
    // The JSON interchange format lists the documents; the HTML page names their outlets and links them.
    let mut session = pipeline.session().keep_documents(matches!(args.format, Format::Json | Format::Html));
    // Batches let the pipeline analyse on every core; a document is held only until its batch is added.
    inputs.for_each_batch(&mut rep, BATCH, |batch| {
        session.add_batch(batch);
    })?;
    rep.stage("building the timeline");
    let report = session.finish();
    let summary = rep.finish();
    let mut out = Sink::open(args.output.output.as_deref())?;
    match args.format {
        Format::Json => out.json_pretty(&report)?,
        Format::Jsonl => {
            for event in &report.timeline.events {
                out.json_line(event)?;
            }
        }
        Format::Csv => {
            let mut csv =
                out.csv(&["id", "date", "text", "sources", "outlets", "entities", "quote", "speaker", "conflicts"])?;
            for e in &report.timeline.events {
                csv.row(event_row(e))?;
            }
            csv.finish()?;
        }
        Format::Timelinejs => out.json_pretty(&render::timelinejs::from_timeline(&report.timeline))?,
        Format::Html => out.text(&render::html::render(&report))?,
        Format::Text => out.text(&render::text::render_report(&report))?,
    }
    out.finish()?;
    Ok(summary)
}

/// One CSV row; lists are joined with `; `.
fn event_row(e: &Event) -> [String; 9] {
    let outlets: Vec<&str> = e.provenance.iter().flat_map(|p| p.outlets.iter().map(String::as_str)).collect();
    [
        e.id.clone(),
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        e.text.clone(),
        e.sources.join("; "),
        outlets.join("; "),
        e.entities.join("; "),
        e.quote.as_ref().map(|q| q.text.clone()).unwrap_or_default(),
        e.quote.as_ref().map(|q| q.speaker_text.clone()).unwrap_or_default(),
        e.conflicts.iter().map(|c| c.event.as_str()).collect::<Vec<_>>().join("; "),
    ]
}
