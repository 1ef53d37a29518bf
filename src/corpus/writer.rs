//! The corpus writer: documents out, in the format both readers read back
//! unchanged.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::frontmatter;
use super::syntax;
use super::Document;
use crate::error::{Error, Position, Result};

/// Writes documents as a corpus to any [`io::Write`], escaping what would
/// otherwise read back differently (see the [module docs](super) for the
/// rule), so that reading the output gives back the documents written.
///
/// Output is buffered; [`flush`](Writer::flush) or
/// [`into_inner`](Writer::into_inner) when done (dropping the writer flushes
/// too, ignoring errors).
///
/// ```
/// use dateline::corpus::{self, Document, Metadata, Writer};
///
/// let docs = vec![
///     Document::new("a.txt", "==> looks like a header <==\n")
///         .with_meta(Metadata::new().with("date", "2025-04-10")),
///     Document::new("b.txt", "no final newline"),
/// ];
/// let mut writer = Writer::from_writer(vec![]);
/// for doc in &docs {
///     writer.write_document(doc)?;
/// }
/// let bytes = writer.into_inner()?;
/// let text = String::from_utf8(bytes).unwrap();
/// assert_eq!(text, "==> a.txt <==\n---\ndate: 2025-04-10\n---\n\\==> looks like a header <==\n\n==> b.txt <==\nno final newline");
/// assert_eq!(corpus::parse(&text)?, docs);
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug)]
pub struct Writer<W: Write> {
    wtr: BufWriter<W>,
    /// Documents written.
    count: u64,
    /// Lines written (to position errors in the output).
    line: u64,
    /// Bytes written.
    byte: u64,
}

impl<W: Write> Writer<W> {
    /// A writer over `wtr`.
    pub fn from_writer(wtr: W) -> Writer<W> {
        Writer { wtr: BufWriter::with_capacity(64 * 1024, wtr), count: 0, line: 0, byte: 0 }
    }

    /// Append one document. A document that cannot be written so as to read
    /// back the same (empty name, name with a newline, front matter key or
    /// value that does not fit one `key: value` line) is an
    /// [`CorpusErrorKind::Unwritable`](crate::CorpusErrorKind::Unwritable) error, a malformed `date` a
    /// [`CorpusErrorKind::MalformedDate`](crate::CorpusErrorKind::MalformedDate) one (the checks of
    /// [`Document::validate`]), positioned at the line it would have started;
    /// nothing of it is written.
    pub fn write_document(&mut self, doc: &Document<'_>) -> Result<()> {
        if let Some(kind) = doc.problem() {
            let position = Position {
                document: Some(doc.name.to_string()),
                line: self.line + 1 + (self.count > 0) as u64,
                byte: self.byte + (self.count > 0) as u64,
            };
            return Err(Error::Corpus { position, kind });
        }
        if self.count > 0 {
            self.put("\n", 1)?;
        }
        self.put("==> ", 0)?;
        self.put(&doc.name, 0)?;
        self.put(" <==\n", 1)?;
        // An empty block keeps a body that opens with `---` from reading as
        // front matter.
        if !doc.meta.is_empty() || frontmatter::opens_with_fence(&doc.body) {
            self.put("---\n", 1)?;
            for (key, value) in doc.meta.iter() {
                self.put(key, 0)?;
                self.put(if value.is_empty() { ":" } else { ": " }, 0)?;
                self.put(value, 0)?;
                self.put("\n", 1)?;
            }
            self.put("---\n", 1)?;
        }
        self.write_body(&doc.body)?;
        self.count += 1;
        Ok(())
    }

    /// The body, with one more backslash before every line that is a header
    /// behind zero or more backslashes; runs of other lines are written whole.
    fn write_body(&mut self, body: &str) -> Result<()> {
        let mut run = 0;
        let mut pos = 0;
        let mut lines = 0;
        while pos < body.len() {
            let rest = body.get(pos..).unwrap_or("");
            let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let line = rest.get(..len).unwrap_or(rest);
            // Only lines opening with `=` or `\\` can need it: test cheaply first.
            if matches!(line.as_bytes().first(), Some(b'=' | b'\\'))
                && syntax::needs_escape(line.strip_suffix('\n').unwrap_or(line).as_bytes())
            {
                self.put(body.get(run..pos).unwrap_or(""), 0)?;
                self.put("\\", 0)?;
                run = pos;
            }
            pos += len;
            lines += line.ends_with('\n') as u64;
        }
        self.put(body.get(run..).unwrap_or(""), 0)?;
        self.line += lines;
        Ok(())
    }

    /// Write `text` holding `lines` newlines.
    fn put(&mut self, text: &str, lines: u64) -> Result<()> {
        self.wtr.write_all(text.as_bytes())?;
        self.byte += text.len() as u64;
        self.line += lines;
        Ok(())
    }

    /// Flush buffered output to the underlying writer.
    pub fn flush(&mut self) -> Result<()> {
        Ok(self.wtr.flush()?)
    }

    /// Flush and return the underlying writer.
    pub fn into_inner(self) -> Result<W> {
        self.wtr.into_inner().map_err(|e| Error::Io(e.into_error()))
    }
}

impl Writer<File> {
    /// A writer creating (or truncating) the file at `path`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Writer<File>> {
        Ok(Writer::from_writer(File::create(path)?))
    }
}

/// A whole list of documents as corpus text.
///
/// ```
/// use dateline::corpus::{self, Document};
///
/// let docs = [Document::new("a.txt", "one\n"), Document::new("b.txt", "")];
/// let text = corpus::to_string(&docs)?;
/// assert_eq!(text, "==> a.txt <==\none\n\n==> b.txt <==\n");
/// assert_eq!(corpus::parse(&text)?, docs);
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn to_string(docs: &[Document<'_>]) -> Result<String> {
    let mut writer = Writer::from_writer(Vec::new());
    for doc in docs {
        writer.write_document(doc)?;
    }
    let bytes = writer.into_inner()?;
    // Everything written came from `&str`s and ASCII, so this is UTF-8.
    String::from_utf8(bytes).map_err(|e| Error::Io(io::Error::new(io::ErrorKind::InvalidData, e)))
}
