//! `dateline` turns a corpus of scraped news articles into structure.
//!
//! Data flows corpus → text structure → (entities, time, claims) → dedup →
//! timeline; each stage is a module of its own and usable alone:
//!
//! - [`corpus`]: read and write the `==> NAME <==` corpus format.
//! - [`text`]: headline, paragraphs, sentences, boilerplate, related-story blurbs.
//! - [`gazetteer`]: entity mentions from a gazetteer.
//! - [`time`]: temporal expressions resolved to dates.
//! - [`claims`]: attributed statements.
//! - [`dedup`]: syndicated copies merged into stories.
//! - [`timeline`]: a dated, sourced account of the story.
//! - [`pipeline`]: the facade that runs them all, configured once.
//!
//! Below every stage, [`lexicon`] holds the word lists several stages share.
//!
//! The whole pipeline, from a corpus to a sourced timeline:
//!
//! ```
//! use dateline::gazetteer::Gazetteer;
//! use dateline::pipeline::Pipeline;
//!
//! let corpus = "==> a.txt <==\n---\ndate: 2025-04-11\nsource: Wire\n---\n\
//!     Embassy talks resume\nDiplomats of both countries met in Istanbul on Thursday for six hours.\n\
//!     \n==> b.txt <==\n---\ndate: 2025-04-12\n---\n\
//!     Diplomats report progress\nThe delegations met in Istanbul on April 10, diplomats said.\n";
//! let gazetteer = Gazetteer::from_tsv("istanbul\tplace\tIstanbul\t\n")?;
//! let pipeline = Pipeline::builder().gazetteer(gazetteer).build()?; // configure once
//! let docs = dateline::corpus::parse(corpus)?;
//! let report = pipeline.analyze_corpus(&docs); // documents, stories, timeline
//! for event in &report.timeline.events {
//!     let date = event.date.map(|d| d.to_string()).unwrap_or_default();
//!     println!("{date}  {}  {:?}", event.text, event.sources);
//! }
//! // Two reports of one meeting (not syndicated copies): one event, both sources.
//! let event = &report.timeline.events[0];
//! assert_eq!(event.date.map(|d| d.to_string()).as_deref(), Some("2025-04-10"));
//! assert_eq!(event.sources, ["a.txt", "b.txt"]);
//! assert!(report.stories.is_empty());
//! // The report is the JSON interchange format (serde).
//! # Ok::<(), dateline::Error>(())
//! ```
//!
//! # Configuration
//!
//! Configure once, use many times: configuration is built up front and
//! validated in one place, then shared (by reference, across threads) by
//! any number of documents. Only configuration and reading input can fail
//! (with the crate's [`Error`]); analysing text never fails or panics.
//!
//! - **Builders** that configure a reader or searcher take non-consuming
//!   setters (`fn x(&mut self, ...) -> &mut Self`) and `build(&self)`, so one
//!   builder can make several values and be set up across statements, as
//!   `csv::ReaderBuilder` and `aho_corasick::AhoCorasickBuilder` do and the
//!   Rust API guidelines (C-BUILDER) prefer: [`corpus::ReaderBuilder`].
//! - A builder that **moves owned data** into what it builds consumes itself
//!   (`fn x(self, ...) -> Self`, `build(self)`), so nothing is cloned:
//!   [`gazetteer::GazetteerBuilder`] moves its entities into the gazetteer.
//! - **Value-type configs** (small `Copy`-like settings with a `Default`)
//!   chain by value: `DedupConfig::new().threshold(0.8)`.
//! - **Fallible work waits for `build()`**: setters only record (a TSV text,
//!   a file path); parsing, reading files and validation happen in
//!   `build()`, which returns the first error. A chain has one `?`, at its end.
//! - Getters are named for what they return, without a `get_` prefix
//!   (`Gazetteer::entities`, `Reader::position`); `get` alone looks a key up
//!   (`Metadata::get`), and `get_ref` is the `std::io` name for a wrapper's
//!   inner reader.
//!
//! ```
//! use dateline::corpus::{DuplicatePolicy, ReaderBuilder};
//! use dateline::gazetteer::{Entity, Gazetteer, Kind};
//!
//! // A non-consuming builder: set up across statements, build several readers.
//! let mut builder = ReaderBuilder::new();
//! builder.duplicates(DuplicatePolicy::KeepAll);
//! builder.lossy(true);
//! let docs = builder.parse("==> a <==\nOne.\n\n==> a <==\nTwo.\n")?;
//! assert_eq!(docs.len(), 2);
//!
//! // A consuming builder: entities move into the gazetteer; TSV is parsed in build().
//! let gazetteer = Gazetteer::builder()
//!     .entity(Entity::new("tass", Kind::Organization, "TASS"))
//!     .tsv("ru\tplace\tRussia\tRussian Federation")
//!     .build()?;
//! assert_eq!(gazetteer.len(), 2);
//! # Ok::<(), dateline::Error>(())
//! ```
//!
//! # Dates
//!
//! Dates in the API are [`chrono`] types ([`chrono::NaiveDate`] for a
//! calendar day). The crate re-exports the `chrono` it is built with as
//! `dateline::chrono`, so a program needs no `chrono` dependency of its own
//! (and cannot pick a mismatched version):
//!
//! ```
//! use dateline::chrono::NaiveDate;
//! use dateline::corpus::Metadata;
//!
//! let meta = Metadata::new().with("date", "2025-04-10T09:30:00+03:00");
//! assert_eq!(meta.date(), NaiveDate::from_ymd_opt(2025, 4, 10));
//! let reference = NaiveDate::from_ymd_opt(2025, 4, 14).unwrap(); // a Monday
//! let body = "Talks resumed on Thursday.";
//! let section = dateline::text::analyze(body, None).main;
//! let times = dateline::time::extract(body, &section, Some(reference));
//! let resolved = times[0].value.as_ref().and_then(|v| v.start());
//! assert_eq!(resolved, NaiveDate::from_ymd_opt(2025, 4, 10));
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

// Shared vocabulary, below every stage.
mod data;
mod error;
mod hash;
pub mod lexicon;
mod span;
mod union_find;

// The stages in pipeline order. A stage uses the shared vocabulary and the
// stages before it, never one after it (checked by `tests/layers.rs`).
// 1. documents in and out
pub mod corpus;
// 2. structure: headline, paragraphs, boilerplate
pub mod text;
// 3. entity mentions
pub mod gazetteer;
// 4. dates
pub mod time;
// 5. attributed statements
pub mod claims;
// 6. syndicated copies merged into stories
pub mod dedup;
// 7. the dated account
pub mod timeline;
// 8. the facade over all of them
pub mod pipeline;

/// The `chrono` crate this one is built with: its types ([`chrono::NaiveDate`])
/// appear in the API. See [Dates](crate#dates).
pub use chrono;
pub use error::{CorpusErrorKind, Error, Position, Result};
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
