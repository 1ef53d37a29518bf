//! Directory corpora: one document per `*.txt` file.

use std::borrow::Cow;
use std::path::Path;

use super::syntax::{self, RawStart};
use super::Document;
use crate::error::{CorpusErrorKind, Error, Position, Result};

pub(crate) fn read_dir(path: &Path, lossy: bool) -> Result<Vec<Document<'static>>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some(name) = file_name.to_str() else {
            // A name that is not UTF-8 cannot be a document name.
            let shown = file_name.to_string_lossy().into_owned();
            if shown.ends_with(".txt") {
                let position = Position { document: Some(shown), line: 0, byte: 0 };
                return Err(Error::Corpus { position, kind: CorpusErrorKind::InvalidUtf8 });
            }
            continue;
        };
        // `metadata` follows symlinks, as `tail *.txt` would.
        if name.ends_with(".txt") && std::fs::metadata(entry.path())?.is_file() {
            files.push((name.to_string(), entry.path()));
        }
    }
    // Byte order of names: what `LC_ALL=C tail -n +1 *.txt` prints.
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut docs = Vec::with_capacity(files.len());
    for (name, file) in files {
        let bytes = std::fs::read(&file)?;
        let start = RawStart { line: 1, byte: 0 };
        let mut text = syntax::decode(bytes, lossy, start, &name, &mut Vec::new())?;
        let (meta, body_start) = syntax::split_front_matter(&text, start, &name)?;
        let meta = meta.into_owned();
        text.replace_range(..body_start.min(text.len()), "");
        docs.push(Document { name: Cow::Owned(name), meta, body: Cow::Owned(text) });
    }
    Ok(docs)
}
