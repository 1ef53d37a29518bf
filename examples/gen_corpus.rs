//! Write a generated syndicated corpus and its truth file, for the dedup
//! comparison and scoring scripts:
//! `cargo run --release --example gen_corpus -- DOCS OUT.corpus OUT.truth.tsv [SEED] [--labels OUT.labels.tsv] [--simple]`.
//!
//! By default the corpus is the realistic news stream of
//! `benches/common/wire.rs` (wire stories in versions, excerpts and
//! galleries; independent reports quoting the same statements; outlet
//! furniture; "Read next" teasers; background paragraphs reused across
//! stories), written as it is generated. `--simple` writes the older
//! generator of `benches/common/syndicate.rs` instead.
//!
//! The truth file has one `id<TAB>cluster` line per document; documents with
//! the same cluster are syndicated copies of one story. `--labels` also
//! writes `id<TAB>cluster<TAB>kind<TAB>event<TAB>version` (kind: `wire-full`,
//! `wire-excerpt`, `wire-cut`, `gallery`, `independent`, `index`).

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../benches/common/syndicate.rs"]
mod syndicate;
#[path = "../benches/common/wire.rs"]
mod wire;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let simple = args.iter().any(|a| a == "--simple");
    args.retain(|a| a != "--simple");
    let labels = args.iter().position(|a| a == "--labels").map(|i| {
        let path = args.get(i + 1).cloned();
        args.drain(i..(i + 2).min(args.len()));
        path
    });
    let (Some(docs), Some(corpus), Some(truth)) =
        (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1), args.get(2))
    else {
        return usage();
    };
    let labels = match labels {
        Some(None) => return usage(),
        Some(Some(p)) => Some(p),
        None => None,
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(7);
    let result = if simple {
        let generated = syndicate::syndicated_corpus(docs, seed);
        std::fs::write(corpus, &generated.corpus)
            .and_then(|()| std::fs::write(truth, generated.truth_tsv()))
            .map(|()| generated.corpus.len())
    } else {
        write_wire(docs, seed, corpus, truth, labels.as_deref())
    };
    match result {
        Ok(bytes) => {
            eprintln!("wrote {docs} documents ({:.1} MB) to {corpus} and the truth to {truth}", bytes as f64 / 1e6);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_wire(docs: usize, seed: u64, corpus: &str, truth: &str, labels: Option<&str>) -> std::io::Result<usize> {
    let create = |p: &str| std::fs::File::create(p).map(std::io::BufWriter::new);
    let (mut c, mut t) = (create(corpus)?, create(truth)?);
    let mut l = labels.map(create).transpose()?;
    let (mut buf, mut bytes) = (String::with_capacity(8192), 0usize);
    for (n, page) in wire::Generator::new(docs, seed).enumerate() {
        buf.clear();
        page.write_to(&mut buf, n == 0);
        bytes += buf.len();
        c.write_all(buf.as_bytes())?;
        writeln!(t, "{}\t{}", page.id, page.cluster)?;
        if let Some(l) = l.as_mut() {
            writeln!(l, "{}\t{}\t{}\t{}\t{}", page.id, page.cluster, page.kind, page.event, page.version)?;
        }
    }
    c.flush()?;
    t.flush()?;
    if let Some(mut l) = l {
        l.flush()?;
    }
    Ok(bytes)
}

fn usage() -> ExitCode {
    eprintln!("usage: gen_corpus DOCS OUT.corpus OUT.truth.tsv [SEED] [--labels OUT.labels.tsv] [--simple]");
    ExitCode::FAILURE
}
