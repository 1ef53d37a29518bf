//! The streaming reader over any [`BufRead`], and the builder that configures
//! both readers.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::borrowed::Documents;
use super::dir::DirReader;
use super::syntax::{self, Names, RawStart};
use super::{Document, DuplicatePolicy};
use crate::error::{CorpusErrorKind, Error, Position, Result};

/// Configures and builds corpus readers, in the style of `csv::ReaderBuilder`.
///
/// ```
/// use dateline::corpus::{DuplicatePolicy, ReaderBuilder};
///
/// let corpus = "==> a.txt <==\nfirst\n\n==> a.txt <==\nsecond\n";
/// let mut reader = ReaderBuilder::new().duplicates(DuplicatePolicy::Rename).from_reader(corpus.as_bytes());
/// let names: Vec<String> = reader.documents().map(|d| d.map(|d| d.name.into_owned())).collect::<Result<_, _>>()?;
/// assert_eq!(names, ["a.txt", "a.txt~2"]);
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ReaderBuilder {
    duplicates: DuplicatePolicy,
    lossy: bool,
    capacity: usize,
}

impl Default for ReaderBuilder {
    fn default() -> ReaderBuilder {
        ReaderBuilder { duplicates: DuplicatePolicy::Error, lossy: false, capacity: 64 * 1024 }
    }
}

impl ReaderBuilder {
    /// A builder with the defaults: duplicate names are errors, invalid UTF-8
    /// is an error, 64 KiB read buffer for [`from_path`](ReaderBuilder::from_path).
    pub fn new() -> ReaderBuilder {
        ReaderBuilder::default()
    }

    /// What to do with documents whose name was seen before (default
    /// [`DuplicatePolicy::Error`]).
    pub fn duplicates(&mut self, policy: DuplicatePolicy) -> &mut ReaderBuilder {
        self.duplicates = policy;
        self
    }

    /// Replace invalid UTF-8 with U+FFFD instead of failing (default `false`).
    /// [`Reader::replacements`] then says where bytes were replaced. Input
    /// read through [`documents`](ReaderBuilder::documents) is a `&str` and
    /// is always valid.
    pub fn lossy(&mut self, yes: bool) -> &mut ReaderBuilder {
        self.lossy = yes;
        self
    }

    /// Capacity of the read buffer [`from_path`](ReaderBuilder::from_path)
    /// puts around the file (default 64 KiB).
    pub fn buffer_capacity(&mut self, bytes: usize) -> &mut ReaderBuilder {
        self.capacity = bytes.max(1);
        self
    }

    /// A streaming reader over `rdr`.
    pub fn from_reader<R: BufRead>(&self, rdr: R) -> Reader<R> {
        Reader {
            rdr,
            lossy: self.lossy,
            names: Names::new(self.duplicates),
            line: 0,
            byte: 0,
            pending: None,
            started: false,
            done: false,
            replaced: Vec::new(),
            position: Position::default(),
            size_hint: 0,
        }
    }

    /// A streaming reader over the file at `path`.
    pub fn from_path(&self, path: impl AsRef<Path>) -> Result<Reader<BufReader<File>>> {
        let file = File::open(path)?;
        Ok(self.from_reader(BufReader::with_capacity(self.capacity, file)))
    }

    /// The borrowing reader over a corpus in memory.
    pub fn documents<'a>(&self, input: &'a str) -> Documents<'a> {
        Documents::new(input, self.duplicates)
    }

    /// All documents of a corpus in memory, borrowing from it; the first
    /// error stops the parse.
    pub fn parse<'a>(&self, input: &'a str) -> Result<Vec<Document<'a>>> {
        self.documents(input).collect()
    }

    /// The documents of the `*.txt` files in a directory, all at once; see
    /// [`read_dir`](super::read_dir).
    pub fn read_dir(&self, path: impl AsRef<Path>) -> Result<Vec<Document<'static>>> {
        self.from_dir(path)?.collect()
    }

    /// The documents of the `*.txt` files in a directory, one file at a time.
    ///
    /// ```no_run
    /// use dateline::corpus::ReaderBuilder;
    ///
    /// let mut docs = ReaderBuilder::new().lossy(true).from_dir("articles/")?;
    /// while let Some(doc) = docs.next() {
    ///     let doc = doc?;
    ///     for at in docs.replacements() {
    ///         eprintln!("{}: replaced invalid UTF-8 at {at}", doc.name);
    ///     }
    /// }
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn from_dir(&self, path: impl AsRef<Path>) -> Result<DirReader> {
        DirReader::new(path.as_ref(), self.lossy)
    }
}

/// A header line read but whose document is not read yet.
#[derive(Debug)]
struct Header {
    name: Vec<u8>,
    line: u64,
    byte: u64,
    crlf: bool,
}

/// A streaming corpus reader over any [`BufRead`], yielding owned documents.
///
/// It holds one document at a time, so memory is bounded by the largest
/// document (plus, unless [`DuplicatePolicy::KeepAll`], the set of names
/// seen). It yields exactly the documents, and the errors, that the
/// borrowing reader yields on the same text. A document that fails to read
/// yields its error and reading goes on with the next document; an I/O error
/// ends the stream.
///
/// ```
/// use dateline::corpus::Reader;
///
/// let corpus = "==> a.txt <==\n---\ndate: 2025-04-10\n---\nHello.\n\n==> b.txt <==\nBye.";
/// let mut reader = Reader::from_reader(corpus.as_bytes());
/// for doc in reader.documents() {
///     let doc = doc?;
///     println!("{}: {} bytes", doc.name, doc.body.len());
/// }
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug)]
pub struct Reader<R> {
    rdr: R,
    lossy: bool,
    names: Names,
    /// Lines consumed.
    line: u64,
    /// Bytes consumed.
    byte: u64,
    pending: Option<Header>,
    started: bool,
    done: bool,
    replaced: Vec<Position>,
    position: Position,
    /// Size of the last raw document, to size the next buffer.
    size_hint: usize,
}

/// A broken header line: its text (without line ending), 1-based line and byte offset.
type BrokenLine = (String, u64, u64);

impl<R: BufRead> Reader<R> {
    /// A reader with the default configuration (see [`ReaderBuilder`]).
    pub fn from_reader(rdr: R) -> Reader<R> {
        ReaderBuilder::new().from_reader(rdr)
    }

    /// Where the last document returned (or failed) starts: its header line.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// In lossy mode, where invalid UTF-8 was replaced in the last document
    /// read (its name or its text), one position per replaced sequence.
    ///
    /// ```
    /// use dateline::corpus::ReaderBuilder;
    ///
    /// let mut reader = ReaderBuilder::new().lossy(true).from_reader(&b"==> a <==\nbad \xff byte\n"[..]);
    /// let doc = reader.read_document()?.unwrap();
    /// assert_eq!(doc.body, "bad \u{fffd} byte\n");
    /// assert_eq!((reader.replacements()[0].line, reader.replacements()[0].byte), (2, 14));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn replacements(&self) -> &[Position] {
        &self.replaced
    }

    /// The underlying reader.
    pub fn get_ref(&self) -> &R {
        &self.rdr
    }

    /// The underlying reader, positioned after what was read (the header
    /// line of the next document, if one was seen, is consumed).
    pub fn into_inner(self) -> R {
        self.rdr
    }

    /// An iterator over the remaining documents.
    pub fn documents(&mut self) -> DocumentsIter<'_, R> {
        DocumentsIter { reader: self }
    }

    /// An iterator that owns the reader.
    pub fn into_documents(self) -> DocumentsIntoIter<R> {
        DocumentsIntoIter { reader: self }
    }

    /// Read one line (with its `\n`) appended to `buf`; `Ok(0)` at the end.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> Result<usize> {
        match self.rdr.read_until(b'\n', buf) {
            Ok(n) => {
                self.line += (n > 0) as u64;
                self.byte += n as u64;
                Ok(n)
            }
            Err(e) => {
                self.done = true;
                Err(Error::Io(e))
            }
        }
    }

    /// Read body lines into `raw` up to the next header, which becomes
    /// pending. Returns whether a line is an escaped header, and the first
    /// broken header line (its text, 1-based line and byte offset). Unless
    /// `keep`, lines are dropped as they are read (skipping text after an error).
    fn read_body(&mut self, raw: &mut Vec<u8>, keep: bool) -> Result<(bool, Option<BrokenLine>)> {
        let mut escaped = false;
        let mut broken = None;
        loop {
            let start = raw.len();
            let line_byte = self.byte;
            if self.read_line(raw)? == 0 {
                return Ok((escaped, broken));
            }
            let line = raw.get(start..).unwrap_or(&[]);
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            match line.first() {
                Some(b'=') => {
                    if let Some((name, crlf)) = syntax::header(line) {
                        self.pending = Some(Header { name: name.to_vec(), line: self.line, byte: line_byte, crlf });
                        raw.truncate(start);
                        return Ok((escaped, broken));
                    }
                    if broken.is_none() && syntax::is_broken_header(line) {
                        let text = String::from_utf8_lossy(line.strip_suffix(b"\r").unwrap_or(line)).into_owned();
                        broken = Some((text, self.line, line_byte));
                    }
                }
                Some(b'\\') => escaped |= syntax::is_escaped_header(line),
                _ => {}
            }
            if !keep {
                raw.clear();
            }
        }
    }

    /// The first line: a BOM is skipped; anything but a header is an error,
    /// after which reading resumes at the first header.
    fn start(&mut self) -> Result<()> {
        self.started = true;
        let mut first = Vec::new();
        if self.read_line(&mut first)? == 0 {
            return Ok(());
        }
        let bom = if first.starts_with("\u{feff}".as_bytes()) { 3 } else { 0 };
        let text = first.get(bom..).unwrap_or(&[]);
        if text.is_empty() {
            // Only a BOM, at the end of the input.
            return Ok(());
        }
        let text = text.strip_suffix(b"\n").unwrap_or(text);
        if let Some((name, crlf)) = syntax::header(text) {
            self.pending = Some(Header { name: name.to_vec(), line: 1, byte: bom as u64, crlf });
            return Ok(());
        }
        if first.ends_with(b"\n") {
            self.read_body(&mut Vec::new(), false)?;
        }
        Err(Error::Corpus {
            position: Position { document: None, line: 1, byte: bom as u64 },
            kind: CorpusErrorKind::MissingHeader,
        })
    }

    /// Read the next document: `Ok(None)` at the end of the input.
    pub fn read_document(&mut self) -> Result<Option<Document<'static>>> {
        self.replaced.clear();
        if self.done {
            return Ok(None);
        }
        if !self.started {
            self.start()?;
        }
        let Some(header) = self.pending.take() else {
            self.done = true;
            return Ok(None);
        };
        let mut raw = Vec::with_capacity(self.size_hint);
        let start = RawStart { line: header.line + 1, byte: self.byte };
        let (escaped, broken) = self.read_body(&mut raw, true)?;
        if let Some(next) = &self.pending {
            let cut = if next.crlf && raw.ends_with(b"\r\n") { 2 } else { raw.ends_with(b"\n") as usize };
            raw.truncate(raw.len().saturating_sub(cut));
        }
        self.size_hint = raw.len();
        let lossy_name = String::from_utf8_lossy(&header.name).into_owned();
        self.position = Position { document: Some(lossy_name.clone()), line: header.line, byte: header.byte };
        let name_start = RawStart { line: header.line, byte: header.byte + 4 };
        let name = syntax::decode(header.name, self.lossy, name_start, &lossy_name, &mut self.replaced)?;
        if name.is_empty() {
            return Err(Error::Corpus { position: self.position.clone(), kind: CorpusErrorKind::EmptyName });
        }
        if let Some((text, line, byte)) = broken {
            let position = Position { document: Some(name), line, byte };
            return Err(Error::Corpus { position, kind: CorpusErrorKind::BrokenHeader(text) });
        }
        let mut text = syntax::decode(raw, self.lossy, start, &name, &mut self.replaced)?;
        let (meta, body_start) = syntax::split_front_matter(&text, start, &name)?;
        let meta = meta.into_owned();
        let name = match self.names.admit(Cow::Owned(name)) {
            Ok(name) => name,
            Err(kind) => return Err(Error::Corpus { position: self.position.clone(), kind }),
        };
        let body = if escaped {
            syntax::unescape(text.get(body_start..).unwrap_or(""))
        } else {
            // Reuse the buffer: shifting the body down is cheaper than a copy.
            text.replace_range(..body_start.min(text.len()), "");
            text
        };
        Ok(Some(Document { name, meta, body: Cow::Owned(body) }))
    }
}

impl Reader<BufReader<File>> {
    /// A reader with the default configuration over the file at `path`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Reader<BufReader<File>>> {
        ReaderBuilder::new().from_path(path)
    }
}

/// Borrowing iterator over a [`Reader`]'s documents, from [`Reader::documents`].
#[derive(Debug)]
pub struct DocumentsIter<'r, R> {
    reader: &'r mut Reader<R>,
}

impl<R: BufRead> Iterator for DocumentsIter<'_, R> {
    type Item = Result<Document<'static>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.read_document().transpose()
    }
}

impl<R: BufRead> std::iter::FusedIterator for DocumentsIter<'_, R> {}

/// Owning iterator over a [`Reader`]'s documents, from [`Reader::into_documents`].
#[derive(Debug)]
pub struct DocumentsIntoIter<R> {
    reader: Reader<R>,
}

impl<R> DocumentsIntoIter<R> {
    /// The reader, e.g. to ask for its [`position`](Reader::position).
    pub fn reader(&self) -> &Reader<R> {
        &self.reader
    }
}

impl<R: BufRead> Iterator for DocumentsIntoIter<R> {
    type Item = Result<Document<'static>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.read_document().transpose()
    }
}

impl<R: BufRead> std::iter::FusedIterator for DocumentsIntoIter<R> {}
