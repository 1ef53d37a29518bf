//! `dateline structure`: each page's regions, article text and blurbs.

use clap::Args as ClapArgs;
use dateline::text::{self, Structure};
use dateline::Span;
use serde::Serialize;

use crate::input::Inputs;
use crate::options::{self, Format, InputArgs, OutputArgs};
use crate::output::Sink;
use crate::report::{Fatal, Reporter, Summary};

/// Options of `dateline structure`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// `text`: each line of each page tagged with its region, then its blurbs;
    /// `jsonl`: one object per page (`id` and the library's `text::Structure`:
    /// `main`, `regions`, `blurbs`, byte spans into the body); `json`: the same
    /// as one array; `csv`: one row per region.
    #[arg(short, long, value_name = "FORMAT", default_value = "text",
          value_parser = options::formats(&["text", "jsonl", "json", "csv"]))]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
}

/// One page's structure as JSON.
#[derive(Serialize)]
struct Page<'a> {
    id: &'a str,
    #[serde(flatten)]
    structure: &'a Structure,
}

/// Analyse and write page by page.
pub fn run(args: Args) -> Result<Summary, Fatal> {
    let mut rep = Reporter::new(args.input.strict, args.input.quiet);
    let mut inputs = Inputs::new(&args.input);
    let mut out = Sink::open(args.output.output.as_deref())?;
    let mut first = true;
    match args.format {
        Format::Json => out.text("[")?,
        Format::Csv => out.text("document,region,boilerplate,start,end,text\n")?,
        _ => {}
    }
    while let Some(doc) = inputs.next_doc(&mut rep)? {
        let body: &str = &doc.body;
        let s = text::analyze(body, doc.meta.title());
        match args.format {
            Format::Text => {
                let show = |span: Option<Span>| span.map_or("-", |x| x.slice(body));
                let mut t = format!("==> {} <==\n{}", doc.name, s.render(body));
                for b in &s.blurbs {
                    t.push_str(&format!(
                        "  {}: outlet {:?}, age {:?}, timestamp {:?}, headline {:?}, {} paragraph(s)\n",
                        b.id(&doc.name),
                        show(b.outlet),
                        show(b.age),
                        show(b.timestamp),
                        show(b.section.headline),
                        b.section.paragraphs.len()
                    ));
                }
                t.push('\n');
                out.text(&t)?;
            }
            Format::Json => {
                out.text(if first { "\n" } else { ",\n" })?;
                let line = serde_json::to_string(&Page { id: &doc.name, structure: &s })
                    .map_err(|e| Fatal::failed(e.to_string()))?;
                out.text(&line)?;
            }
            Format::Csv => {
                let mut buf = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
                for r in &s.regions {
                    let kind = serde_json::to_value(r.kind).ok().and_then(|v| v.as_str().map(str::to_string));
                    let row = [
                        doc.name.to_string(),
                        kind.unwrap_or_default(),
                        r.boilerplate.map(|b| b.name().to_string()).unwrap_or_default(),
                        r.span.start.to_string(),
                        r.span.end.to_string(),
                        r.span.slice(body).to_string(),
                    ];
                    buf.write_record(&row).map_err(|e| Fatal::failed(format!("cannot write CSV: {e}")))?;
                }
                let bytes = buf.into_inner().map_err(|e| Fatal::failed(format!("cannot write CSV: {e}")))?;
                out.text(&String::from_utf8_lossy(&bytes))?;
            }
            _ => out.json_line(&Page { id: &doc.name, structure: &s })?,
        }
        first = false;
    }
    match args.format {
        Format::Json if first => out.text("]\n")?,
        Format::Json => out.text("\n]\n")?,
        _ => {}
    }
    let summary = rep.finish();
    out.finish()?;
    Ok(summary)
}
