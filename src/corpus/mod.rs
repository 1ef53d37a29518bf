//! The corpus format: many documents in one UTF-8 text, delimited the way
//! GNU `tail -n +1 a.txt b.txt` prints files.
//!
//! ```text
//! ==> 001.txt <==
//! ---
//! date: 2025-04-10
//! source: Example News
//! ---
//! Headline
//! Body text...
//!
//! ==> 002.txt <==
//! ...
//! ```
//!
//! Each document starts with a header line `==> NAME <==`. Every header after
//! the first is preceded by exactly one newline that belongs to the delimiter,
//! not to the previous body, so the bodies of `tail -n +1 *.txt > x.corpus`
//! are byte-for-byte the files. If the first body line is exactly `---`, the
//! lines up to the next `---` line are front matter, one `key: value` a line.
//!
//! [`parse`] borrows documents from a `&str` without copying.

mod borrowed;
mod dir;
mod frontmatter;
mod reader;
mod syntax;
mod writer;

pub use borrowed::Documents;
pub use frontmatter::Metadata;
pub use reader::{DocumentsIntoIter, DocumentsIter, Reader, ReaderBuilder};
pub use syntax::DuplicatePolicy;
pub use writer::{to_string, Writer};

use std::borrow::Cow;
use std::path::Path;

use crate::error::Result;

/// One document of a corpus: its name, front matter and body.
///
/// Borrows from the input when read with [`parse`] or [`documents`]; the
/// streaming [`Reader`] yields owned documents; [`Document::into_owned`]
/// detaches a borrowed one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The name in the `==> NAME <==` header (a file name for directory corpora).
    pub name: Cow<'a, str>,
    /// The front matter, empty when the document has none.
    pub meta: Metadata<'a>,
    /// The body: everything after the header and front matter, byte-for-byte.
    /// Every span the crate reports is a byte range into this text.
    pub body: Cow<'a, str>,
}

impl<'a> Document<'a> {
    /// A document with no front matter.
    pub fn new(name: impl Into<Cow<'a, str>>, body: impl Into<Cow<'a, str>>) -> Document<'a> {
        Document { name: name.into(), meta: Metadata::default(), body: body.into() }
    }

    /// This document with the given front matter.
    pub fn with_meta(mut self, meta: Metadata<'a>) -> Document<'a> {
        self.meta = meta;
        self
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            name: Cow::Owned(self.name.into_owned()),
            meta: self.meta.into_owned(),
            body: Cow::Owned(self.body.into_owned()),
        }
    }
}

/// Parse a whole corpus held in memory; documents borrow from `input`.
/// The first error stops the parse (use [`documents`] to go on after errors,
/// or [`ReaderBuilder`] for options).
///
/// ```
/// let corpus = "==> a.txt <==\n---\ndate: 2025-04-10\n---\nHello.\n\n==> b.txt <==\nBye.";
/// let docs = dateline::corpus::parse(corpus).unwrap();
/// assert_eq!(docs.len(), 2);
/// assert_eq!(docs[0].body, "Hello.\n");
/// assert_eq!(docs[0].meta.get("date"), Some("2025-04-10"));
/// assert_eq!(docs[1].body, "Bye.");
/// ```
pub fn parse(input: &str) -> Result<Vec<Document<'_>>> {
    ReaderBuilder::new().parse(input)
}

/// The documents of a corpus held in memory, one at a time, borrowing from
/// `input`. A document that fails to read yields its error and the iterator
/// goes on with the next one.
///
/// ```
/// let corpus = "==> a.txt <==\nHello.\n\n==>  <==\nno name\n\n==> c.txt <==\nBye.\n";
/// let results: Vec<_> = dateline::corpus::documents(corpus).collect();
/// assert_eq!(results.len(), 3);
/// assert!(results[0].is_ok() && results[2].is_ok());
/// let err = results[1].as_ref().unwrap_err();
/// assert_eq!(err.to_string(), "line 4, byte 22 (document \"\"): header has an empty name; expected `==> NAME <==` with a non-empty NAME");
/// ```
pub fn documents(input: &str) -> Documents<'_> {
    ReaderBuilder::new().documents(input)
}

/// Load a directory of `*.txt` files as a corpus: one document per file,
/// named by its file name, in byte order of names, each with optional front
/// matter. Files are taken literally (no header escapes apply inside them),
/// so the documents equal those of `LC_ALL=C tail -n +1 DIR/*.txt` whenever
/// no file holds a line of the form `==> … <==`; [`Writer`] makes a corpus
/// of them that reads back equal in every case. Invalid UTF-8 is an error
/// naming the file, line and byte (see [`ReaderBuilder::lossy`] via
/// [`ReaderBuilder::read_dir`]).
pub fn read_dir(path: impl AsRef<Path>) -> Result<Vec<Document<'static>>> {
    ReaderBuilder::new().read_dir(path)
}
