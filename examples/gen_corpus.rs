//! Write a generated syndicated corpus and its truth file, for the dedup
//! comparison scripts: `cargo run --release --example gen_corpus -- DOCS OUT.corpus OUT.truth.tsv [SEED]`.
//!
//! The truth file has one `id<TAB>cluster` line per document; documents with
//! the same cluster are syndicated copies of one story.

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../benches/common/syndicate.rs"]
mod syndicate;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(docs), Some(corpus), Some(truth)) =
        (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1), args.get(2))
    else {
        eprintln!("usage: gen_corpus DOCS OUT.corpus OUT.truth.tsv [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(7);
    let generated = syndicate::syndicated_corpus(docs, seed);
    for (path, text) in [(corpus, &generated.corpus), (truth, &generated.truth_tsv())] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "wrote {} documents ({:.1} MB) to {corpus} and the truth to {truth}",
        docs,
        generated.corpus.len() as f64 / 1e6
    );
    ExitCode::SUCCESS
}
