//! Directory corpora: one document per `*.txt` file.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::syntax::{self, RawStart};
use super::Document;
use crate::error::{CorpusErrorKind, Error, Position, Result};

/// The documents of a directory's `*.txt` files, read one file at a time,
/// from [`ReaderBuilder::from_dir`](super::ReaderBuilder::from_dir).
///
/// The directory is listed (and names sorted) when it is made; each file is
/// read when its document is asked for, so memory is bounded by the largest
/// file. A file that fails to read yields its error and iteration goes on:
/// an unreadable file, a dangling symbolic link or a name that is not UTF-8
/// is reported in its place in name order (the error names the file), and
/// the other files are read.
#[derive(Debug)]
pub struct DirReader {
    files: std::vec::IntoIter<(String, Result<PathBuf>)>,
    lossy: bool,
    replaced: Vec<Position>,
}

impl DirReader {
    pub(crate) fn new(path: &Path, lossy: bool) -> Result<DirReader> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            let file_name = entry.file_name();
            let Some(name) = file_name.to_str() else {
                // A name that is not UTF-8 cannot be a document name.
                let shown = file_name.to_string_lossy().into_owned();
                if shown.ends_with(".txt") {
                    let position = Position { document: Some(shown.clone()), line: 0, byte: 0 };
                    files.push((shown, Err(Error::Corpus { position, kind: CorpusErrorKind::InvalidUtf8 })));
                }
                continue;
            };
            if !name.ends_with(".txt") {
                continue;
            }
            // `metadata` follows symlinks, as `tail *.txt` would. Directories
            // are not documents; an entry whose metadata cannot be read (a
            // dangling link) stays, so that reading it reports why.
            if std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            files.push((name.to_string(), Ok(entry.path())));
        }
        // Byte order of names: what `LC_ALL=C tail -n +1 *.txt` prints.
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(DirReader { files: files.into_iter(), lossy, replaced: Vec::new() })
    }

    /// In lossy mode, where invalid UTF-8 was replaced in the last document
    /// read (line and byte within its file).
    pub fn replacements(&self) -> &[Position] {
        &self.replaced
    }

    fn read(&mut self, name: String, file: &Path) -> Result<Document<'static>> {
        let bytes = std::fs::read(file).map_err(|e| {
            // Name the file: the error alone does not say which entry failed.
            Error::Io(std::io::Error::new(e.kind(), format!("cannot read {}: {e}", file.display())))
        })?;
        let start = RawStart { line: 1, byte: 0 };
        let mut text = syntax::decode(bytes, self.lossy, start, &name, &mut self.replaced)?;
        let (meta, body_start) = syntax::split_front_matter(&text, start, &name)?;
        let meta = meta.into_owned();
        text.replace_range(..body_start.min(text.len()), "");
        Ok(Document { name: Cow::Owned(name), meta, body: Cow::Owned(text) })
    }
}

impl Iterator for DirReader {
    type Item = Result<Document<'static>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.replaced.clear();
        let (name, file) = self.files.next()?;
        Some(file.and_then(|file| self.read(name, &file)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.files.size_hint()
    }
}

impl std::iter::FusedIterator for DirReader {}
