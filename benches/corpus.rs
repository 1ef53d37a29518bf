//! Corpus reader and writer throughput: `cargo bench --bench corpus`.
//!
//! On a generated news corpus of at least 100 MB: the borrowing reader
//! (collecting with `parse`, and iterating with `documents`), the streaming
//! reader over bytes in memory, the writer, and finally the streaming reader
//! over a file with the process's peak memory, to show it holds one document
//! at a time rather than the corpus.

mod common;

use std::time::{Duration, Instant};

use dateline::corpus::{self, Reader, Writer};

const MIN: Duration = Duration::from_secs(3);

fn main() {
    let input = common::news_corpus(100_000_000, 1);
    let expected = corpus::parse(&input).expect("generated corpus parses").len();
    assert!(expected > 1000);

    let (secs, n) = common::best_time(MIN, || corpus::parse(&input).map(|d| d.len()).unwrap_or(0));
    assert_eq!(n, expected);
    common::report("corpus::parse (borrowing, Vec)", input.len(), n, secs);

    let (secs, n) = common::best_time(MIN, || corpus::documents(&input).filter(|d| d.is_ok()).count());
    assert_eq!(n, expected);
    common::report("corpus::documents (borrowing, iter)", input.len(), n, secs);

    let (secs, n) =
        common::best_time(MIN, || Reader::from_reader(input.as_bytes()).into_documents().filter(|d| d.is_ok()).count());
    assert_eq!(n, expected);
    common::report("corpus::Reader (streaming, in memory)", input.len(), n, secs);

    let docs = corpus::parse(&input).expect("generated corpus parses");
    let mut out = Vec::with_capacity(input.len());
    let (secs, len) = common::best_time(MIN, || {
        out.clear();
        let mut writer = Writer::from_writer(&mut out);
        for doc in &docs {
            writer.write_document(doc).expect("writable");
        }
        writer.flush().expect("in memory");
        drop(writer);
        out.len()
    });
    // The generated corpus needs no escapes, so the writer reproduces it.
    assert_eq!(len, input.len());
    assert!(out == input.as_bytes());
    common::report("corpus::Writer (to memory)", len, docs.len(), secs);
    drop(docs);
    drop(out);

    // Streaming from a file: peak memory is the process's, measured after
    // the in-memory corpus is gone.
    let path = std::env::temp_dir().join(format!("dateline-bench-corpus-{}.corpus", std::process::id()));
    std::fs::write(&path, &input).expect("temp file");
    let bytes = input.len();
    drop(input);
    // Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current RSS.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = common::peak_rss();
    let t = Instant::now();
    let mut largest = 0;
    let n = Reader::from_path(&path)
        .expect("temp file")
        .into_documents()
        .map(|d| d.map(|d| largest = largest.max(d.body.len())))
        .filter(|d| d.is_ok())
        .count();
    let secs = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    assert_eq!(n, expected);
    common::report("corpus::Reader::from_path (streaming)", bytes, n, secs);
    if let (true, Some(before), Some(peak)) = (reset, before, common::peak_rss()) {
        println!(
            "  peak RSS while streaming: {:.1} MB (before {:.1} MB; largest body {} KB; corpus {:.0} MB)",
            peak as f64 / 1e6,
            before as f64 / 1e6,
            largest / 1024,
            bytes as f64 / 1e6
        );
    }
}
