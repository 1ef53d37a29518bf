//! Corpus reader throughput: `cargo bench --bench corpus`.

mod common;

use std::time::Duration;

fn main() {
    let input = common::news_corpus(100_000_000, 1);
    let expected = dateline::corpus::parse(&input).expect("generated corpus parses").len();
    let (secs, n) =
        common::best_time(Duration::from_secs(3), || dateline::corpus::parse(&input).map(|d| d.len()).unwrap_or(0));
    assert_eq!(n, expected);
    common::report("corpus::parse (borrowing)", input.len(), n, secs);
}
