//! Fuzz the corpus readers: `cargo +nightly fuzz run reader` (from the crate root).
//!
//! Checks, on any bytes: no panic in the streaming reader (strict and lossy,
//! every duplicate policy); on UTF-8 input the borrowing reader yields the
//! same documents and errors; and every document read back through the
//! writer reads back equal. New crashes go to `tests/data/corpus/crashes/`.
#![no_main]

use dateline::corpus::{self, Document, DuplicatePolicy, ReaderBuilder};
use libfuzzer_sys::fuzz_target;

fn streamed(data: &[u8], policy: DuplicatePolicy, lossy: bool) -> Vec<Result<Document<'static>, String>> {
    ReaderBuilder::new()
        .duplicates(policy)
        .lossy(lossy)
        .from_reader(data)
        .into_documents()
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let policies = [DuplicatePolicy::Error, DuplicatePolicy::KeepAll, DuplicatePolicy::Rename];
    for policy in policies {
        let strict = streamed(data, policy, false);
        let lossy = streamed(data, policy, true);
        if let Ok(text) = std::str::from_utf8(data) {
            let borrowed: Vec<_> = ReaderBuilder::new()
                .duplicates(policy)
                .documents(text)
                .map(|r| r.map(Document::into_owned).map_err(|e| e.to_string()))
                .collect();
            assert_eq!(strict, borrowed, "streaming and borrowing readers disagree");
            assert_eq!(lossy, borrowed, "lossy mode changed valid UTF-8");
        }
    }
    // The round-trip law on whatever documents the input held.
    let docs: Vec<Document<'static>> = streamed(data, DuplicatePolicy::KeepAll, true).into_iter().flatten().collect();
    if let Ok(text) = corpus::to_string(&docs) {
        let back: Vec<Document<'_>> =
            ReaderBuilder::new().duplicates(DuplicatePolicy::KeepAll).parse(&text).expect("written corpus reads back");
        assert_eq!(back, docs, "read(write(docs)) != docs");
    }
});
