//! Print pages with their structure marked: `cargo run --example structure [CORPUS_OR_DIR]`.
//!
//! Without an argument it reads the bundled sample corpus. Each line of each
//! page is tagged with its region (headline, lede, body, boilerplate kind,
//! blurb part); each blurb is then listed with its outlet, age and headline.
//! `dateline structure` (the command in `cli/`) also writes JSON and CSV.

mod cli;

use std::fmt::Write as _;
use std::process::ExitCode;

use dateline::Span;

fn run() -> Result<(), String> {
    let path = std::env::args().nth(1).unwrap_or_else(|| cli::SEEDS.to_string());
    if path == "-h" || path == "--help" {
        cli::help("usage: structure [CORPUS | DIR]");
    }
    let mut out = cli::Out::new();
    cli::for_each_document(&path, |doc| {
        let body = &doc.body;
        let s = dateline::text::analyze(body, doc.meta.title());
        let mut page = format!("==> {} <==\n{}", doc.name, s.render(body));
        for b in &s.blurbs {
            let show = |span: Option<Span>| span.map_or("-", |x| x.slice(body));
            let _ = writeln!(
                page,
                "  {}: outlet {:?}, age {:?}, timestamp {:?}, headline {:?}, {} paragraph(s)",
                b.id(&doc.name),
                show(b.outlet),
                show(b.age),
                show(b.timestamp),
                show(b.section.headline),
                b.section.paragraphs.len()
            );
        }
        page.push('\n');
        out.write(&page)
    })?;
    out.finish()
}

fn main() -> ExitCode {
    cli::exit(run())
}
