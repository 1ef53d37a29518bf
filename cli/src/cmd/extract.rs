//! `dateline extract`: per-document entities, dates and claims, streamed.

use clap::Args as ClapArgs;
use dateline::corpus::Document;
use dateline::pipeline::{DocumentAnalysis, Pipeline};

use crate::input::Inputs;
use crate::options::{self, AnalysisArgs, Format, InputArgs, OutputArgs};
use crate::output::Sink;
use crate::report::{Fatal, Reporter, Summary};

/// Options of `dateline extract`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    analysis: AnalysisArgs,
    /// `jsonl`: one `documents` entry of the interchange format per line
    /// (pages and related-story blurbs); `json`: the same as one array;
    /// `csv`: one row per mention, date or claim; `text`: a summary per document.
    #[arg(short, long, value_name = "FORMAT", default_value = "jsonl",
          value_parser = options::formats(&["jsonl", "json", "csv", "text"]))]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
}

/// Documents analysed per thread and batch: small enough that the first
/// lines come out at once, large enough to keep the threads busy.
const PER_THREAD: usize = 16;

/// Read, analyse and write document by document (in batches across threads).
pub fn run(args: Args) -> Result<Summary, Fatal> {
    let pipeline = options::pipeline(&args.analysis, None, None)?;
    let threads = pipeline.threads().max(1);
    let mut rep = Reporter::new(args.input.strict, args.input.quiet);
    let mut inputs = Inputs::new(&args.input);
    let mut out = Sink::open(args.output.output.as_deref())?;
    let mut writer = Writer::start(&mut out, args.format)?;
    let mut batch = Vec::with_capacity(threads * PER_THREAD);
    let mut stopped = None;
    loop {
        // Under --strict, what was read before the bad document is still written.
        let doc = inputs.next_doc(&mut rep).unwrap_or_else(|e| {
            stopped = Some(e);
            None
        });
        let end = doc.is_none();
        batch.extend(doc);
        if batch.len() == batch.capacity() || (end && !batch.is_empty()) {
            for analyses in analyze(&pipeline, &batch, threads) {
                for a in &analyses {
                    writer.write(a)?;
                }
            }
            batch.clear();
        }
        if end {
            break;
        }
    }
    writer.finish()?;
    let summary = rep.finish();
    out.finish()?;
    match stopped {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// The analyses of each document, in input order.
fn analyze(pipeline: &Pipeline, docs: &[Document<'static>], threads: usize) -> Vec<Vec<DocumentAnalysis>> {
    if threads <= 1 || docs.len() <= 1 {
        return docs.iter().map(|d| pipeline.analyze(d)).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|d| pipeline.analyze(d)).collect::<Vec<_>>()))
            .collect();
        // A thread that panicked loses its documents' output rather than the run's.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// Writes analyses in the chosen format.
struct Writer<'a> {
    format: Format,
    out: &'a mut Sink,
    first: bool,
}

impl<'a> Writer<'a> {
    fn start(out: &'a mut Sink, format: Format) -> Result<Writer<'a>, Fatal> {
        match format {
            Format::Json => out.text("[")?,
            Format::Csv => out.text("document,parent,type,start,end,text,value,detail\n")?,
            _ => {}
        }
        Ok(Writer { format, out, first: true })
    }

    fn write(&mut self, a: &DocumentAnalysis) -> Result<(), Fatal> {
        let first = std::mem::replace(&mut self.first, false);
        match self.format {
            Format::Json => {
                self.out.text(if first { "\n" } else { ",\n" })?;
                let line = serde_json::to_string(&a.record()).map_err(|e| Fatal::failed(e.to_string()))?;
                self.out.text(&line)
            }
            Format::Csv => {
                // Rows go through a CSV writer per document so quoting is the csv crate's.
                let record = a.record();
                let parent = record.parent.clone().unwrap_or_default();
                let mut rows: Vec<[String; 8]> = Vec::new();
                for m in &record.mentions {
                    let row = [
                        &record.id,
                        &parent,
                        "mention",
                        &m.start.to_string(),
                        &m.end.to_string(),
                        &m.text,
                        &m.entity,
                        &m.kind,
                    ];
                    rows.push(row.map(|s| s.to_string()));
                }
                for t in &record.times {
                    let value = t.value.map(|v| v.to_string()).unwrap_or_default();
                    let row =
                        [&record.id, &parent, "time", &t.start.to_string(), &t.end.to_string(), &t.text, &value, ""];
                    rows.push(row.map(|s| s.to_string()));
                }
                for c in &record.claims {
                    let speaker = c.speaker.clone().unwrap_or_else(|| c.speaker_text.clone());
                    let row = [
                        &record.id,
                        &parent,
                        "claim",
                        &c.start.to_string(),
                        &c.end.to_string(),
                        &c.content,
                        &speaker,
                        &c.cue,
                    ];
                    rows.push(row.map(|s| s.to_string()));
                }
                let mut buf = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
                for row in &rows {
                    buf.write_record(row).map_err(|e| Fatal::failed(format!("cannot write CSV: {e}")))?;
                }
                let bytes = buf.into_inner().map_err(|e| Fatal::failed(format!("cannot write CSV: {e}")))?;
                self.out.text(&String::from_utf8_lossy(&bytes))
            }
            Format::Text => {
                let date = a.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".to_string());
                let title = a.title.as_deref().unwrap_or("(no headline)");
                let mut s = format!("{}  {date}  {title}\n", a.id);
                if !a.mentions.is_empty() {
                    let names: Vec<&str> = a.mentions.iter().map(|m| m.text.as_str()).collect();
                    s.push_str(&format!("  entities: {}\n", names.join(", ")));
                }
                for t in &a.times {
                    let value = t.value.map(|v| v.to_string()).unwrap_or_else(|| "unresolved".to_string());
                    s.push_str(&format!("  date: {:?} = {value}\n", t.text));
                }
                for c in &a.claims {
                    s.push_str(&format!("  claim: {} {}: {:?}\n", c.speaker_text, c.cue, c.content));
                }
                self.out.text(&s)
            }
            _ => self.out.json_line(&a.record()),
        }
    }

    fn finish(self) -> Result<(), Fatal> {
        match self.format {
            Format::Json if self.first => self.out.text("]\n"),
            Format::Json => self.out.text("\n]\n"),
            _ => Ok(()),
        }
    }
}
