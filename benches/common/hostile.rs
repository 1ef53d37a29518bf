//! Hostile but plausible input shapes for the pipeline, shared by
//! `tests/hostile.rs` (small sizes, specific asserts) and `benches/hostile.rs`
//! (1 MB and 10 MB, time and memory ratios). Each generator is deterministic
//! and returns about `bytes` bytes (never much less).
#![allow(dead_code)]

/// One shape: a name for the report and a generator of a corpus of about `bytes` bytes
/// in the `==> NAME <==` format.
pub struct Shape {
    /// Short name, printed by the bench.
    pub name: &'static str,
    /// The corpus text of about the given size.
    pub corpus: fn(usize) -> String,
}

/// Every shape, in the order the bench runs them.
pub const SHAPES: &[Shape] = &[
    Shape { name: "one line, no full stops", corpus: one_line_no_full_stops },
    Shape { name: "ordinary sentences on one line", corpus: one_line_sentences },
    Shape { name: "no punctuation at all", corpus: no_punctuation },
    Shape { name: "dates only (one sentence)", corpus: many_dates },
    Shape { name: "entity mentions only", corpus: many_mentions },
    Shape { name: "quotes in one paragraph", corpus: many_quotes },
    Shape { name: "deeply nested quotes/brackets", corpus: deep_nesting },
    Shape { name: "tiny documents", corpus: tiny_documents },
];

const WORDS: &[&str] = &[
    "talks",
    "the",
    "delegation",
    "said",
    "on",
    "Thursday",
    "officials",
    "in",
    "Geneva",
    "would",
    "meet",
    "again",
    "after",
    "Russia",
    "and",
    "France",
    "agreed",
    "April",
    "10",
    "2025",
    "that",
    "minister",
    "will",
    "visit",
    "Moscow",
    "next",
    "week",
    "according",
    "to",
    "reports",
    "government",
    "ceasefire",
    "United",
    "States",
];

/// A page header with a date, so relative expressions resolve.
fn header(out: &mut String, name: &str) {
    out.push_str("==> ");
    out.push_str(name);
    out.push_str(" <==\n---\ndate: 2025-04-11\nsource: Wire\n---\n");
}

/// Words from a fixed list, repeated in a fixed pseudo-random order, separated by `sep(i)`.
fn words(out: &mut String, bytes: usize, sep: impl Fn(usize) -> &'static str) {
    let mut i = 0usize;
    let mut x = 0x2545_F491u64;
    while out.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        out.push_str(sep(i));
        i += 1;
    }
}

/// A scraped page that lost its line breaks and full stops: one line of words
/// and commas, with dates, names and speech verbs throughout.
pub fn one_line_no_full_stops(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "line.txt");
    words(&mut out, bytes, |i| if i % 9 == 8 { ", " } else { " " });
    out.push('\n');
    out
}

/// Ordinary sentences, all on one line (a page that lost its line breaks).
pub fn one_line_sentences(bytes: usize) -> String {
    const SENTENCES: &[&str] = &[
        "Diplomats of both countries met in Geneva on Thursday for six hours.",
        "The delegations will meet again in Moscow on April 24, officials said.",
        "\u{201C}We made progress,\u{201D} the French minister told reporters.",
        "Russia and the United States agreed in February to restore embassy staffing.",
        "Earlier this month, talks in Istanbul ended without an agreement.",
    ];
    let mut out = String::with_capacity(bytes + 128);
    header(&mut out, "sentences.txt");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        out.push(' ');
        i += 1;
    }
    out.push('\n');
    out
}

/// Words and spaces only: no punctuation and no line breaks.
pub fn no_punctuation(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "words.txt");
    words(&mut out, bytes, |_| " ");
    out.push('\n');
    out
}

/// How many dates [`many_dates`] writes for `bytes` (each date is `"Month D, YYYY, "`).
pub fn many_dates_count(corpus: &str) -> usize {
    corpus.matches(", 20").count()
}

/// One sentence listing dates: "Talks were held on April 10, 2025, May 3, 2024, ...".
pub fn many_dates(bytes: usize) -> String {
    const MONTHS: &[&str] = &["January", "March", "April", "May", "June", "October"];
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "dates.txt");
    out.push_str("Talks were held on ");
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(MONTHS[i % MONTHS.len()]);
        out.push(' ');
        out.push_str(&(1 + i % 28).to_string());
        out.push_str(", ");
        out.push_str(&(2000 + i % 26).to_string());
        out.push_str(", ");
        i += 1;
    }
    out.push_str("officials said.\n");
    out
}

/// Entity names of the built-in gazetteer, one after another, in short sentences.
pub fn many_mentions(bytes: usize) -> String {
    const NAMES: &[&str] = &["France", "Germany", "Russia", "Moscow", "Paris", "Ukraine", "Japan", "Brazil"];
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "entities.txt");
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(NAMES[i % NAMES.len()]);
        out.push_str(if i % 10 == 9 { ".\n" } else { " " });
        i += 1;
    }
    out.push('\n');
    out
}

/// Short attributed quotes, all in one paragraph.
pub fn many_quotes(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "quotes.txt");
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(if i % 2 == 0 { "\u{201C}We agree,\u{201D} he said. " } else { "\"Not yet,\" she said. " });
        i += 1;
    }
    out.push('\n');
    out
}

/// Quotes and brackets opened many levels deep, some text, then closed.
pub fn deep_nesting(bytes: usize) -> String {
    const OPEN: &[&str] = &["(", "\u{201C}", "[", "\u{00AB}", "\"", "'", "\u{2018}", "{"];
    const CLOSE: &[&str] = &[")", "\u{201D}", "]", "\u{00BB}", "\"", "'", "\u{2019}", "}"];
    let mut out = String::with_capacity(bytes + 64);
    header(&mut out, "nested.txt");
    let depth = (bytes / 4).max(1);
    for i in 0..depth {
        out.push_str(OPEN[i % OPEN.len()]);
    }
    out.push_str("He said talks resume on Thursday");
    for i in (0..depth).rev() {
        out.push_str(CLOSE[i % CLOSE.len()]);
    }
    out.push_str(" officials said.\n");
    out
}

/// Many one-sentence documents.
pub fn tiny_documents(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0usize;
    while out.len() < bytes {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("==> d");
        out.push_str(&i.to_string());
        out.push_str(" <==\nTalks resumed on Monday.\n");
        i += 1;
    }
    out
}
