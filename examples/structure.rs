//! Print pages with their structure marked: `cargo run --example structure [CORPUS]`.
//!
//! Without an argument it reads the bundled sample corpus. Each line of each
//! page is tagged with its region (headline, lede, body, boilerplate kind,
//! blurb part); each blurb is then listed with its outlet, age and headline.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/data/seeds.corpus".to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docs = match dateline::corpus::parse(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for doc in &docs {
        let body = &doc.body;
        let s = dateline::text::analyze(body, doc.meta.title());
        println!("==> {} <==", doc.name);
        print!("{}", s.render(body));
        for b in &s.blurbs {
            let show = |span: Option<dateline::Span>| span.map_or("-", |x| x.slice(body));
            println!(
                "  {}: outlet {:?}, age {:?}, timestamp {:?}, headline {:?}, {} paragraph(s)",
                b.id(&doc.name),
                show(b.outlet),
                show(b.age),
                show(b.timestamp),
                show(b.section.headline),
                b.section.paragraphs.len()
            );
        }
        println!();
    }
    ExitCode::SUCCESS
}
