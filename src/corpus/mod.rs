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

mod frontmatter;

pub use frontmatter::Metadata;

use std::borrow::Cow;

use crate::error::{CorpusErrorKind, Error, Position, Result};

/// One document of a corpus: its name, front matter and body.
///
/// Borrows from the input when read with [`parse`]; [`Document::into_owned`]
/// detaches it.
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

const HEADER_OPEN: &str = "==> ";
const HEADER_CLOSE: &str = " <==";

/// The name in a header line (without its line ending), if it is one.
fn header_name(line: &str) -> Option<&str> {
    line.strip_prefix(HEADER_OPEN)?.strip_suffix(HEADER_CLOSE)
}

/// Parse a whole corpus held in memory; documents borrow from `input`.
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
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Find header lines and their byte offsets.
    let mut headers: Vec<(usize, usize, &str, u64)> = Vec::new(); // (line start, line end incl. \n, name, line no)
    let mut pos = 0;
    let mut line_no = 0u64;
    while pos < input.len() {
        line_no += 1;
        let end = input[pos..].find('\n').map_or(input.len(), |i| pos + i + 1);
        let line = input[pos..end].strip_suffix('\n').unwrap_or(&input[pos..end]);
        if let Some(name) = header_name(line) {
            headers.push((pos, end, name, line_no));
        } else if headers.is_empty() {
            return Err(Error::Corpus {
                position: Position { document: None, line: line_no, byte: pos as u64 },
                kind: CorpusErrorKind::MissingHeader,
            });
        }
        pos = end;
    }
    let mut docs = Vec::with_capacity(headers.len());
    let mut seen = std::collections::HashSet::new();
    for (i, &(start, body_start, name, line)) in headers.iter().enumerate() {
        let position = Position { document: Some(name.to_string()), line, byte: start as u64 };
        if name.is_empty() {
            return Err(Error::Corpus { position, kind: CorpusErrorKind::EmptyName });
        }
        if !seen.insert(name) {
            return Err(Error::Corpus { position, kind: CorpusErrorKind::DuplicateName(name.to_string()) });
        }
        // The newline before the next header belongs to the delimiter.
        let body_end = headers.get(i + 1).map_or(input.len(), |h| h.0.saturating_sub(1).max(body_start));
        let raw = &input[body_start..body_end];
        let (meta, body) = frontmatter::split(raw).map_err(|kind| Error::Corpus {
            position: Position { line: line + 1, byte: body_start as u64, ..position.clone() },
            kind,
        })?;
        docs.push(Document { name: Cow::Borrowed(name), meta, body: Cow::Borrowed(body) });
    }
    Ok(docs)
}
