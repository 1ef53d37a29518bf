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
