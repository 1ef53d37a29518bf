//! The borrowing reader: documents that point into a `&str` held in memory.

use std::borrow::Cow;

use super::syntax::{self, Names, RawStart};
use super::{Document, DuplicatePolicy};
use crate::error::{CorpusErrorKind, Error, Position, Result};

/// An iterator over the documents of a corpus held in memory, borrowing
/// names, front matter and bodies from it (a body is copied only when it
/// holds an escaped header line; see the [module docs](super)).
///
/// Made by [`documents`](super::documents) or
/// [`ReaderBuilder::documents`](super::ReaderBuilder::documents). A document
/// that fails to read yields its error and the iterator goes on with the next
/// document, as the streaming [`Reader`](super::Reader) does.
#[derive(Debug, Clone)]
pub struct Documents<'a> {
    input: &'a str,
    /// Offset of the next unread line.
    pos: usize,
    /// Lines before `pos`.
    line: u64,
    names: Names,
}

/// One line of `input` at `pos`: its text without `\n` and the offset after it.
#[inline]
fn line_at(input: &str, pos: usize) -> (&[u8], usize) {
    let rest = input.as_bytes().get(pos..).unwrap_or(&[]);
    match input.get(pos..).and_then(|r| r.find('\n')) {
        Some(i) => (rest.get(..i).unwrap_or(rest), pos + i + 1),
        None => (rest, input.len()),
    }
}

impl<'a> Documents<'a> {
    pub(crate) fn new(input: &'a str, policy: DuplicatePolicy) -> Documents<'a> {
        // A leading BOM is accepted and skipped; offsets still count it.
        let pos = if input.starts_with('\u{feff}') { 3 } else { 0 };
        Documents { input, pos, line: 0, names: Names::new(policy) }
    }

    /// The position of the next unread line (where the next document's header
    /// is expected).
    pub fn next_position(&self) -> Position {
        Position { document: None, line: self.line + 1, byte: self.pos as u64 }
    }

    /// Skip lines up to the next header (not consumed). Returns whether any
    /// body line is an escaped header, whether that next header has a CRLF
    /// ending (`None` at the end of input), and the first broken header line
    /// (its byte offset and 1-based line), if any.
    #[inline]
    fn skip_body(&mut self) -> (bool, Option<bool>, Option<(usize, u64)>) {
        let mut escaped = false;
        let mut broken = None;
        while self.pos < self.input.len() {
            let (line, next) = line_at(self.input, self.pos);
            match line.first() {
                Some(b'=') => {
                    if let Some((_, crlf)) = syntax::header(line) {
                        return (escaped, Some(crlf), broken);
                    }
                    if broken.is_none() && syntax::is_broken_header(line) {
                        broken = Some((self.pos, self.line + 1));
                    }
                }
                Some(b'\\') => escaped |= syntax::is_escaped_header(line),
                _ => {}
            }
            self.pos = next;
            self.line += 1;
        }
        (escaped, None, broken)
    }
}

impl<'a> Iterator for Documents<'a> {
    type Item = Result<Document<'a>>;

    fn next(&mut self) -> Option<Result<Document<'a>>> {
        if self.pos >= self.input.len() {
            return None;
        }
        let input = self.input;
        let header_byte = self.pos;
        let (line, next) = line_at(input, self.pos);
        let header = syntax::header(line);
        let header_line = self.line + 1;
        let Some((name, _)) = header else {
            // Only possible before the first header: report, then resync.
            let position = self.next_position();
            self.skip_body();
            return Some(Err(Error::Corpus { position, kind: CorpusErrorKind::MissingHeader }));
        };
        // The name is delimited by ASCII, so it lies on char boundaries.
        let name = std::str::from_utf8(name).unwrap_or_default();
        self.pos = next;
        self.line += 1;
        let start = RawStart { line: self.line + 1, byte: self.pos as u64 };
        let raw_start = self.pos;
        let (escaped, next_header, broken) = self.skip_body();
        let mut raw = input.get(raw_start..self.pos).unwrap_or("");
        // The newline before the next header belongs to the delimiter (both
        // bytes of it when that header is a CRLF line).
        if let Some(crlf) = next_header {
            raw = match (crlf, raw.strip_suffix("\r\n")) {
                (true, Some(r)) => r,
                _ => raw.strip_suffix('\n').unwrap_or(raw),
            };
        }
        let position = Position { document: Some(name.to_string()), line: header_line, byte: header_byte as u64 };
        if name.is_empty() {
            return Some(Err(Error::Corpus { position, kind: CorpusErrorKind::EmptyName }));
        }
        if let Some((byte, line)) = broken {
            let (text, _) = line_at(input, byte);
            let text = String::from_utf8_lossy(text.strip_suffix(b"\r").unwrap_or(text)).into_owned();
            let position = Position { document: Some(name.to_string()), line, byte: byte as u64 };
            return Some(Err(Error::Corpus { position, kind: CorpusErrorKind::BrokenHeader(text) }));
        }
        let (meta, body_start) = match syntax::split_front_matter(raw, start, name) {
            Ok(parts) => parts,
            Err(e) => return Some(Err(e)),
        };
        let name = match self.names.admit(Cow::Borrowed(name)) {
            Ok(name) => name,
            Err(kind) => return Some(Err(Error::Corpus { position, kind })),
        };
        let body = raw.get(body_start..).unwrap_or("");
        let body = if escaped { Cow::Owned(syntax::unescape(body)) } else { Cow::Borrowed(body) };
        Some(Ok(Document { name, meta, body }))
    }
}

impl std::iter::FusedIterator for Documents<'_> {}
