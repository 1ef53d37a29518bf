//! The crate's main job: read a corpus and print the story's timeline.
//!
//! `cargo run --example timeline` runs on the bundled sample corpus.
//! (The timeline issue fills in events; for now it prints the parsed documents.)

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seeds.corpus").to_string());
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
        let s = dateline::text::analyze(&doc.body, doc.meta.title());
        println!("{}  date={}  paragraphs={}", doc.name, doc.meta.get("date").unwrap_or("-"), s.main.paragraphs.len());
    }
    ExitCode::SUCCESS
}
