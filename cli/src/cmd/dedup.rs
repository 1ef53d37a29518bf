//! `dateline dedup`: syndicated copies merged into stories.

use clap::Args as ClapArgs;
use dateline::corpus::Document;
use dateline::dedup::{DedupConfig, Deduplicator, SketchedText, Story};
use dateline::Span;

use crate::input::Inputs;
use crate::options::{self, DedupArgs, Format, InputArgs, OutputArgs};
use crate::output::Sink;
use crate::report::{Fatal, Reporter, Summary};

/// Options of `dateline dedup`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dedup: DedupArgs,
    /// Compare every line of each body, boilerplate included, without
    /// structure analysis (and without related-story blurbs as texts of their own).
    #[arg(long)]
    whole_body: bool,
    /// Threads analysing and sketching documents [default: the number of cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// `jsonl`: one story with copies per line (the library's `dedup::Story`:
    /// `id`, `canonical`, `members` with their provenance); `json`: the stories
    /// as one array; `csv`: one row per member; `text`: stories for people.
    #[arg(short, long, value_name = "FORMAT", default_value = "jsonl",
          value_parser = options::formats(&["jsonl", "json", "csv", "text"]))]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
}

/// Documents read before they are sketched in parallel and added in order.
const BATCH: usize = 1024;

/// Read every document, merge copies, write the stories.
pub fn run(args: Args) -> Result<Summary, Fatal> {
    let mut dedup = Deduplicator::new(args.dedup.config()).map_err(|e| Fatal::failed(e.to_string()))?;
    let threads = args.threads.unwrap_or_else(options::default_threads).max(1);
    let mut rep = Reporter::new(args.input.strict, args.input.quiet);
    let mut inputs = Inputs::new(&args.input);
    inputs.for_each_batch(&mut rep, BATCH, |batch| {
        if args.whole_body {
            dedup.add_parallel(batch, threads, whole_body);
        } else {
            dedup.add_documents(batch, threads);
        }
    })?;
    rep.stage("grouping stories");
    let stories = dedup.stories();
    let summary = rep.finish();
    let mut out = Sink::open(args.output.output.as_deref())?;
    write(&mut out, &stories, args.format)?;
    out.finish()?;
    Ok(summary)
}

/// A document's whole body, one paragraph per line, without structure analysis.
fn whole_body(config: &DedupConfig, doc: &Document<'static>) -> Vec<SketchedText> {
    let body: &str = &doc.body;
    let lines = body.split_inclusive('\n').scan(0, |pos, line| {
        let span = Span::new(*pos, *pos + line.len());
        *pos += line.len();
        Some(span)
    });
    vec![SketchedText {
        id: doc.name.to_string(),
        source: doc.meta.source().map(str::to_string),
        date: doc.meta.date(),
        sketch: config.sketch(body, lines),
    }]
}

fn write(out: &mut Sink, stories: &[Story], format: Format) -> Result<(), Fatal> {
    match format {
        Format::Json => out.json_pretty(stories),
        Format::Csv => {
            let header =
                ["story", "canonical", "id", "source", "date", "similarity", "containment", "matched", "lacks", "adds"];
            let mut csv = out.csv(&header)?;
            for s in stories {
                for m in &s.members {
                    let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                    csv.row([
                        s.id.clone(),
                        s.canonical.clone(),
                        m.id.clone(),
                        m.source.clone().unwrap_or_default(),
                        m.date.map(|d| d.to_string()).unwrap_or_default(),
                        format!("{:.3}", m.similarity),
                        format!("{:.3}", m.containment),
                        m.matched.clone(),
                        join(&m.lacks),
                        join(&m.adds),
                    ])?;
                }
            }
            csv.finish()
        }
        Format::Text => {
            let copies: usize = stories.iter().map(|s| s.members.len()).sum();
            out.text(&format!("{} stories with copies, {copies} texts\n", stories.len()))?;
            for s in stories {
                let mut t = format!("\n{} ({} texts; canonical {})\n", s.id, s.members.len(), s.canonical);
                for m in &s.members {
                    let source = m.source.as_deref().unwrap_or("-");
                    let date = m.date.map(|d| d.to_string()).unwrap_or_else(|| "-".to_string());
                    if m.id == s.canonical {
                        t.push_str(&format!("  {}  {source}  {date}  canonical\n", m.id));
                    } else {
                        t.push_str(&format!(
                            "  {}  {source}  {date}  resemblance {:.2}, containment {:.2} to {}\n",
                            m.id, m.similarity, m.containment, m.matched
                        ));
                    }
                }
                out.text(&t)?;
            }
            Ok(())
        }
        _ => {
            for s in stories {
                out.json_line(s)?;
            }
            Ok(())
        }
    }
}
