//! The crate's error type.
//!
//! Only reading input and building configuration can fail; analysing text
//! never does. Every error that comes from input carries a [`Position`]
//! saying where (document, line, byte offset) and says what was expected.

use std::fmt;

/// Where in the input an error was found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    /// Name of the document being read, when known (a corpus header or a file name).
    pub document: Option<String>,
    /// 1-based line number in the input; 0 when the error is about a
    /// document built in code rather than read ([`Document::validate`](crate::corpus::Document::validate)).
    pub line: u64,
    /// 0-based byte offset of that point in the input.
    pub byte: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.document, self.line) {
            // Line 0: not read from input (a document built in code).
            (Some(doc), 0) => write!(f, "document {doc:?}"),
            (None, 0) => write!(f, "input"),
            (doc, line) => {
                write!(f, "line {line}, byte {}", self.byte)?;
                if let Some(doc) = doc {
                    write!(f, " (document {doc:?})")?;
                }
                Ok(())
            }
        }
    }
}

/// What went wrong while reading a corpus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusErrorKind {
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8; expected UTF-8 text (use lossy mode to replace bad bytes)")]
    InvalidUtf8,
    /// Text appeared before the first `==> NAME <==` header.
    #[error("expected a header line `==> NAME <==` at the start of the corpus")]
    MissingHeader,
    /// A header line with an empty name.
    #[error("header has an empty name; expected `==> NAME <==` with a non-empty NAME")]
    EmptyName,
    /// Two documents with the same name.
    #[error("duplicate document name {0:?}; names must be unique (see DuplicatePolicy)")]
    DuplicateName(String),
    /// Front matter opened with `---` but never closed.
    #[error("front matter opened with `---` is not closed by a `---` line before the next document")]
    UnterminatedFrontMatter,
    /// A front matter line that is not `key: value`.
    #[error("front matter line {0:?} is not `key: value`")]
    MalformedFrontMatter(String),
    /// A `date` that is neither an ISO 8601 date nor an RFC 3339 datetime.
    #[error("malformed date {0:?}; expected YYYY-MM-DD or an RFC 3339 datetime")]
    MalformedDate(String),
    /// A line that opens like a header (`==> `) but does not close like one
    /// (` <==`): a corpus cut in the middle of a header line, or body text
    /// that should have been escaped as `\==> `.
    #[error("line {0:?} opens like a header but is not `==> NAME <==` (is the corpus cut short?); write a body line that opens with `==> ` as `\\==> `")]
    BrokenHeader(String),
    /// A document that cannot be written (for example a name with a newline).
    #[error("cannot write document: {0}")]
    Unwritable(String),
}

/// The crate's error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing failed at the operating-system level.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The corpus text is malformed.
    #[error("{position}: {kind}")]
    Corpus {
        /// Where.
        position: Position,
        /// What.
        kind: CorpusErrorKind,
    },
    /// A gazetteer file or builder input is malformed.
    #[error("gazetteer line {line}, column {column}: {message}")]
    Gazetteer {
        /// 1-based line (0 for builder input).
        line: u64,
        /// 1-based TSV column (0 when not about one column).
        column: u64,
        /// What was expected.
        message: String,
    },
    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
}

impl Error {
    /// The input position of the error, when it comes from corpus input.
    pub fn position(&self) -> Option<&Position> {
        match self {
            Error::Corpus { position, .. } => Some(position),
            _ => None,
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
