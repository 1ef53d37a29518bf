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
//!
//! ```
//! let corpus = "==> a.txt <==\n---\ndate: 2025-04-10\n---\nTalks resume\nDiplomats met on Thursday.\n";
//! let docs = dateline::corpus::parse(corpus)?;
//! let structure = dateline::text::analyze(&docs[0].body, docs[0].meta.title());
//! assert!(!structure.main.paragraphs.is_empty());
//! # Ok::<(), dateline::Error>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod claims;
pub mod corpus;
pub mod dedup;
mod error;
pub mod gazetteer;
pub mod pipeline;
mod span;
pub mod text;
pub mod time;
pub mod timeline;

pub use error::{CorpusErrorKind, Error, Position, Result};
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
